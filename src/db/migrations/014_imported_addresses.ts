// The addresses that npm run import has mailed a consent request to, as the same keyed
// hash as a signature's (never the address): re-running a file, or another file with
// the same person, mails nobody twice, even once their pending signature was purged
// unanswered or they withdrew it. Frozen in time like every migration: Kysely<any>.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imported_addresses')
    .addColumn('email_hash', 'text', (c) => c.primaryKey())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('imported_addresses').execute()
}
