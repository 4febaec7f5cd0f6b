// The real server as a child process (`node --import tsx src/main.ts`), for tests
// that kill it, stop it or cut it off from its database.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { waitFor } from './wait.js'

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>
  output(): string
}

/** A port free right now, so that a restarted server can listen on the same one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 0
      s.close(() => resolve(port))
    })
  })
}

/** Starts the server and waits until it answers. */
export async function spawnServer(env: Record<string, string>, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  )
  const url = `http://127.0.0.1:${port}`
  let gone = false
  void exited.then(() => (gone = true))
  await waitFor(
    () => `the server to answer at ${url}:\n${output}`,
    async () => {
      if (gone) throw new Error(`server exited at start:\n${output}`)
      try {
        const res = await fetch(`${url}/api/v1/stats`)
        await res.arrayBuffer()
        return res.ok
      } catch {
        return false // Not listening yet.
      }
    },
    { timeoutMs: 30_000, everyMs: 50 },
  )
  return { child, url, exited, output: () => output }
}
