// The public, append-only signature log (src/domain/transparency/): every change of
// the public count is an entry, the entries are the leaves of an RFC 9162 Merkle
// tree, and signed checkpoints of that tree let anyone check that the count was not
// rewritten afterwards. Frozen in time like every migration.
//
// Signatures already counted when this runs are logged by the server at start-up
// (logUnloggedSignatures), with the same code as the seeders: a migration does not
// call the application.
import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db)
  const bytes = pg ? 'bytea' : 'blob'
  // The random salt of a signature's commitment (shown to its signatory only, erased
  // with the row), and the position of the addition that counts it (null: not counted).
  await db.schema.alterTable('signatures').addColumn('log_salt', 'text').execute()
  await db.schema.alterTable('signatures').addColumn('log_position', 'integer').execute()
  // Confirmed signatures not in the log: normally none, so this index stays empty and
  // finding them at start-up costs nothing, at a million signatures as at ten.
  await sql`create index signatures_unlogged on signatures (id) where status = 'confirmed' and log_position is null`.execute(
    db,
  )

  // One row: the tree's size, the hashes of its complete subtrees (its frontier, enough
  // to append and to compute the root), and the running totals. On PostgreSQL every
  // append locks it, which is what keeps positions dense and in order.
  await db.schema
    .createTable('transparency_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('additions', 'integer', (c) => c.notNull())
    .addColumn('cancellations', 'integer', (c) => c.notNull())
    .addColumn('frontier', 'text', (c) => c.notNull())
    .execute()
  await db
    .insertInto('transparency_head')
    .values({ id: 1, size: 0, additions: 0, cancellations: 0, frontier: '' })
    .execute()

  await db.schema
    .createTable('transparency_entries')
    .addColumn('position', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('commitment', 'text')
    .addColumn('cancels', 'integer')
    .execute()

  // Every complete subtree (2^level leaves from index·2^level): proofs read O(log n) of them.
  let nodes = db.schema
    .createTable('transparency_nodes')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('hash', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('transparency_nodes_pk', ['level', 'idx'])
  // Two million small rows at a million signatures: on SQLite without a rowid the
  // primary key is the table, not a second copy of it.
  if (!pg) nodes = nodes.modifyEnd(sql`without rowid`)
  await nodes.execute()

  await db.schema
    .createTable('transparency_checkpoints')
    .addColumn('size', 'integer', (c) => c.primaryKey())
    .addColumn('root', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'transparency_checkpoints',
    'transparency_nodes',
    'transparency_entries',
    'transparency_head',
  ])
    await db.schema.dropTable(table).ifExists().execute()
  await sql`drop index if exists signatures_unlogged`.execute(db)
  await db.schema.alterTable('signatures').dropColumn('log_position').execute()
  await db.schema.alterTable('signatures').dropColumn('log_salt').execute()
}
