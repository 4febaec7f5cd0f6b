// The first schema. Migrations are frozen in time: they take Kysely<any> and never
// import the application's types, and they are never edited once landed.
import type { Kysely } from 'kysely'
import { isPostgres } from '../dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  const id = (col: any) => (pg ? col.primaryKey() : col.primaryKey().autoIncrement())
  const idType = pg ? 'serial' : 'integer'

  await db.schema
    .createTable('signatures')
    .addColumn('id', idType, id)
    .addColumn('email_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('email_domain', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('institution', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('discipline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wants_updates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('mails_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // The public list: confirmed and public, newest first, paged by (confirmed_at, id).
  await db.schema
    .createIndex('signatures_public_list')
    .on('signatures')
    .columns(['status', 'is_public', 'confirmed_at', 'id'])
    .execute()
  // Purging unconfirmed signatures looks them up by age.
  await db.schema
    .createIndex('signatures_status_submitted')
    .on('signatures')
    .columns(['status', 'submitted_at'])
    .execute()

  await db.schema
    .createTable('tokens')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('signature_id', 'integer', (c) => c.notNull().references('signatures.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('tokens_signature').on('tokens').column('signature_id').execute()
  await db.schema.createIndex('tokens_expires').on('tokens').column('expires_at').execute()

  await db.schema
    .createTable('outbox')
    .addColumn('id', idType, id)
    .addColumn('signature_id', 'integer', (c) => c.references('signatures.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text')
    .addColumn('recipient_hash', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('text_body', 'text')
    .addColumn('html_body', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('outbox_signature').on('outbox').column('signature_id').execute()
  // Mails per address per day are bounded: counted from the outbox.
  await db.schema
    .createIndex('outbox_recipient')
    .on('outbox')
    .columns(['recipient_hash', 'created_at'])
    .execute()

  await db.schema
    .createTable('suppressions')
    .addColumn('email_hash', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('counters_pk', ['name', 'shard'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['counters', 'suppressions', 'outbox', 'tokens', 'signatures']) {
    await db.schema.dropTable(table).execute()
  }
}
