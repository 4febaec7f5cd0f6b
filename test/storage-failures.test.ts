// When storage fails, nobody loses what they typed: a database that restarts is waited
// for inside the request, and a disk that fills up gets every form shown again, values
// kept, until space returns, with nothing lost or written twice.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { ON_POSTGRES } from './helpers/databases.js'
import { startEmbeddedPostgres, type EmbeddedPostgres } from './helpers/embedded-postgres.js'
import { get, postForm, validSignature } from './helpers/http.js'

const open = { allow_networks: '["127.0.0.0/8", "::1/128"]', min_fill_seconds: '0', min_group_size: '1' }

describe.runIf(ON_POSTGRES)('PostgreSQL stopped for five seconds under a signing load', () => {
  let server: EmbeddedPostgres
  let app: TestApp
  beforeAll(async () => {
    // A server of its own: stopping the shared one would fail every other test file.
    server = await startEmbeddedPostgres({ throwaway: true })
    app = await startTestApp('sqlite', { DATABASE_URL: server.url, CONTENT_DIR: contentWith(open) })
  }, 120_000)
  afterAll(async () => {
    await app?.close()
    await server?.stop()
  })

  it('answers every request 303 or 503, never 500; keeps each 303 once; and lets nearly everyone through', async () => {
    const answers: { email: string; status: number; sentAt: number; answeredAt: number }[] = []
    let running = true
    let n = 0
    const client = async () => {
      while (running) {
        const email = `restart${n++}@cnrs.fr`
        const sentAt = performance.now()
        const page = await postForm(app.url, '/sign', validSignature({ email }))
        answers.push({ email, status: page.status, sentAt, answeredAt: performance.now() })
      }
    }
    const clients = Array.from({ length: 8 }, client)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const down = performance.now()
    await server.restart(5000)
    const up = performance.now()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    running = false
    await Promise.all(clients)

    expect(answers.filter((a) => ![303, 503].includes(a.status))).toEqual([])
    // Every request that was waiting while the server was down, or sent then.
    const sentDuring = answers.filter((a) => a.sentAt < up && a.answeredAt > down)
    expect(sentDuring.length).toBeGreaterThan(0)
    // Waited for inside the request: the restart costs time, not signatures.
    const through = sentDuring.filter((a) => a.status === 303).length
    expect(through / sentDuring.length).toBeGreaterThanOrEqual(0.9)

    const rows = await app.server.ctx.db.selectFrom('signatures').select('id').execute()
    expect(rows.length).toBe(answers.filter((a) => a.status === 303).length)
    const links = await app.server.ctx.db.selectFrom('tokens').select('signature_id').execute()
    expect(new Set(links.map((l) => l.signature_id)).size).toBe(rows.length)
  }, 120_000)
})

/** A small file system of its own for DATA_DIR, or why there cannot be one here. */
function mountSmallDisk(): { dir: string; unmount: () => void } | string {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root (CI runs as root)'
  const dir = mkdtempSync(join(tmpdir(), 'paraphe-full-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m,mode=0700', 'tmpfs', dir])
  } catch (err) {
    return `mount -t tmpfs was refused: ${(err as Error).message.split('\n')[0]}`
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir])
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

describe('a full disk under SQLite', () => {
  const disk = mountSmallDisk()
  let app: TestApp
  const filler = () => join((disk as { dir: string }).dir, 'filler')

  beforeAll(async () => {
    if (typeof disk === 'string') return
    app = await startTestApp('sqlite', {
      DATA_DIR: disk.dir,
      CONTENT_DIR: contentWith({ ...open, disk_headroom_mb: '2' }),
    })
  })
  afterAll(async () => {
    await app?.close()
    if (typeof disk !== 'string') disk.unmount()
  })

  // Says why instead of passing when this machine cannot mount one.
  it.skipIf(typeof disk === 'string')(
    `shows every form again with what was typed, then takes signatures again when space returns${typeof disk === 'string' ? ` (not run: ${disk})` : ''}`,
    async () => {
      const acknowledged: string[] = []
      const sign = async (email: string, extra: Record<string, string> = {}) => {
        const page = await postForm(app.url, '/sign', validSignature({ email, ...extra }))
        if (page.status === 303) acknowledged.push(email)
        return page
      }
      for (let i = 0; i < 3; i++) expect((await sign(`before${i}@cnrs.fr`)).status).toBe(303)

      // Fill the disk to under the headroom, then wait for the gauge's next reading.
      const { bavail, bsize } = statfsSync(filler().replace(/filler$/, ''))
      writeFileSync(filler(), Buffer.alloc(Math.max(0, bavail * bsize - 1024 * 1024)))
      await new Promise((resolve) => setTimeout(resolve, 1100))

      const refused = await sign('during@cnrs.fr', { first_name: 'Élise', last_name: 'Durand-Full' })
      expect(refused.status).toBe(503)
      expect(refused.headers.get('retry-after')).toBe('30')
      expect(refused.html).toContain('Rien n’a été enregistré')
      expect(refused.html).toContain('value="Élise"')
      expect(refused.html).toContain('value="Durand-Full"')
      expect(refused.html).toContain('value="during@cnrs.fr"')
      const manage = await postForm(app.url, '/en/manage', { email: 'before0@cnrs.fr' })
      expect(manage.status).toBe(503)
      expect(manage.html).toContain('Nothing was saved')
      expect(manage.html).toContain('value="before0@cnrs.fr"')
      const probe = await get(app.url, '/healthz')
      expect(probe.status).toBe(503)
      expect(JSON.parse(probe.html)).toMatchObject({ storage: 'full' })
      // Reading still works.
      expect((await get(app.url, '/')).status).toBe(200)

      rmSync(filler())
      await new Promise((resolve) => setTimeout(resolve, 1100))
      expect((await sign('after@cnrs.fr')).status).toBe(303)
      expect((await get(app.url, '/healthz')).status).toBe(200)

      const rows = await app.server.ctx.db.selectFrom('signatures').select('id').execute()
      expect(rows.length).toBe(acknowledged.length)
      const file = new SQLite(join((disk as { dir: string }).dir, 'paraphe.sqlite'), { readonly: true })
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok')
      file.close()
    },
    60_000,
  )
})
