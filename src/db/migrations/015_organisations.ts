// Organisations as signatories: a laboratory, a department, a learned society, a union
// branch signs the text in its own name. An organisation signs apart from people: its
// own table, its own links, its own count; the headline count and the public log stay
// people. Anyone may claim to speak for an organisation, so one is listed only once a
// moderator approved it; until then its contact's address is kept in clear, for the
// moderator to check the claim with them and to tell them the decision.
// Frozen in time like every migration: Kysely<any>, no application types.
import type { Kysely } from 'kysely'
import { isPostgres } from '../dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  const idType = pg ? 'serial' : 'integer'
  const id = (col: any) => (pg ? col.primaryKey() : col.primaryKey().autoIncrement())

  await db.schema
    .createTable('organisations')
    .addColumn('id', idType, id)
    // The contact's address: its keyed hash finds the signature (one per address) …
    .addColumn('email_hash', 'text', (c) => c.notNull().unique())
    // … in clear only until a moderator decided; its domain stays, for moderators.
    .addColumn('email', 'text')
    .addColumn('email_domain', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    // Who signs for it, in which role, and how it decided: shown to moderators only.
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mandate', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('mails_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('approved_at', 'text')
    // A new name, kind or web site its contact proposed once it was approved (JSON): the
    // approved ones stay listed until a moderator accepts the change.
    .addColumn('proposed', 'text')
    .addColumn('proposed_at', 'text')
    .addColumn('hidden_at', 'text')
    .addColumn('network_key', 'text')
    // Lower-case, accent-free name: the order of the public list on both databases.
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('organisations_listed')
    .on('organisations')
    .columns(['kind', 'sort_key', 'id'])
    .execute()

  // The links mailed to an organisation's contact, as the tokens of people: only a hash.
  await db.schema
    .createTable('organisation_links')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // What a confirmation link confirms, exactly as submitted with it (JSON).
    .addColumn('submission', 'text')
    .execute()
  await db.schema
    .createIndex('organisation_links_owner')
    .on('organisation_links')
    .column('organisation_id')
    .execute()

  // A mail still queued for an organisation goes when its signature is withdrawn.
  await db.schema.alterTable('outbox').addColumn('organisation_id', 'integer').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('organisation_id').execute()
  await db.schema.dropTable('organisation_links').execute()
  await db.schema.dropTable('organisations').execute()
}
