// Every test app starts on a database already migrated: a copy of one SQLite file, or a
// PostgreSQL database made from a template (CREATE DATABASE … TEMPLATE copies its files).
// Both are migrated once per run by the global setup, with the migrations the server
// runs, so that every test still exercises them from an empty database; what the copies
// save is running them again for each of the hundred-odd apps a run starts (about a
// second of CPU each on PostgreSQL). The server migrates at start as always, and finds
// nothing left to do.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { migrateToLatest, openDatabase } from '../../src/db/database.js'
import { waitFor } from './wait.js'

/** A migrated SQLite file in a new temporary folder, and how to remove it. */
export async function migratedSqliteFile(): Promise<{ file: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'paraphe-template-'))
  const file = join(dir, 'paraphe.sqlite')
  const handle = await openDatabase({ sqliteFile: file, warn: () => {} })
  await migrateToLatest(handle.db)
  // Closing the last connection checkpoints the write-ahead log into the file and removes
  // it: the file alone is the whole database, ready to be copied.
  await handle.close()
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * A migrated database on the server at `adminUrl`, to be used as a template; returns its
 * name and the prefix of the name of every database the run makes (copies of it, or empty
 * ones). Its `drop` also drops whatever of those is left: the copy each worker keeps ready
 * (databases.ts), a drop cut short when a worker ended.
 */
export async function migratedPostgresTemplate(
  adminUrl: string,
): Promise<{ name: string; copyPrefix: string; drop(): Promise<void> }> {
  const id = randomBytes(6).toString('hex')
  const name = `paraphe_template_${id}`
  const copyPrefix = `paraphe_test_${id}_`
  await onServer(adminUrl, `CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({ databaseUrl: url.toString(), sqliteFile: '' })
  try {
    await migrateToLatest(handle.db)
  } finally {
    // A template must have no connection left when it is copied.
    await handle.close()
  }
  return {
    name,
    copyPrefix,
    async drop() {
      await dropDatabasesStartingWith(adminUrl, copyPrefix)
      await onServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

/** Drops every database whose name starts with `prefix`, once none is being made or dropped. */
async function dropDatabasesStartingWith(adminUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    // A worker that ended while the server was making or dropping one left it to finish.
    let busy: string[] = []
    await waitFor(
      () => `the server to finish the statements of ended workers on ${prefix}*: ${busy.join('; ')}`,
      async () => {
        const { rows } = await client.query<{ query: string }>(
          `select query from pg_stat_activity
            where state = 'active' and pid <> pg_backend_pid() and strpos(query, $1) > 0`,
          [prefix],
        )
        busy = rows.map((r) => r.query)
        return busy.length === 0
      },
      { timeoutMs: 30_000 },
    ).catch((error: Error) => console.warn(`${error.message}; dropping regardless`))
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    )
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`)
  } finally {
    await client.end()
  }
}

export async function onServer(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
