// A confirmation link confirms the data submitted with it, and nothing else: each
// link keeps its own copy of what was submitted (JSON of the profile, the choices,
// the address when a choice needs it, the locale and the consent version). A later
// submission with the same address adds a link of its own and changes no other.
// Links made before this migration carry none, and confirm the signature as stored.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tokens').addColumn('submission', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tokens').dropColumn('submission').execute()
}
