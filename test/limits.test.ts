// Nobody can use the site to flood an inbox or lock someone out: every form that
// sends mail goes through the network rate limit, a mailbox is capped once whatever
// its +tag, dots or case, a moderator always gets a link from their own network, and
// /manage answers before doing anything that depends on the address.
import { createTransactor } from '../src/db/transactor.js'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { DATABASES, ON_POSTGRES } from './helpers/databases.js'
import { get, hiddenValue, postForm, validSignature } from './helpers/http.js'
import { loginLinkIn } from './helpers/admin.js'
import { signAndConfirm } from './helpers/signing.js'
import { limiterOver, sharedWindows } from '../src/domain/rate-limits.js'

const MODERATOR = 'moderation@paraphe.test'
const from = (ip: string) => ({ 'X-Forwarded-For': ip })
const recipients = (app: TestApp) =>
  app.smtp.messages.map((m) => (m.to as { text: string }).text.toLowerCase())

/** Mails queued so far, of one kind or of every kind. */
async function queued(app: TestApp, kind?: string): Promise<number> {
  let q = app.server.ctx.db.selectFrom('outbox').select('id')
  if (kind) q = q.where('kind', '=', kind)
  return (await q.execute()).length
}

// One person's mailbox, written as an attacker would to get past a per-address cap.
const VARIANTS = [
  'victim+1@gmail.com',
  'Victim+2@gmail.com',
  'v.i.c.t.i.m@gmail.com',
  'VICTIM@gmail.com',
  'vic.tim+news@gmail.com',
  'victim+3@gmail.com',
  'victim+4@gmail.com',
  'v.ictim+5@gmail.com',
]

