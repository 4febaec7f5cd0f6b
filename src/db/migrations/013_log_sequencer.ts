// The public log numbered after commit (src/domain/transparency/sequencer.ts): a change
// of the count writes a pending entry in its own transaction, without a position, and
// one sequencer at a time numbers what has committed. Before, each confirmation took
// the log's head row until it committed, which made PostgreSQL confirm one signature
// at a time. Frozen in time like every migration.
import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  // The pending entry that will count the signature, until the sequencer numbers it.
  await db.schema.alterTable('signatures').addColumn('log_pending', 'integer').execute()
  // "Not in the log" now also means "not waiting to be numbered": the index that finds
  // the signatures to log at start-up must not hold the pending ones.
  await sql`drop index signatures_unlogged`.execute(db)
  await sql`create index signatures_unlogged on signatures (id)
    where status = 'confirmed' and log_position is null and log_pending is null`.execute(db)

  await db.schema
    .createTable('transparency_pending')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // An addition's signature, so that the sequencer can tell it its position; cleared then.
    .addColumn('signature_id', 'integer')
    .addColumn('commitment', 'text')
    // A cancellation's target: a position, or a pending addition not numbered when it was written.
    .addColumn('cancels', 'integer')
    .addColumn('cancels_pending', 'integer')
    // Set when numbered; the row stays a day, for cancellations written meanwhile.
    .addColumn('position', 'integer')
    .execute()
  await sql`create index transparency_pending_waiting on transparency_pending (id) where position is null`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('transparency_pending').ifExists().execute()
  await sql`drop index if exists signatures_unlogged`.execute(db)
  await sql`create index signatures_unlogged on signatures (id) where status = 'confirmed' and log_position is null`.execute(
    db,
  )
  await db.schema.alterTable('signatures').dropColumn('log_pending').execute()
}
