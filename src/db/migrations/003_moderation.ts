// Moderation and administration: moderators, their login links and sessions, the
// audit log, runtime settings, domains named or blocked, flags, and the columns a
// signature needs to be hidden, approved or invalidated. Frozen in time like every
// migration; it does not depend on 002.
import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  const id = (col: any) => (pg ? col.primaryKey() : col.primaryKey().autoIncrement())
  const idType = pg ? 'serial' : 'integer'

  // Hidden by a moderator (with a reason); approved (shown publicly under pre-moderation,
  // and set at confirmation otherwise); invalidated after an attack (out of every count).
  await db.schema.alterTable('signatures').addColumn('hidden_at', 'text').execute()
  await db.schema.alterTable('signatures').addColumn('hidden_reason', 'text').execute()
  await db.schema.alterTable('signatures').addColumn('approved_at', 'text').execute()
  await db.schema.alterTable('signatures').addColumn('invalidated_at', 'text').execute()
  await db.schema.alterTable('signatures').addColumn('comment_approved_at', 'text').execute()
  // Keyed hash of the client's network, erased after a few days: for bursts and bulk invalidation.
  await db.schema.alterTable('signatures').addColumn('network_key', 'text').execute()
  // "first last" without case or accents: the same name signed many times.
  await db.schema.alterTable('signatures').addColumn('name_key', 'text').execute()
  // Signatures confirmed before pre-moderation existed were public: they count as approved.
  await db
    .updateTable('signatures')
    .set({ approved_at: sql`confirmed_at` })
    .where('status', '=', 'confirmed')
    .execute()
  await db.schema
    .createIndex('signatures_network')
    .on('signatures')
    .columns(['network_key', 'submitted_at'])
    .execute()
  await db.schema.createIndex('signatures_name_key').on('signatures').column('name_key').execute()
  await db.schema.createIndex('signatures_domain').on('signatures').column('email_domain').execute()

  await db.schema
    .createTable('signature_flags')
    .addColumn('signature_id', 'integer', (c) => c.notNull().references('signatures.id').onDelete('cascade'))
    .addColumn('flag', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('signature_flags_pk', ['signature_id', 'flag'])
    .execute()
  await db.schema
    .createIndex('signature_flags_flag')
    .on('signature_flags')
    .columns(['flag', 'signature_id'])
    .execute()

  await db.schema
    .createTable('moderators')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('admin_login_links')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('admin_sessions')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  // Login requests, by keyed network hash and by address hash, for rate limiting.
  await db.schema
    .createTable('admin_login_attempts')
    .addColumn('id', idType, id)
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('admin_login_attempts_key')
    .on('admin_login_attempts')
    .columns(['key', 'created_at'])
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', idType, id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute()

  await db.schema
    .createTable('settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('domains')
    .addColumn('domain', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text')
    .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'domains',
    'settings',
    'audit_log',
    'admin_login_attempts',
    'admin_sessions',
    'admin_login_links',
    'moderators',
    'signature_flags',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  for (const index of ['signatures_network', 'signatures_name_key', 'signatures_domain'])
    await db.schema.dropIndex(index).execute()
  for (const column of [
    'hidden_at',
    'hidden_reason',
    'approved_at',
    'invalidated_at',
    'comment_approved_at',
    'network_key',
    'name_key',
  ]) {
    await db.schema.alterTable('signatures').dropColumn(column).execute()
  }
}
