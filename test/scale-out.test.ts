// Several server processes may share one PostgreSQL database behind a proxy. Every
// signature must then be counted once, and every mail sent once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recount, readCounts } from '../src/domain/counters.js'
import { startAnotherInstance, startTestApp, type TestApp } from './helpers/app.js'
import { ON_POSTGRES } from './helpers/databases.js'
import { hiddenValue, get, linkIn, postForm, validSignature } from './helpers/http.js'
import { waitFor } from './helpers/wait.js'

describe.runIf(ON_POSTGRES)('two servers on one PostgreSQL database', () => {
  let apps: TestApp[] = []

  beforeAll(async () => {
    // Sequentially: the first applies the migrations, the second finds them done.
    const first = await startTestApp('postgres')
    apps = [first, await startAnotherInstance(first)]
  })
  afterAll(async () => {
    // The other instance first: the first one drops the database.
    for (const app of apps.reverse()) await app.close()
    apps = []
  })

  it('counts every signature once and sends every mail once', async () => {
    const servers = apps.map((a) => a.server)
    const smtp = apps[0]!.smtp
    const people = Array.from({ length: 60 }, (_, i) => `person${i}@univ-lille.fr`)
    // Everyone signs twice, once on each server, at the same time.
    const answers = await Promise.all(
      people.flatMap((email, i) => [
        postForm(servers[i % 2]!.url, '/sign', validSignature({ email, first_name: `P${i}` })),
        postForm(servers[(i + 1) % 2]!.url, '/sign', validSignature({ email, first_name: `P${i}` })),
      ]),
    )
    // Each answer that is not «check your mailbox», with its page's heading: what went wrong.
    const refused = answers
      .filter((a) => a.status !== 303)
      .map((a) => `${a.status} ${/<h1[^>]*>([^<]*)/.exec(a.html)?.[1] ?? a.html.slice(0, 200)}`)
    expect(refused).toEqual([])
    const pending = await servers[0]!.ctx.db.selectFrom('signatures').select('id').execute()
    expect(pending).toHaveLength(people.length)

    // Both workers poll the same outbox: each mail goes out once. A drain returns when
    // its own worker has nothing left; the other may still be sending what it claimed.
    const outbox = await waitFor(
      'every mail of the outbox sent',
      async () => {
        await Promise.all(servers.map((s) => s.worker.drain()))
        const rows = await servers[0]!.ctx.db.selectFrom('outbox').select(['status']).execute()
        return rows.every((r) => r.status === 'sent') && rows
      },
      { timeoutMs: 30_000, everyMs: 100 },
    )
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
  }, 120_000)
})

describe('a burst of confirmation mails', () => {
  it('reaches the SMTP server whole, with bounded concurrency, over a few long-lived connections', async () => {
    const app = await startTestApp('sqlite')
    const { server, smtp } = app
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
      await app.close()
    }
  }, 180_000)
})
