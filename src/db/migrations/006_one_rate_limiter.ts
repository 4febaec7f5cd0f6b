// One rate limiter. Login attempts are counted by it like every other limit, so their
// own table goes. On PostgreSQL its windows are written without the write-ahead log
// (UNLOGGED): a rate-limit hit waits for no disk flush, and a crash of the database,
// which empties such a table, only reopens each budget once. The cap on mail per
// recipient counts mailboxes (one whatever its +tag, dots or case): the outbox keeps
// the mailbox's keyed hash beside the address's.
import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('admin_login_attempts').execute()
  if (isPostgres(db)) await sql`alter table rate_limits set unlogged`.execute(db)
  await db.schema.alterTable('outbox').addColumn('mailbox_hash', 'text').execute()
  await db.schema.createIndex('outbox_mailbox').on('outbox').columns(['mailbox_hash', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_mailbox').execute()
  await db.schema.alterTable('outbox').dropColumn('mailbox_hash').execute()
  if (isPostgres(db)) await sql`alter table rate_limits set logged`.execute(db)
  const pg = isPostgres(db)
  await db.schema
    .createTable('admin_login_attempts')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('admin_login_attempts_key')
    .on('admin_login_attempts')
    .columns(['key', 'created_at'])
    .execute()
}
