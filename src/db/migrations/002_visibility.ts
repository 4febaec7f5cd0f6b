// Making the resistance visible: the debate opt-in, listing by institution, the
// relay of messages to willing signatories, and prefix reads of the counters.
// Frozen in time like every migration: Kysely<any>, no application types.
import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  const idType = pg ? 'serial' : 'integer'
  const id = (col: any) => (pg ? col.primaryKey() : col.primaryKey().autoIncrement())

  // 1: willing to help organise a debate in one's institution.
  await db.schema
    .alterTable('signatures')
    .addColumn('wants_debate', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // An institution's page lists its public signatories, newest first, by keyset;
  // the relay finds its willing signatories by the same leading column.
  await db.schema
    .createIndex('signatures_domain_list')
    .on('signatures')
    .columns(['email_domain', 'status', 'is_public', 'confirmed_at', 'id'])
    .execute()

  // Extra headers of a queued mail (JSON): List-Unsubscribe and Reply-To of relayed messages.
  await db.schema.alterTable('outbox').addColumn('headers', 'text').execute()

  // Counters are read by name prefix ("domain:…"): on PostgreSQL a pattern index lets
  // LIKE 'prefix%' use it whatever the database collation; SQLite's GLOB uses the key.
  if (pg) await sql`create index counters_name_pattern on counters (name text_pattern_ops)`.execute(db)

  // A message for the willing signatories of one institution, held until its sender
  // confirms their own address; the address and text are erased once relayed.
  await db.schema
    .createTable('relay_messages')
    .addColumn('id', idType, id)
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('sender_hash', 'text', (c) => c.notNull())
    .addColumn('sender_email', 'text')
    .addColumn('sender_name', 'text')
    .addColumn('body', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('confirm_hash', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema
    .createIndex('relay_sender')
    .on('relay_messages')
    .columns(['sender_hash', 'sent_at'])
    .execute()
  await db.schema.createIndex('relay_domain').on('relay_messages').columns(['domain', 'sent_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('relay_messages').execute()
  if (isPostgres(db)) await sql`drop index counters_name_pattern`.execute(db)
  await db.schema.alterTable('outbox').dropColumn('headers').execute()
  await db.schema.dropIndex('signatures_domain_list').execute()
  await db.schema.alterTable('signatures').dropColumn('wants_debate').execute()
}
