// Faults of the process itself: killed without warning in the middle of a signing
// load, or asked to stop while requests are in flight.
import SQLite from 'better-sqlite3'
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { contentWith } from './helpers/content.js'
import { validSignature } from './helpers/http.js'
import { freePort, spawnServer } from './helpers/process.js'
import { waitFor } from './helpers/wait.js'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

function settings(): Record<string, string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'paraphe-crash-'))
  dirs.push(dataDir)
  return {
    DATA_DIR: dataDir,
    // This load comes from one address: the limits would get in the way of the test.
    CONTENT_DIR: contentWith({ allow_networks: '["127.0.0.0/8", "::1/128"]' }),
    BASE_URL: 'http://paraphe.test',
    SECRET: 'a-test-secret-that-is-long-enough-for-hmac-0123456789',
  }
}

async function sign(url: string, n: number): Promise<number | 'failed'> {
  try {
    const res = await fetch(`${url}/sign`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(
        validSignature({ first_name: `Crash${n}`, email: `crash${n}@cnrs.fr` }),
      ).toString(),
    })
    await res.arrayBuffer()
    return res.status
  } catch {
    return 'failed'
  }
}

describe('a server killed without warning', () => {
  it('keeps every acknowledged signature exactly once, an intact database and each confirmation mail', async () => {
    const env = settings()
    const port = await freePort()
    const acknowledged = new Set<number>()
    let next = 0
    for (let round = 0; round < 3; round++) {
      const server = await spawnServer(env, port)
      let killed = false
      // Eight signatories at a time, until enough were acknowledged in this life of the server.
      const target = acknowledged.size + 12
      const worker = async () => {
        while (!killed) {
          const n = next++
          const status = await sign(server.url, n)
          if (status === 303) acknowledged.add(n)
          if (acknowledged.size >= target && !killed) {
            killed = true
            server.child.kill('SIGKILL')
          }
        }
      }
      await Promise.all(Array.from({ length: 8 }, worker))
      expect(await server.exited).toBe('SIGKILL')
    }

    // Opened as the next start would: the write-ahead log of the killed process is recovered.
    const file = new SQLite(join(env.DATA_DIR!, 'paraphe.sqlite'))
    try {
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok')
      const rows = file.prepare('select id, first_name from signatures').all() as {
        id: number
        first_name: string
      }[]
      const byName = new Map<string, number[]>()
      for (const r of rows) byName.set(r.first_name, [...(byName.get(r.first_name) ?? []), r.id])
      for (const n of acknowledged) expect(byName.get(`Crash${n}`), `Crash${n}`).toHaveLength(1)
      // Every acknowledged signature has its confirmation mail, queued or sent.
      const mailed = new Set(
        (
          file
            .prepare(
              "select signature_id from outbox where kind = 'confirm' and status in ('pending', 'sent')",
            )
            .all() as { signature_id: number }[]
        ).map((r) => r.signature_id),
      )
      for (const n of acknowledged)
        expect(mailed.has(byName.get(`Crash${n}`)![0]!), `mail of Crash${n}`).toBe(true)
    } finally {
      file.close()
    }
    // Three starts of a server process, each compiling the sources: more than the default
    // 30 s on a busy 2-core machine.
  }, 120_000)
})

/** Sends a request's headers and half its body, and the rest when told to. */
function slowPost(url: string, body: string) {
  let finish!: () => void
  let read!: () => void
  // `Expect: 100-continue`: the server answers «100 Continue» once it has parsed the
  // request's head, so the test knows the request is under way on the server, not just
  // sent (a connection whose head the server has not read yet is idle, and a stopping
  // server may close it).
  const headRead = new Promise<void>((resolve) => (read = resolve))
  const response = new Promise<number>((resolve, reject) => {
    const req = request(`${url}/sign`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': Buffer.byteLength(body),
        Expect: '100-continue',
      },
    })
    req.on('continue', () => req.write(body.slice(0, 10), () => read()))
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.flushHeaders()
    finish = () => req.end(body.slice(10))
  })
  return { response, headRead, finish: () => finish() }
}

describe('a server asked to stop (SIGTERM)', () => {
  it('finishes the requests in flight, commits them, refuses new ones and exits 0', async () => {
    const env = settings()
    const port = await freePort()
    const server = await spawnServer(env, port)
    const inFlight = [0, 1, 2].map((n) =>
      slowPost(
        server.url,
        new URLSearchParams(validSignature({ first_name: `Stop${n}`, email: `stop${n}@cnrs.fr` })).toString(),
      ),
    )
    // The server has read the requests' heads (and the start of their bodies) before it is
    // told to stop.
    await Promise.all(inFlight.map((r) => r.headRead))
    expect((await fetch(`${server.url}/api/v1/stats`)).status).toBe(200)
    server.child.kill('SIGTERM')
    await waitFor('the stopping server to refuse new connections', () =>
      fetch(`${server.url}/api/v1/stats`).then(
        () => false,
        () => true,
      ),
    )
    for (const r of inFlight) r.finish()
    expect(await Promise.all(inFlight.map((r) => r.response))).toEqual([303, 303, 303])
    expect(await server.exited).toBe(0)
    const file = new SQLite(join(env.DATA_DIR!, 'paraphe.sqlite'), { readonly: true })
    try {
      const names = (
        file.prepare('select first_name from signatures order by first_name').all() as {
          first_name: string
        }[]
      ).map((r) => r.first_name)
      expect(names).toEqual(['Stop0', 'Stop1', 'Stop2'])
    } finally {
      file.close()
    }
  }, 60_000)
})
