// Moves a campaign from its SQLite file to an empty PostgreSQL database: every table the
// schema holds (signatures, links, counters, the outbox, moderation, rate limits, and
// whatever later migrations add), read from one snapshot of the file and written in
// one PostgreSQL transaction, so that the copy is one committed state of the campaign
// or nothing at all. The SQLite file is only read.
import SQLite from 'better-sqlite3'
import { type Kysely, sql } from 'kysely'
import { migrateToLatest, openDatabase } from './database.js'
import { migrations } from './migrations/index.js'
import { createTransactor } from './transactor.js'

/** Tables are named at run time, from the schema itself: the handle is untyped. */
// biome-ignore lint/suspicious/noExplicitAny: as in the migrations, the tables are not the typed ones
type AnyDb = Kysely<any>

/** Kysely's own bookkeeping: made by the migrations on the new side, not copied. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock'])

/** PostgreSQL takes at most 65 535 parameters a statement; rows are sent in batches under it. */
const MAX_PARAMETERS = 30_000
const MAX_ROWS_PER_INSERT = 1000

export interface MovedTable {
  table: string
  rows: number
}

/** Why the move did not start or did not finish: said to the operator as one line. */
export class MoveError extends Error {
  override name = 'MoveError'
}

export interface MoveOptions {
  /** Told as each table is copied. */
  progress?: (table: string, rows: number) => void
}

export async function moveToPostgres(
  sqliteFile: string,
  databaseUrl: string,
  options: MoveOptions = {},
): Promise<MovedTable[]> {
  const source = new SQLite(sqliteFile, { readonly: true, fileMustExist: true })
  const target = await openDatabase({ databaseUrl, sqliteFile: '' })
  const db = target.db as unknown as AnyDb
  try {
    source.pragma('busy_timeout = 5000')
    // The read transaction pins one snapshot of the file (WAL): a server still writing
    // does not change what is copied, and every count below is of that same state.
    source.exec('begin')
    checkMigrated(source)
    const existing = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
    if (existing.rows.length > 0)
      throw new MoveError(
        `the PostgreSQL database is not empty (${existing.rows
          .map((r) => r.table_name)
          .slice(0, 5)
          .join(', ')}…): give an empty one (createdb)`,
      )
    await migrateToLatest(target.db)
    const tables = await tablesInLoadOrder(db)
    const moved: MovedTable[] = []
    await createTransactor(target.db, 'postgres').transact(async (tx) => {
      for (const table of tables) {
        const columns = await columnsOf(db, table)
        const missing = columns.filter((c) => !sqliteColumns(source, table).includes(c))
        if (missing.length > 0)
          throw new MoveError(`table ${table}: the SQLite file has no column ${missing.join(', ')}`)
        const list = columns.map((c) => `"${c}"`).join(', ')
        // The database was empty: any row here was put by a migration (the public log's
        // head, say), and the SQLite file holds its current value.
        await sql`delete from ${sql.table(table)}`.execute(tx)
        const batch = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length)))
        let rows: Record<string, unknown>[] = []
        const write = (values: Record<string, unknown>[]) =>
          (tx as unknown as AnyDb).insertInto(table).values(values).execute()
        for (const row of source.prepare(`select ${list} from "${table}"`).iterate()) {
          rows.push(row as Record<string, unknown>)
          if (rows.length === batch) {
            await write(rows)
            rows = []
          }
        }
        if (rows.length > 0) await write(rows)
        const expected = countIn(source, table)
        const { copied } = (
          await sql<{ copied: number }>`select count(*) as copied from ${sql.table(table)}`.execute(tx)
        ).rows[0]!
        if (copied !== expected)
          throw new MoveError(
            `table ${table}: ${expected} rows in SQLite, ${copied} in PostgreSQL; nothing was kept`,
          )
        await restartSequences(tx as unknown as AnyDb, table)
        moved.push({ table, rows: copied })
        options.progress?.(table, copied)
      }
    })
    // Fresh statistics, so that the planner does not take 100 000 rows for an empty table.
    await sql`analyze`.execute(db)
    return moved
  } finally {
    if (source.inTransaction) source.exec('rollback')
    source.close()
    await target.close()
  }
}

/** The SQLite file must be at this version's schema, neither behind nor ahead of it. */
function checkMigrated(source: SQLite.Database): void {
  const applied = new Set(
    (source.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name),
  )
  const known = Object.keys(migrations)
  const behind = known.filter((name) => !applied.has(name))
  if (behind.length > 0)
    throw new MoveError(
      `the SQLite file lacks migration ${behind[0]}: start this version of Paraphe on it once (npm start), stop it, then move`,
    )
  const ahead = [...applied].filter((name) => !known.includes(name))
  if (ahead.length > 0)
    throw new MoveError(
      `the SQLite file has migration ${ahead[0]}, unknown to this version: upgrade Paraphe first`,
    )
}

function sqliteColumns(source: SQLite.Database, table: string): string[] {
  return (source.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map(
    (r) => r.name,
  )
}

function countIn(source: SQLite.Database, table: string): number {
  return (source.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n
}
async function columnsOf(db: AnyDb, table: string): Promise<string[]> {
  const result = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}
    order by ordinal_position`.execute(db)
  return result.rows.map((r) => r.column_name)
}

/** Every table of the schema, each after the tables its foreign keys point to. */
async function tablesInLoadOrder(db: AnyDb): Promise<string[]> {
  const tables = (
    await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  ).rows
    .map((r) => r.table_name)
    .filter((t) => !MIGRATOR_TABLES.has(t))
  const references = (
    await sql<{ child: string; parent: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(
      db,
    )
  ).rows
  const ordered: string[] = []
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table) || path.includes(table)) return
    for (const r of references) if (r.child === table && r.parent !== table) visit(r.parent, [...path, table])
    ordered.push(table)
  }
  for (const table of tables) visit(table, [])
  return ordered
}

/** Generated ids go on after the copied ones, not from 1 into a unique-key violation. */
async function restartSequences(tx: AnyDb, table: string): Promise<void> {
  const generated = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}
      and (column_default like 'nextval(%' or is_identity = 'YES')`.execute(tx)
  for (const { column_name: column } of generated.rows) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
      tx,
    )
  }
}
