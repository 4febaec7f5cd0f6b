// Opens the database named by the config (SQLite file by default, PostgreSQL when
// DATABASE_URL is set), applies pending migrations, and hands out one typed handle.
import type SQLite from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely'
import { PRIVATE_FILE, privateFile, tighten } from '../data-dir.js'
import type { Database } from './schema.js'
import { migrations } from './migrations/index.js'

export type Db = Kysely<Database>
export type Tx = Transaction<Database>
export { sql }
export type { Expression, ExpressionBuilder, SelectQueryBuilder, SqlBool } from 'kysely'

export interface DatabaseHandle {
  db: Db
  dialect: 'sqlite' | 'postgres'
  close(): Promise<void>
}

export interface DatabaseOptions {
  databaseUrl?: string
  sqliteFile: string
  /** Where to say that a database file could not be made private (default: standard error). */
  warn?: (line: string) => void
}

/**
 * Each driver is loaded when its database is opened: a site on SQLite never loads
 * pg, one on PostgreSQL never loads the SQLite binary (memory, start-up time, and
 * no native module to build for a database nobody uses).
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const { default: pg } = await import('pg')
    // COUNT(*) and SUM() come back from PostgreSQL as int8, which pg gives as strings:
    // our counts stay far below 2^53, so read them as numbers on both databases.
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10))
    pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))
    // A database that does not answer must give visitors a 503 within seconds, not a hang.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 5000,
    })
    // An idle client losing its connection (database restart) must not crash the server.
    pool.on('error', () => {})
    // Nor one in use, between two queries of a request: its query fails (a 503), and
    // the pool discards it when it is released.
    pool.on('connect', (client) => client.on('error', () => {}))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, dialect: 'postgres', close: () => db.destroy() }
  }
  // The database holds every signatory's name and choices, and its write-ahead log the
  // latest of them: SQLite gives -wal and -shm the permissions of the database file,
  // so creating that file 0600 before SQLite does keeps all three private.
  const warn = options.warn ?? ((line: string) => console.warn(line))
  const onDisk = options.sqliteFile !== ':memory:' && options.sqliteFile !== ''
  const files = onDisk
    ? [
        privateFile(options.sqliteFile),
        ...['-wal', '-shm'].map((s) => tighten(options.sqliteFile + s, PRIVATE_FILE)),
      ]
    : []
  for (const line of files) if (line) warn(line)
  const { default: SQLiteDatabase } = await import('better-sqlite3')
  const file = new SQLiteDatabase(options.sqliteFile)
  file.pragma('journal_mode = WAL')
  // A signature acknowledged to its signatory must survive a crash or a power cut:
  // with FULL, every commit is on disk before the HTTP answer goes out.
  file.pragma('synchronous = FULL')
  file.pragma('foreign_keys = ON')
  file.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

/**
 * Kysely prepares every query anew; compiling SQL is a good part of a query's cost
 * on SQLite, and the application runs the same few dozen queries over and over.
 */
function withStatementCache(file: SQLite.Database, size = 256) {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => file.close(),
    prepare(query: string) {
      let statement = cache.get(query)
      if (!statement) {
        statement = file.prepare(query)
        if (cache.size >= size) cache.delete(cache.keys().next().value!)
        cache.set(query, statement)
      }
      return statement
    },
  }
}

// Numbers are reserved by work landing in parallel (005–007 may land after 008 has run
// somewhere): a migration is applied when missing, whatever ran after it in name order.
const migratorOf = (db: Db) =>
  new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true })

/** Which migrations the database has had, and which it still needs. */
export async function migrationState(db: Db): Promise<{ applied: string[]; pending: string[] }> {
  const all = await migratorOf(db).getMigrations()
  return {
    applied: all.filter((m) => m.executedAt !== undefined).map((m) => m.name),
    pending: all.filter((m) => m.executedAt === undefined).map((m) => m.name),
  }
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<void> {
  const { error, results } = await migratorOf(db).migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message}`)
  }
}

/** True when an insert failed on a unique constraint, on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505'
}

/** True when the database cannot be reached (server down, connection lost). */
/**
 * Whether a failure is the storage's, not the request's: the database cannot be reached
 * or is busy (worth trying again), or the disk is full (not worth it, but the form is
 * shown again all the same).
 */
export function storageFailure(err: unknown): 'unavailable' | 'full' | undefined {
  if (isUnavailable(err)) return 'unavailable'
  const code = (err as { code?: string } | null)?.code ?? ''
  if (['STORAGE_FULL', 'SQLITE_FULL', 'ENOSPC', '53100'].includes(code)) return 'full'
  return undefined
}

export function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? ''
  return (
    ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '08001', '08003', 'SQLITE_BUSY'].includes(
      code,
    ) ||
    // pg's messages for a connection lost, refused, timed out, or broken by an earlier loss.
    /Connection terminated|connect ECONNREFUSED|timeout expired|not queryable/.test(
      String((err as Error)?.message),
    )
  )
}
