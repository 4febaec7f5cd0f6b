// Rate-limit counters, kept in the database so that every instance in front of one
// PostgreSQL database shares them. One row per (bucket, window): a bucket names what
// is counted ("sign:net:<network hash>", "sign:domain:<domain>"), a window its start.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('rate_limits_pk', ['bucket', 'window_start'])
    .execute()
  // The hourly report and the clean-up read windows by age.
  await db.schema.createIndex('rate_limits_window').on('rate_limits').column('window_start').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute()
}
