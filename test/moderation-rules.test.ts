// Flags raised on crafted data, pre-moderation, the retention of what moderation
// keeps (with a clock the test controls), and the signatory's own data download.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adjustCounters, recount } from '../src/domain/counters.js'
import { moderateSignature } from '../src/domain/moderation.js'
import { purgeExpired } from '../src/domain/purge.js'
import { readHead } from '../src/domain/transparency/log.js'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { contentWithModeration, loginLinkIn, logInAs, signAndConfirm, moderate } from './helpers/admin.js'

const MODERATOR = 'moderation@paraphe.test'
const DAY = 24 * 3600_000

async function stats(app: TestApp) {
  const res = await fetch(`${app.url}/api/v1/stats`)
  return (await res.json()) as { confirmed: number; public: number }
}

async function flagsOfName(app: TestApp, lastName: string): Promise<string[][]> {
  const rows = await app.server.ctx.db
    .selectFrom('signatures')
    .leftJoin('signature_flags', 'signature_flags.signature_id', 'signatures.id')
    .select(['signatures.id', 'signature_flags.flag'])
    .where('signatures.last_name', '=', lastName)
    .orderBy('signatures.id')
    .orderBy('signature_flags.flag')
    .execute()
  const byId = new Map<number, string[]>()
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), ...(r.flag ? [r.flag] : [])])
  return [...byId.values()]
}

describe.each(DATABASES)('flags raised automatically (%s)', (kind) => {
  let app: TestApp
  let content: string
  beforeAll(async () => {
    content = contentWithModeration(
      'watch_list = ["Emmanuel Macron"]\nburst_signatures = 3\nburst_minutes = 10\nsame_name_signatures = 2',
    )
    app = await startTestApp(kind, { CONTENT_DIR: content, TRUSTED_PROXY_HOPS: '1', ADMIN_EMAILS: MODERATOR })
  })
  afterAll(async () => {
    await app?.close()
    rmSync(content, { recursive: true, force: true })
  })
  const from = (ip: string) => ({ 'X-Forwarded-For': ip })

  it('flags a disposable address and nothing else about it', async () => {
    await postForm(
      app.url,
      '/sign',
      validSignature({ email: 'x@yopmail.com', last_name: 'Jetable' }),
      from('192.0.2.1'),
    )
    await postForm(
      app.url,
      '/sign',
      validSignature({ email: 'y@cnrs.fr', last_name: 'Sérieux' }),
      from('192.0.2.2'),
    )
    expect(await flagsOfName(app, 'Jetable')).toEqual([['disposable']])
    expect(await flagsOfName(app, 'Sérieux')).toEqual([[]])
  })

  it('flags a burst from one network, not signatures from another', async () => {
    for (const [i, ip] of ['203.0.113.5', '203.0.113.77', '203.0.113.200'].entries()) {
      await postForm(
        app.url,
        '/sign',
        validSignature({ email: `bot${i}@cnrs.fr`, first_name: `Bot${i}`, last_name: 'Rafale' }),
        from(ip),
      )
    }
    await postForm(
      app.url,
      '/sign',
      validSignature({ email: 'calm@cnrs.fr', last_name: 'Calme' }),
      from('198.51.100.1'),
    )
    expect(await flagsOfName(app, 'Rafale')).toEqual([['burst'], ['burst'], ['burst']])
    expect(await flagsOfName(app, 'Calme')).toEqual([[]])
  })

  it('flags a watch-listed name whatever its case and accents, and a name signed many times', async () => {
    await postForm(
      app.url,
      '/sign',
      validSignature({ email: 'em@cnrs.fr', first_name: 'emmanuel', last_name: 'MACRÓN' }),
      from('198.51.100.2'),
    )
    await postForm(
      app.url,
      '/sign',
      validSignature({ email: 'em2@inria.fr', first_name: 'Emmanuel', last_name: 'Macron' }),
      from('198.51.101.2'),
    )
    expect(await flagsOfName(app, 'MACRÓN')).toEqual([['same_name', 'watch_list']])
    expect(await flagsOfName(app, 'Macron')).toEqual([['same_name', 'watch_list']])
  })

  it('shows flagged signatures to moderators, by kind', async () => {
    const cookie = await logInAs(app, MODERATOR)
    const page = await get(app.url, '/admin?filter=flagged&flag=burst', { Cookie: cookie })
    expect(page.html).toContain('Bot1 Rafale')
    expect(page.html).not.toContain('Jetable')
    const dashboard = await get(app.url, '/admin', { Cookie: cookie })
    expect(dashboard.html).toMatch(/Signalées<\/a><\/dt><dd>6<\/dd>/)
  })

  it('invalidates a burst by network address and time range, and nothing from other networks', async () => {
    const cookie = await logInAs(app, MODERATOR)
    const csrf = /name="csrf" value="([^"]+)"/.exec(
      (await get(app.url, '/admin/bulk', { Cookie: cookie })).html,
    )![1]!
    const from = new Date(app.clock.now().getTime() - 3600_000).toISOString().slice(0, 16)
    const conditions = { csrf, network: '203.0.113.254', from }
    const preview = await postForm(app.url, '/admin/bulk/preview', conditions, { Cookie: cookie })
    expect(preview.html).toContain('3\u00a0signatures correspondent')
    const none = await postForm(
      app.url,
      '/admin/bulk/preview',
      { ...conditions, to: '2000-01-01T00:00' },
      { Cookie: cookie },
    )
    expect(none.html).toContain('0\u00a0signature correspond')
    await postForm(app.url, '/admin/bulk/invalidate', conditions, { Cookie: cookie })
    const invalidated = await app.server.ctx.db
      .selectFrom('signatures')
      .select('last_name')
      .where('invalidated_at', 'is not', null)
      .execute()
    expect(invalidated.map((r) => r.last_name)).toEqual(['Rafale', 'Rafale', 'Rafale'])
  })
})

