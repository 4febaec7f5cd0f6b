// A TCP proxy on loopback in front of PostgreSQL, that a test can cut and restore:
// an outage of the database for this test's connections only, without stopping the
// server other tests use.
import { connect, createServer, type Socket } from 'node:net'

export interface TcpProxy {
  port: number
  /** Drops every open connection and refuses new ones (they are closed at once). */
  cut(): void
  restore(): void
  close(): Promise<void>
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  let up = true
  const open = new Set<Socket>()
  const server = createServer((client) => {
    if (!up) return client.destroy()
    const upstream = connect(targetPort, targetHost)
    open.add(client).add(upstream)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cut() {
      up = false
      for (const s of open) s.destroy()
      open.clear()
    },
    restore() {
      up = true
    },
    close() {
      for (const s of open) s.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