describe.each(DATABASES)('floods and lock-outs (%s)', (kind) => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  it('counts rate limits without a disk write of their own, and has one limiter for logins too', async () => {
    app = await startTestApp(kind, { CONTENT_DIR: contentWith({ manage_per_minute: '2' }) })
    const statuses = []
    for (let n = 0; n < 3; n++)
      statuses.push((await postForm(app.url, '/manage', { email: 'x@cnrs.fr' })).status)
    expect(statuses).toEqual([303, 303, 429])
    const db = app.server.ctx.db
    const tables = (await db.introspection.getTables()).map((t) => t.name)
    expect(tables).not.toContain('admin_login_attempts')
    if (kind === 'sqlite') {
      // One process owns the database: its windows stay in memory.
      expect(await db.selectFrom('rate_limits').select('bucket').execute()).toEqual([])
    } else {
      // Shared by instances, written without the write-ahead log: no flush to wait for.
      const { rows } = await (await import('kysely')).sql<{
        relpersistence: string
      }>`select relpersistence from pg_class where relname = 'rate_limits'`.execute(db)
      expect(rows[0]!.relpersistence).toBe('u')
    }
  })

  it('caps the mail to one mailbox whatever its +tag, dots or case, keeping one signature per address typed', async () => {
    app = await startTestApp(kind)
    for (const email of VARIANTS)
      expect((await postForm(app.url, '/sign', validSignature({ email }))).status).toBe(303)
    // The dedupe rule is unchanged: each address typed is its own signature.
    expect(await app.server.ctx.db.selectFrom('signatures').select('id').execute()).toHaveLength(
      VARIANTS.length,
    )
    expect(await queued(app)).toBe(app.config.site.maxMailsPerAddress)
  })

  it('still mails a person who asks from their own network after a flood from another', async () => {
    app = await startTestApp(kind, { TRUSTED_PROXY_HOPS: '1' })
    for (const email of VARIANTS)
      await postForm(app.url, '/sign', validSignature({ email }), from('198.51.100.7'))
    const before = await queued(app)
    expect(
      (
        await postForm(
          app.url,
          '/sign',
          validSignature({ email: 'victim+own@gmail.com' }),
          from('203.0.113.9'),
        )
      ).status,
    ).toBe(303)
    expect(await queued(app)).toBe(before + 1)
  })

  it('meters the relay contact form per network and per mailbox', async () => {
    app = await startTestApp(kind, { TRUSTED_PROXY_HOPS: '1' })
    await signAndConfirm(app, { email: 'willing@cnrs.fr', institution: 'CNRS', debate: '1' })
    const message = (email: string) => ({
      name: 'Someone',
      email,
      message: 'Bonjour, un débat ?',
      website: '',
    })
    // 150 posts from one network sent 150 mails to one inbox. From an allow-listed
    // network (loopback here), out of reach of the network limit, one mailbox now gets
    // the daily cap at most (only addresses of the institution may write).
    const before = await queued(app, 'relay_confirm')
    const colleagueVariants = [
      'victim+1@cnrs.fr',
      'Victim+2@cnrs.fr',
      'VICTIM@cnrs.fr',
      'victim+news@CNRS.fr',
      'victim+3@cnrs.fr',
      'victim+4@cnrs.fr',
      'Victim+5@cnrs.fr',
    ]
    for (const email of colleagueVariants) {
      expect((await postForm(app.url, '/institutions/cnrs.fr/contact', message(email))).status).toBe(303)
    }
    expect((await queued(app, 'relay_confirm')) - before).toBe(app.config.site.maxMailsPerAddress)
    // And one network cannot post without end, even to many mailboxes.
    const statuses = []
    for (let n = 0; n < 12; n++)
      statuses.push(
        await postForm(
          app.url,
          '/institutions/cnrs.fr/contact',
          message(`writer${n}@cnrs.fr`),
          from('192.0.2.1'),
        ),
      )
    const refused = statuses.filter((p) => p.status === 429)
    expect(refused.length).toBeGreaterThan(0)
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused[0]!.html).toContain('Trop de demandes')
  })

  it('counts one form timestamp once for a bounded number of submissions only', async () => {
    app = await startTestApp(kind, {
      CONTENT_DIR: contentWith({ sign_per_minute: '40', sign_per_hour: '1000', min_fill_seconds: '0' }),
    })
    const stamp = hiddenValue((await get(app.url, '/sign')).html, 'form_ts')
    let accepted = 0
    for (let n = 0; n < 40; n++) {
      if (
        (await postForm(app.url, '/sign', validSignature({ email: `reuse${n}@cnrs.fr`, form_ts: stamp })))
          .status === 303
      )
        accepted++
    }
    // Reused beyond its bound, the stamp counts as none (double): fewer than 40 fit in the budget.
    expect(accepted).toBeLessThan(40)
    expect(accepted).toBeGreaterThanOrEqual(20)
  })

  it('applies login_per_minute to the moderators’ login form, with the localised 429 page', async () => {
    app = await startTestApp(kind, {
      CONTENT_DIR: contentWith({ login_per_minute: '2' }),
      ADMIN_EMAILS: MODERATOR,
    })
    const statuses = []
    for (let n = 0; n < 3; n++)
      statuses.push(await postForm(app.url, '/admin/login', { email: `someone${n}@example.org` }))
    expect(statuses.map((p) => p.status)).toEqual([303, 303, 429])
    expect(Number(statuses[2]!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(statuses[2]!.html).toContain('Trop de demandes')
    app.clock.advance(61_000)
    expect((await postForm(app.url, '/admin/login', { email: MODERATOR })).status).toBe(303)
  })

  it('lets a moderator get a link from their own network whoever else asks for it, answering the same for anyone', async () => {
    app = await startTestApp(kind, { TRUSTED_PROXY_HOPS: '1', ADMIN_EMAILS: MODERATOR })
    const answers = async (email: string, ip: string) =>
      (await postForm(app!.url, '/admin/login', { email }, from(ip))).status
    const forModerator = []
    const forStranger = []
    for (let net = 0; net < 6; net++) {
      for (let i = 0; i < 4; i++) {
        forModerator.push(await answers(i % 2 ? MODERATOR.toUpperCase() : MODERATOR, `198.51.${net}.7`))
        forStranger.push(await answers('stranger@paraphe.test', `198.18.${net}.7`))
      }
    }
    // Whether or not the address moderates, the answers are the same.
    expect(forModerator).toEqual(forStranger)
    await app.server.worker.drain()
    const flood = recipients(app).filter((r) => r === MODERATOR).length
    expect(flood).toBeLessThan(forModerator.length)
    // The moderator, from their own network, still gets their link.
    expect(await answers(MODERATOR, '203.0.113.9')).toBe(303)
    const mails = await app.smtp.waitForMessages(flood + 1)
    expect(loginLinkIn(mails.at(-1)!.text!)).toMatch(/^\/admin\/login\//)
    expect(recipients(app).filter((r) => r === MODERATOR)).toHaveLength(flood + 1)
  })

  it('answers /manage before any work that depends on the address', async () => {
    app = await startTestApp(kind)
    await signAndConfirm(app, { email: 'signed@cnrs.fr' })
    const ctx = app.server.ctx
    const transact = ctx.transact
    let open = () => {}
    const gate = new Promise<void>((resolve) => (open = resolve))
    // Every write transaction waits at the gate: an answer that needs one cannot come.
    ctx.transact = async (work) => {
      await gate
      return transact(work)
    }
    try {
      const answer = (email: string) =>
        Promise.race([
          postForm(app!.url, '/manage', { email }).then((p) => p.status),
          new Promise((r) => setTimeout(() => r('waited'), 3000)),
        ])
      expect(await Promise.all([answer('signed@cnrs.fr'), answer('never-signed@cnrs.fr')])).toEqual([
        303, 303,
      ])
      const before = app.smtp.messages.length
      open()
      const mails = await app.smtp.waitForMessages(before + 1)
      expect((mails.at(-1)!.to as { text: string }).text).toBe('signed@cnrs.fr')
    } finally {
      open()
      ctx.transact = transact
    }
  })
})

describe.runIf(ON_POSTGRES)('windows shared on PostgreSQL', () => {
  it('grants a budget exactly once to concurrent requests on two instances, each counted in batches', async () => {
    const app = await startTestApp('postgres')
    try {
      let statements = 0
      const db = app.server.ctx.db.withPlugin({
        transformQuery: (args) => {
          statements++
          return args.node
        },
        transformResult: async (args) => args.result,
      })
      const { transact } = createTransactor(db, 'postgres')
      const instances = [limiterOver(sharedWindows(db, transact)), limiterOver(sharedWindows(db, transact))]
      const now = app.clock.now()
      const limit = [{ bucket: 'test:shared', windowMs: 60_000, max: 30 }]
      const outcomes = await Promise.all(
        Array.from({ length: 80 }, (_, i) => instances[i % 2]!.hit(limit, 1, now)),
      )
      expect(outcomes.filter((o) => o.ok)).toHaveLength(30)
      // Every request saw a total of its own, as if counted alone.
      expect(new Set(outcomes.map((o) => o.totals[0])).size).toBe(80)
      // Far fewer statements than requests: the requests of one turn share one.
      expect(statements).toBeLessThanOrEqual(10)
      await Promise.all(instances.map((l) => l.close()))
    } finally {
      await app.close()
    }
  })
})
