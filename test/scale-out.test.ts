// Several server processes may share one PostgreSQL database behind a proxy. Every
// signature must then be counted once, and every mail sent once.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { recount, readCounts } from '../src/domain/counters.js'
import { startServer, type RunningServer } from '../src/server.js'
import { contentWith } from './helpers/content.js'
import { createPostgresDatabase } from './helpers/databases.js'
import { hiddenValue, get, linkIn, postForm, validSignature } from './helpers/http.js'
import { startSmtp, type TestSmtp } from './helpers/smtp.js'

// The test clients all sign from loopback, far above a network's normal budget.
const loopbackContent = contentWith({ allow_networks: '["127.0.0.0/8", "::1/128"]' })

describe('two servers on one PostgreSQL database', () => {
  let servers: RunningServer[] = []
  let smtp: TestSmtp
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>
  const dirs: string[] = []

  beforeAll(async () => {
    smtp = await startSmtp()
    database = await createPostgresDatabase()
    for (let i = 0; i < 2; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'paraphe-scale-'))
      dirs.push(dataDir)
      const config = loadConfig({
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        BASE_URL: 'http://paraphe.test',
        DATABASE_URL: database.url,
        SMTP_URL: smtp.url,
        SECRET: 'one-secret-shared-by-every-instance-of-the-site',
        CONTENT_DIR: loopbackContent,
      })
      // Sequentially: the first applies the migrations, the second finds them done.
      servers.push(
        await startServer(config, { log: () => {}, mailPollMs: 50, purgeEveryMs: 0, guardWrites: true }),
      )
    }
  })
  afterAll(async () => {
    for (const s of servers) await s.stop()
    await smtp?.close()
    await database?.drop()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
    servers = []
  })

  it('counts every signature once and sends every mail once', async () => {
    const people = Array.from({ length: 60 }, (_, i) => `person${i}@univ-lille.fr`)
    // Everyone signs twice, once on each server, at the same time.
    const answers = await Promise.all(
      people.flatMap((email, i) => [
        postForm(servers[i % 2]!.url, '/sign', validSignature({ email, first_name: `P${i}` })),
        postForm(servers[(i + 1) % 2]!.url, '/sign', validSignature({ email, first_name: `P${i}` })),
      ]),
    )
    expect(answers.every((a) => a.status === 303)).toBe(true)
    const pending = await servers[0]!.ctx.db.selectFrom('signatures').select('id').execute()
    expect(pending).toHaveLength(people.length)

    // Both workers poll the same outbox: each mail goes out once. A drain returns when
    // its own worker has nothing left; the other may still be sending what it claimed.
    let outbox = await servers[0]!.ctx.db.selectFrom('outbox').select(['status']).execute()
    for (let i = 0; i < 300 && outbox.some((r) => r.status !== 'sent'); i++) {
      await Promise.all(servers.map((s) => s.worker.drain()))
      await new Promise((r) => setTimeout(r, 100))
      outbox = await servers[0]!.ctx.db.selectFrom('outbox').select(['status']).execute()
    }
    expect(outbox.every((r) => r.status === 'sent')).toBe(true)
    await smtp.waitForMessages(outbox.length)
    const recipients = smtp.messages.map((m) => (m.to as { text: string }).text)
    expect(recipients).toHaveLength(outbox.length)
    expect(new Set(recipients.map((r, i) => `${r}#${smtp.messages[i]!.text}`)).size).toBe(recipients.length)

    // Each person confirms from the first link they received, on either server, twice at once.
    const firstLink = new Map<string, string>()
    for (const m of smtp.messages) {
      const to = (m.to as { text: string }).text
      if (!firstLink.has(to)) firstLink.set(to, linkIn(m.text!, 'confirm'))
    }
    await Promise.all(
      [...firstLink.values()].map(async (path, i) => {
        const form = await get(servers[i % 2]!.url, path)
        const csrf = hiddenValue(form.html, 'csrf')
        await Promise.all([
          postForm(servers[0]!.url, path, { csrf }),
          postForm(servers[1]!.url, path, { csrf }),
        ])
      }),
    )
    for (const s of servers) {
      const counts = await readCounts(s.ctx.db)
      expect(counts.confirmed).toBe(people.length)
      expect(counts.public).toBe(people.length)
    }
    expect(await recount(servers[0]!.ctx.db)).toEqual({ confirmed: people.length, public: people.length })
  })
})

describe('a burst of confirmation mails', () => {
  it('reaches the SMTP server whole, with bounded concurrency, over a few long-lived connections', async () => {
    const smtp = await startSmtp()
    const dataDir = mkdtempSync(join(tmpdir(), 'paraphe-burst-'))
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SMTP_URL: smtp.url,
      CONTENT_DIR: loopbackContent,
    })
    const server = await startServer(config, {
      log: () => {},
      mailPollMs: 50,
      purgeEveryMs: 0,
      guardWrites: true,
    })
    try {
      const count = 200
      for (let from = 0; from < count; from += 50) {
        await Promise.all(
          Array.from({ length: Math.min(50, count - from) }, (_, k) =>
            postForm(server.url, '/sign', validSignature({ email: `burst${from + k}@cnrs.fr` })),
          ),
        )
      }
      await smtp.waitForMessages(count, 60_000)
      await server.worker.drain()
      expect(new Set(smtp.messages.map((m) => (m.to as { text: string }).text)).size).toBe(count)
      expect(smtp.messages).toHaveLength(count)
      expect(smtp.peakSessions()).toBeLessThanOrEqual(4)
      expect(smtp.totalSessions()).toBeLessThanOrEqual(8)
      const left = await server.ctx.db
        .selectFrom('outbox')
        .select('status')
        .where('status', '!=', 'sent')
        .execute()
      expect(left).toHaveLength(0)
    } finally {
      await server.stop()
      await smtp.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 180_000)
})