describe.each(DATABASES)('pre-moderation, not counted before approval (%s)', (kind) => {
  let app: TestApp
  let content: string
  beforeAll(async () => {
    content = contentWithModeration('pre_moderation = true\ncount_before_approval = false')
    app = await startTestApp(kind, { CONTENT_DIR: content, ADMIN_EMAILS: MODERATOR })
  })
  afterAll(async () => {
    await app?.close()
    rmSync(content, { recursive: true, force: true })
  })

  it('neither lists nor counts a confirmed signature before a moderator approves it', async () => {
    const id = await signAndConfirm(app, {})
    expect(await stats(app)).toMatchObject({ confirmed: 0, public: 0 })
    // The public log follows the count: nothing yet, then the approval's addition.
    await app.server.ctx.logSequencer.settle()
    expect((await readHead(app.server.ctx.db)).size).toBe(0)
    expect((await get(app.url, '/signatories')).html).not.toContain('Camille Durand')
    const cookie = await logInAs(app, MODERATOR)
    const page = await get(app.url, `/admin/signatures/${id}`, { Cookie: cookie })
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.html)![1]!
    await moderate(app, id, 'approve', { csrf }, { Cookie: cookie })
    expect(await stats(app)).toMatchObject({ confirmed: 1, public: 1 })
    await app.server.ctx.logSequencer.settle()
    expect(await readHead(app.server.ctx.db)).toMatchObject({ size: 1, additions: 1, cancellations: 0 })
    expect((await get(app.url, '/signatories')).html).toContain('Camille Durand')
    const check = await postForm(app.url, '/admin/reconcile', { csrf }, { Cookie: cookie })
    expect(check.html).toContain('Décomptes vérifiés')
  })

  it('reports a drift between the kept counts and the signatures', async () => {
    // A count changed outside any signature's transaction: what a bug would do.
    await app.server.ctx.transact((tx) => adjustCounters(tx, { confirmed: 5 }, new Date()))
    const cookie = await logInAs(app, MODERATOR)
    const page = await get(app.url, '/admin/audit', { Cookie: cookie })
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.html)![1]!
    const check = await postForm(app.url, '/admin/reconcile', { csrf }, { Cookie: cookie })
    expect(check.html).toContain('Écart constaté\u00a0: décomptes tenus 6/1, recomptés 1/1')
    expect(check.html).toContain('>reconcile.drift</td>')
    expect((await get(app.url, '/admin', { Cookie: cookie })).html).toContain('Écart constaté')
  })
})

