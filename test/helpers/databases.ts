// Integration tests run once per database: a fresh SQLite file, and a fresh
// PostgreSQL database on the server the run shares (created here, dropped afterwards),
// each a copy of a database migrated once for the run. Which server that is, and the
// migrated copies, the global setup decides: see global-setup.ts.
import { randomBytes } from 'node:crypto'
import { chmodSync, copyFileSync } from 'node:fs'
import { inject } from 'vitest'
import { type DatabaseKind, databasesToTest } from './database-kinds.js'
import { onServer } from './migrated-templates.js'

export type { DatabaseKind } from './database-kinds.js'

export const DATABASES: DatabaseKind[] = databasesToTest(process.env.TEST_DATABASES)
/** Whether this run tests PostgreSQL: the tests that only make sense on it run then. */
export const ON_POSTGRES = DATABASES.includes('postgres')

/**
 * A new database on the shared server, migrated already (a copy of the run's template),
 * or empty for a test of what happens to an empty database (`{ empty: true }`).
 *
 * CREATE DATABASE … TEMPLATE copies some 9 MB and waits for the disk: about half a second
 * on a server that syncs its writes, for each of the eighty-odd PostgreSQL apps of a run.
 * So each worker keeps the next copy ready, made while the test that took the last one
 * runs; the one still spare when the run ends is dropped with the template (see
 * migrated-templates.ts), as is any database a test left.
 */
export async function createPostgresDatabase(
  options: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('postgresUrl')
  if (!adminUrl) throw new Error('this run tests no PostgreSQL (TEST_DATABASES): no database to create')
  let name: string
  if (options.empty) {
    name = newDatabaseName()
    await onServer(adminUrl, `CREATE DATABASE ${name}`)
  } else {
    const ready = spareCopy ?? copyTemplate(adminUrl)
    spareCopy = copyTemplate(adminUrl)
    // A failure reaches the test that takes this copy, not the process.
    spareCopy.catch(() => {})
    name = await ready
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => onServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

let spareCopy: Promise<string> | undefined

async function copyTemplate(adminUrl: string): Promise<string> {
  const name = newDatabaseName()
  await onServer(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`)
  return name
}

function newDatabaseName(): string {
  return `${inject('postgresCopyPrefix')}${randomBytes(6).toString('hex')}`
}

/** Puts a migrated SQLite database where the server at `sqliteFile` will open it. */
export function copyMigratedSqlite(sqliteFile: string): void {
  copyFileSync(inject('sqliteTemplate'), sqliteFile)
  // As private as the server makes the file it creates itself.
  chmodSync(sqliteFile, 0o600)
}
