// News from the collective to the signatories who asked for it: the items moderators
// write (one text per language), who each sending reaches, and who stopped receiving
// them. Frozen in time like every migration: Kysely<any>, no application types.
import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  const idType = pg ? 'serial' : 'integer'
  const id = (col: any) => (pg ? col.primaryKey() : col.primaryKey().autoIncrement())

  // One news item. published_at: shown on the public page and in the feed from then.
  // send_started_at: the moderator pressed «send»; sent_finished_at: every recipient's
  // mail left the queue, and the final counts were kept (the outbox forgets after a while).
  await db.schema
    .createTable('news')
    .addColumn('id', idType, id)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('send_started_at', 'text')
    .addColumn('send_finished_at', 'text')
    .addColumn('sent_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('news_published').on('news').columns(['published_at', 'id']).execute()

  // Its text in each language, as Markdown.
  await db.schema
    .createTable('news_texts')
    .addColumn('news_id', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_texts_pk', ['news_id', 'locale'])
    .execute()

  // Who one sending reaches: written when the sending starts, then each row turns from
  // waiting to queued (its mail written to the outbox, in the same transaction) or to
  // skipped (the signatory stopped news or was suppressed meanwhile). The primary key is
  // what makes «each recipient once» hold whatever crashes or instances meet it.
  await db.schema
    .createTable('news_recipients')
    .addColumn('news_id', 'integer', (c) => c.notNull())
    .addColumn('signature_id', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text')
    .addColumn('outbox_id', 'integer')
    .addPrimaryKeyConstraint('news_recipients_pk', ['news_id', 'signature_id'])
    .execute()
  // The next waiting recipients in order, and the mails queued over the last minute (the throttle).
  await db.schema
    .createIndex('news_recipients_state')
    .on('news_recipients')
    .columns(['news_id', 'state', 'signature_id'])
    .execute()
  await db.schema
    .createIndex('news_recipients_queued')
    .on('news_recipients')
    .columns(['news_id', 'queued_at'])
    .execute()

  // Each time a signatory stopped news, and how (the page's button or the mail client's
  // one-click): the record of the withdrawn consent, deleted with the signature.
  await db.schema
    .createTable('news_unsubscribes')
    .addColumn('id', idType, id)
    .addColumn('signature_id', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('news_unsubscribes_signature')
    .on('news_unsubscribes')
    .column('signature_id')
    .execute()
  // Progress of a sending reads the outbox rows of its recipients by id; the throttle
  // counts news mails still waiting in the outbox by kind.
  await sql`create index outbox_kind_pending on outbox (kind) where status = 'pending'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists outbox_kind_pending`.execute(db)
  for (const table of ['news_unsubscribes', 'news_recipients', 'news_texts', 'news'])
    await db.schema.dropTable(table).ifExists().execute()
}