describe.each(DATABASES)('retention of moderation data (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind, { ADMIN_EMAILS: MODERATOR })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('refuses a login link once expired, and ends a session after its hours', async () => {
    await app.server.worker.drain()
    const before = app.smtp.messages.length
    await postForm(app.url, '/admin/login', { email: MODERATOR })
    const mails = await app.smtp.waitForMessages(before + 1)
    const path = loginLinkIn(mails[before]!.text!)
    app.clock.advance(21 * 60_000)
    expect((await get(app.url, path)).status).toBe(404)
    const cookie = await logInAs(app, MODERATOR)
    expect((await get(app.url, '/admin', { Cookie: cookie })).status).toBe(200)
    app.clock.advance(12 * 3600_000 + 60_000)
    expect((await get(app.url, '/admin', { Cookie: cookie })).status).toBe(303)
  })

  it('erases network traces after 3 days, invalidated signatures after 30, audit entries after 365, and nothing else', async () => {
    await signAndConfirm(app, { email: 'keep@cnrs.fr', last_name: 'Garde' })
    await signAndConfirm(app, { email: 'bad@cnrs.fr', last_name: 'Faux' })
    const cookie = await logInAs(app, MODERATOR)
    const page = await get(app.url, '/admin/bulk', { Cookie: cookie })
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.html)![1]!
    await postForm(app.url, '/admin/bulk/invalidate', { csrf, namePattern: 'faux' }, { Cookie: cookie })
    await app.server.worker.drain()
    const ctx = app.server.ctx
    const at = (days: number) => ({ ...ctx, now: () => new Date(app.clock.now().getTime() + days * DAY) })
    const audit = await ctx.db.selectFrom('audit_log').select('id').execute()
    expect(audit.length).toBeGreaterThanOrEqual(2)

    expect(await purgeExpired(at(2))).toMatchObject({
      networkTraces: 0,
      invalidatedSignatures: 0,
      auditEntries: 0,
    })
    expect(await purgeExpired(at(4))).toMatchObject({
      networkTraces: 2,
      invalidatedSignatures: 0,
      auditEntries: 0,
    })
    const traces = await ctx.db.selectFrom('signatures').select('network_key').execute()
    expect(traces).toEqual([{ network_key: null }, { network_key: null }])
    expect(await purgeExpired(at(29))).toMatchObject({ invalidatedSignatures: 0, auditEntries: 0 })
    expect(await purgeExpired(at(31))).toMatchObject({ invalidatedSignatures: 1, auditEntries: 0 })
    expect(await stats(app)).toMatchObject({ confirmed: 1, public: 1 })
    expect(await purgeExpired(at(364))).toMatchObject({ auditEntries: 0 })
    expect(await purgeExpired(at(366))).toMatchObject({ auditEntries: audit.length })
    const left = await ctx.db.selectFrom('signatures').select(['last_name', 'status']).execute()
    expect(left).toEqual([{ last_name: 'Garde', status: 'confirmed' }])
    expect(await ctx.db.selectFrom('admin_sessions').selectAll().execute()).toHaveLength(0)
  })
})

describe.each(DATABASES)('a signatory’s own data (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('downloads as JSON from the manage page, without the internal hashes', async () => {
    await signAndConfirm(app, { comment: 'Mon avis' })
    const before = app.smtp.messages.length
    await postForm(app.url, '/manage', { email: 'camille.durand@univ-tlse3.fr' })
    const mails = await app.smtp.waitForMessages(before + 1)
    const path = linkIn(mails[before]!.text!, 'manage')
    const page = await get(app.url, path)
    expect(page.html).toContain(`href="${path}/data.json"`)
    const res = await fetch(`${app.url}${path}/data.json`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('attachment')
    const data = (await res.json()) as Record<string, unknown>
    expect(data).toMatchObject({
      first_name: 'Camille',
      last_name: 'Durand',
      comment: 'Mon avis',
      status: 'confirmed',
      email: null,
    })
    const row = await app.server.ctx.db
      .selectFrom('signatures')
      .select(['log_position', 'log_salt'])
      .where('last_name', '=', 'Durand')
      .executeTakeFirstOrThrow()
    expect(row.log_salt).toMatch(/^[0-9a-f]{32}$/)
    expect(data).toMatchObject({ public_log_position: row.log_position, public_log_salt: row.log_salt })
    expect(JSON.stringify(data)).not.toMatch(/email_hash|network_key"/)
    expect((await fetch(`${app.url}/manage/${'x'.repeat(43)}/data.json`)).status).toBe(404)
  })

  it('keeps the counts exact when a hidden signatory leaves or rejoins the public list, and withdraws', async () => {
    const ctx = app.server.ctx
    const { id } = await ctx.db.selectFrom('signatures').select('id').executeTakeFirstOrThrow()
    await moderateSignature(ctx, 'test', id, 'hide', 'test')
    expect(await stats(app)).toMatchObject({ confirmed: 1, public: 0 })
    await app.server.worker.drain()
    const before = app.smtp.messages.length
    await postForm(app.url, '/manage', { email: 'camille.durand@univ-tlse3.fr' })
    const path = linkIn((await app.smtp.waitForMessages(before + 1))[before]!.text!, 'manage')
    const csrf = hiddenValue((await get(app.url, path)).html, 'csrf')
    const fields = {
      csrf,
      first_name: 'Camille',
      last_name: 'Durand',
      category: 'researcher',
      institution: 'Université Toulouse III',
      discipline: '',
      comment: 'Mon avis',
    }
    await postForm(app.url, path, fields)
    expect(await stats(app)).toMatchObject({ confirmed: 1, public: 0 })
    await postForm(app.url, path, { ...fields, public: '1' })
    expect(await stats(app)).toMatchObject({ confirmed: 1, public: 0 })
    await moderateSignature(ctx, 'test', id, 'restore')
    expect(await stats(app)).toMatchObject({ confirmed: 1, public: 1 })
    await postForm(app.url, `${path}/withdraw`, { csrf })
    expect(await stats(app)).toMatchObject({ confirmed: 0, public: 0 })
    expect(await recount(ctx.db)).toEqual({ confirmed: 0, public: 0 })
  })
})
