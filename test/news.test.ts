// News by mail, end to end through a real SMTP server on loopback: a sending reaches
// every confirmed signatory who asked for news exactly once, throttled, through an
// outage of the SMTP server; the personal stop link and the mail client's one-click
// POST stop news without touching the signature; the public page and the feed show
// what is published.
import type { ParsedMail } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { get, hiddenValue, postForm } from './helpers/http.js'
import { logInAs } from './helpers/admin.js'
import { newsStopKey } from '../src/domain/news.js'
import { signAndConfirm } from './helpers/signing.js'
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.js'

const MINUTE = 60_000
const MODERATOR = 'moderator@paraphe.test'

function newsContent(perMinute: number): string {
  return contentWith({
    allow_networks: '["127.0.0.0/8", "::1/128"]',
    min_fill_seconds: '0',
    min_group_size: '1',
    mails_per_minute: String(perMinute),
  })
}

/** Confirmed signatures written straight to the database, as many as a test needs. */
async function insertSignatories(
  app: TestApp,
  count: number,
  prefix: string,
  row: (
    i: number,
  ) => Partial<{ wants_updates: number; status: 'pending' | 'confirmed'; locale: string }> = () => ({}),
): Promise<string[]> {
  const now = app.clock.now().toISOString()
  const emails: string[] = []
  const rows = Array.from({ length: count }, (_, i) => {
    const email = `${prefix}${i}@univ-exemple.fr`
    emails.push(email)
    const extra = row(i)
    return {
      email_hash: `hash-${email}`,
      email,
      email_domain: 'univ-exemple.fr',
      first_name: `${prefix}${i}`,
      last_name: 'Test',
      category: 'researcher',
      institution: 'Université Exemple',
      discipline: '',
      comment: '',
      is_public: 0,
      wants_updates: extra.wants_updates ?? 1,
      locale: extra.locale ?? (i % 2 === 0 ? 'fr' : 'en'),
      status: extra.status ?? 'confirmed',
      search_text: `${prefix}${i} test`,
      consent_version: 'test',
      submitted_at: now,
      confirmed_at: (extra.status ?? 'confirmed') === 'confirmed' ? now : null,
      updated_at: now,
      mails_sent: 0,
    }
  })
  for (let i = 0; i < rows.length; i += 200)
    await app.server.ctx.transact((tx) =>
      tx
        .insertInto('signatures')
        .values(rows.slice(i, i + 200))
        .execute(),
    )
  return emails
}

/** A moderator's session, able to post admin forms. */
async function moderator(app: TestApp) {
  const cookie = await logInAs(app, MODERATOR)
  const csrf = hiddenValue((await get(app.url, '/admin/news/new', { cookie })).html, 'csrf')
  return {
    cookie,
    get: (path: string) => get(app.url, path, { cookie }),
    post: (path: string, fields: Record<string, string> = {}) =>
      postForm(app.url, path, { csrf, ...fields }, { cookie }),
  }
}

type Moderator = Awaited<ReturnType<typeof moderator>>

async function writeNews(mod: Moderator, headline: string): Promise<number> {
  const done = await mod.post('/admin/news', {
    title_fr: `${headline} (fr)`,
    body_fr: `Le texte est paru dans **Le Monde**.\n\n- avec 4 000 signatures\n- [la tribune](https://exemple.org/tribune)`,
    title_en: `${headline} (en)`,
    body_en: 'The text was published in **Le Monde**.',
  })
  expect(done.status).toBe(303)
  return Number(/\/admin\/news\/(\d+)/.exec(done.location ?? '')![1])
}

/** A header as it was sent (mailparser folds List-* headers into one structured value). */
function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line
  return line?.slice(line.indexOf(':') + 1).trim()
}
const isNews = (mail: ParsedMail) => rawHeader(mail, 'List-Id') !== undefined
const recipientOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0]!.text : (mail.to?.text ?? ''))

describe.each(DATABASES)('news by mail (%s)', (kind) => {
  let app: TestApp | undefined
  let proxy: TcpProxy | undefined
  afterEach(async () => {
    await app?.close()
    await proxy?.close()
    app = undefined
    proxy = undefined
  })

  it('reaches each of 1,000 opted-in signatories exactly once, throttled, through an SMTP outage', async () => {
    // The SMTP server behind a proxy the test cuts: an outage for this app alone.
    const { startSmtp } = await import('./helpers/smtp.js')
    const smtp = await startSmtp()
    proxy = await startTcpProxy(smtp.port)
    app = await startTestApp(kind, {
      CONTENT_DIR: newsContent(400),
      ADMIN_EMAILS: MODERATOR,
      SMTP_URL: `smtp://127.0.0.1:${proxy.port}`,
    })
    const own = app.smtp
    app.smtp = smtp
    await own.close()

    const readers = await insertSignatories(app, 1000, 'reader')
    // Who must receive nothing: no news asked, not confirmed, an address refused for good.
    await insertSignatories(app, 3, 'other', (i) =>
      i === 0 ? { wants_updates: 0 } : i === 1 ? { status: 'pending' } : {},
    )
    await app.server.ctx.transact((tx) =>
      tx
        .insertInto('suppressions')
        .values({
          email_hash: 'hash-other2@univ-exemple.fr',
          reason: 'smtp 550',
          created_at: app!.clock.now().toISOString(),
        })
        .execute(),
    )

    const mod = await moderator(app)
    const id = await writeNews(mod, 'Le texte paraît')
    const before = await mod.get(`/admin/news/${id}`)
    expect(before.html).toMatch(/Envoyer à 1\s000\ssignataires/)

    expect((await mod.post(`/admin/news/${id}/send`)).status).toBe(303)
    // Pressing again (a double click, a second tab) sends nothing twice.
    expect((await mod.post(`/admin/news/${id}/send`)).status).toBe(303)
    await app.server.worker.drain()
    // The first minute: as many as the throttle allows, no more.
    expect(smtp.messages.filter(isNews)).toHaveLength(400)

    const running = await mod.get(`/admin/news/${id}`)
    expect(running.html).toContain('<meta http-equiv="refresh" content="10"/>')
    expect(running.html).toMatch(/Envoyés<\/dt><dd>400<\/dd>/)
    expect(running.html).toMatch(/En attente<\/dt><dd>600<\/dd>/)

    // The SMTP server goes away in the middle of the sending.
    proxy.cut()
    app.clock.advance(MINUTE)
    await app.server.worker.drain()
    expect(smtp.messages.filter(isNews)).toHaveLength(400)
    const stuck = await app.server.ctx.db
      .selectFrom('outbox')
      .select(['status', 'attempts'])
      .where('kind', '=', 'news')
      .where('status', '=', 'pending')
      .execute()
    // The outbox holds one minute's worth waiting for the server, not the whole list, and
    // the worker stopped trying once the server proved unreachable.
    expect(stuck.length).toBe(400)
    expect(stuck.some((r) => r.attempts === 1)).toBe(true)
    expect(stuck.filter((r) => r.attempts > 0).length).toBeLessThan(400)
    // Another minute without a server: nothing more piles up.
    app.clock.advance(MINUTE)
    await app.server.worker.drain()
    expect(
      await app.server.ctx.db
        .selectFrom('news_recipients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '=', 'waiting')
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n)),
    ).toBe(200)

    proxy.restore()
    for (let minute = 0; minute < 30 && smtp.messages.filter(isNews).length < 1000; minute++) {
      app.clock.advance(2 * MINUTE)
      await app.server.worker.drain()
    }
    await app.server.worker.drain()

    const received = smtp.messages.filter(isNews).map(recipientOf)
    expect(received).toHaveLength(1000)
    expect(new Set(received).size).toBe(1000)
    expect([...received].sort()).toEqual([...readers].sort())

    // Each in their language, with their own stop link.
    const fr = smtp.messages.find((m) => isNews(m) && recipientOf(m) === 'reader0@univ-exemple.fr')!
    const en = smtp.messages.find((m) => isNews(m) && recipientOf(m) === 'reader1@univ-exemple.fr')!
    expect(fr.subject).toContain('Le texte paraît (fr)')
    expect(en.subject).toContain('Le texte paraît (en)')
    expect(en.text).toMatch(/http:\/\/paraphe\.test\/en\/news\/stop\/\d+\/[A-Za-z0-9_-]{43}/)

    const done = await mod.get(`/admin/news/${id}`)
    expect(done.html).not.toContain('http-equiv="refresh"')
    expect(done.html).toContain('Envoi terminé le')
    expect(done.html).toMatch(/Envoyés<\/dt><dd>1\s000<\/dd>/)
    // The bodies and addresses leave the outbox once sent.
    const left = await app.server.ctx.db
      .selectFrom('outbox')
      .select(['recipient', 'text_body'])
      .where('kind', '=', 'news')
      .execute()
    expect(left.every((r) => r.recipient === null && r.text_body === null)).toBe(true)
  }, 240_000)

  it('stops news from the link (GET a button, POST stops) and from the one-click header; the next news skips them', async () => {
    app = await startTestApp(kind, { CONTENT_DIR: newsContent(100), ADMIN_EMAILS: MODERATOR })
    const people = {
      page: 'par.la.page@cnrs.fr',
      oneClick: 'en.un.clic@cnrs.fr',
      debate: 'pour.un.debat@cnrs.fr',
      stays: 'reste@cnrs.fr',
    }
    const managePaths: Record<string, string | undefined> = {}
    for (const [who, email] of Object.entries(people))
      managePaths[who] = await signAndConfirm(
        app,
        {
          email,
          first_name: who,
          updates: '1',
          ...(who === 'debate' ? { debate: '1', institution: 'CNRS' } : {}),
        },
        { manage: who === 'page' },
      )
    const mod = await moderator(app)
    const first = await writeNews(mod, 'Un débat à Toulouse')
    await mod.post(`/admin/news/${first}/send`)
    await app.server.worker.drain()
    await app.server.worker.drain()
    const mails = app.smtp.messages.filter(isNews)
    expect(mails.map(recipientOf).sort()).toEqual(Object.values(people).sort())
    const mailTo = (email: string) => mails.find((m) => recipientOf(m) === email)!

    // What mail clients and providers read from a list's mail.
    const sample = mailTo(people.page)
    const stopUrl = /^<(http:\/\/paraphe\.test\/news\/stop\/\d+\/[A-Za-z0-9_-]{43})>$/.exec(
      rawHeader(sample, 'List-Unsubscribe') ?? '',
    )
    expect(rawHeader(sample, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(rawHeader(sample, 'List-Id')).toBe('<news.paraphe.test>')
    expect(rawHeader(sample, 'Precedence')).toBe('bulk')
    expect(rawHeader(sample, 'Auto-Submitted')).toBeUndefined()
    expect(sample.html).toContain('<strong>Le Monde</strong>')
    expect(sample.text).toContain('**Le Monde**')
    expect(sample.text).toContain(stopUrl![1])

    const signature = (email: string) =>
      app!.server.ctx.db
        .selectFrom('signatures')
        .select(['id', 'wants_updates', 'email', 'status'])
        .where('email_hash', 'in', (eb) =>
          eb.selectFrom('signatures').select('email_hash').where('email', '=', email),
        )
        .executeTakeFirst()
    const idOf = async (email: string) => (await signature(email))!.id

    // The personal link: GET shows a button and changes nothing (a link scanner follows it).
    const pagePath = stopUrl![1]!.replace('http://paraphe.test', '')
    const shown = await get(app.url, pagePath)
    expect(shown.status).toBe(200)
    expect(shown.html).toContain('<button type="submit">Ne plus recevoir de nouvelles</button>')
    expect(shown.headers.get('cache-control')).toBe('no-store')
    expect((await signature(people.page))!.wants_updates).toBe(1)
    // Another key is refused without saying whose link it would be.
    expect((await get(app.url, `${pagePath.slice(0, -3)}AAA`)).status).toBe(404)
    const pageId = await idOf(people.page)
    const stopped = await postForm(app.url, pagePath, {})
    expect(stopped.status).toBe(200)
    expect(stopped.html).toContain('Vous ne recevrez plus de nouvelles')

    // The one-click POST a mail client sends from the header (RFC 8058).
    const oneClick = /<http:\/\/paraphe\.test([^>]+)>/.exec(
      rawHeader(mailTo(people.oneClick), 'List-Unsubscribe') ?? '',
    )![1]!
    const oneClickId = await idOf(people.oneClick)
    expect((await postForm(app.url, oneClick, { 'List-Unsubscribe': 'One-Click' })).status).toBe(200)

    const debateLink = /<http:\/\/paraphe\.test([^>]+)>/.exec(
      rawHeader(mailTo(people.debate), 'List-Unsubscribe') ?? '',
    )![1]!
    expect((await postForm(app.url, debateLink, {})).status).toBe(200)
    // Twice is the same as once.
    expect((await postForm(app.url, debateLink, {})).status).toBe(200)

    const rows = await app.server.ctx.db
      .selectFrom('signatures')
      .select(['id', 'wants_updates', 'wants_debate', 'email', 'status'])
      .orderBy('id')
      .execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    // The signatures stay, confirmed; the address goes unless the debate relay still needs it.
    expect(byId.get(pageId)).toMatchObject({ status: 'confirmed', wants_updates: 0, email: null })
    expect(byId.get(oneClickId)).toMatchObject({ status: 'confirmed', wants_updates: 0, email: null })
    const debate = rows.find((r) => r.wants_debate === 1)!
    expect(debate).toMatchObject({ status: 'confirmed', wants_updates: 0, email: people.debate })
    const recorded = await app.server.ctx.db
      .selectFrom('news_unsubscribes')
      .select(['signature_id', 'method'])
      .orderBy('id')
      .execute()
    expect(recorded).toEqual([
      { signature_id: pageId, method: 'page' },
      { signature_id: oneClickId, method: 'one-click' },
      { signature_id: debate.id, method: 'page' },
    ])

    // The signatory's own data says so.
    const data = JSON.parse((await get(app.url, `${managePaths.page}/data.json`)).html)
    expect(data).toMatchObject({ wants_updates: false, email: null, status: 'confirmed' })
    expect(data.news_stopped).toEqual([{ at: expect.any(String), method: 'page' }])

    // The next news reaches only who still asks for it.
    const second = await writeNews(mod, 'Le ministère répond')
    expect((await mod.get(`/admin/news/${second}`)).html).toMatch(/Envoyer à 1\ssignataire</)
    await mod.post(`/admin/news/${second}/send`)
    await app.server.worker.drain()
    await app.server.worker.drain()
    const secondMails = app.smtp.messages.filter(
      (m) => isNews(m) && m.subject?.includes('Le ministère répond'),
    )
    expect(secondMails.map(recipientOf)).toEqual([people.stays])
  }, 60_000)

  it('does not send a news mail already queued to someone who stops news before it leaves', async () => {
    app = await startTestApp(kind, { CONTENT_DIR: newsContent(100), ADMIN_EMAILS: MODERATOR })
    await signAndConfirm(app, { email: 'presse@cnrs.fr', updates: '1' })
    const { db } = app.server.ctx
    const { id: signatureId } = await db
      .selectFrom('signatures')
      .select('id')
      .where('email', '=', 'presse@cnrs.fr')
      .executeTakeFirstOrThrow()
    const queued = () =>
      db
        .selectFrom('outbox')
        .select('id')
        .where('signature_id', '=', signatureId)
        .where('kind', '=', 'news')
        .where('status', '=', 'pending')
        .execute()
    const mod = await moderator(app)
    const id = await writeNews(mod, 'Dans la presse')
    // The SMTP server says «later»: the mail waits in the outbox for its next attempt.
    app.smtp.refuseWith(451)
    await mod.post(`/admin/news/${id}/send`)
    await app.server.worker.drain()
    await app.server.worker.drain()
    expect(await queued()).toHaveLength(1)
    const stop = `/news/stop/${signatureId}/${newsStopKey(app.config.secret, signatureId)}`
    expect((await postForm(app.url, stop, {})).status).toBe(200)
    expect(await queued()).toEqual([])
    app.smtp.refuseWith(undefined)
    app.clock.advance(3600_000)
    await app.server.worker.drain()
    expect(app.smtp.messages.filter(isNews)).toEqual([])
    expect((await mod.get(`/admin/news/${id}`)).html).not.toMatch(/En échec<\/dt><dd>1<\/dd>/)
  }, 60_000)

  it('suppresses news to an address refused for good (5xx)', async () => {
    app = await startTestApp(kind, { CONTENT_DIR: newsContent(100), ADMIN_EMAILS: MODERATOR })
    await signAndConfirm(app, { email: 'parti@cnrs.fr', updates: '1' })
    const mod = await moderator(app)
    const first = await writeNews(mod, 'Première')
    app.smtp.refuseWith(550)
    await mod.post(`/admin/news/${first}/send`)
    await app.server.worker.drain()
    await app.server.worker.drain()
    app.smtp.refuseWith(undefined)
    expect((await mod.get(`/admin/news/${first}`)).html).toMatch(/En échec<\/dt><dd>1<\/dd>/)
    const second = await writeNews(mod, 'Seconde')
    expect((await mod.get(`/admin/news/${second}`)).html).toContain('il n’y a personne à qui envoyer')
  }, 60_000)

  it('shows published news newest first on each language’s page and in the feed, and nothing unpublished', async () => {
    app = await startTestApp(kind, { CONTENT_DIR: newsContent(100), ADMIN_EMAILS: MODERATOR })
    const mod = await moderator(app)
    const older = await writeNews(mod, 'Ancienne')
    const newer = await writeNews(mod, 'Récente')
    await writeNews(mod, 'Brouillon')
    await mod.post(`/admin/news/${older}/publish`, { publish: '1' })
    app.clock.advance(MINUTE)
    await mod.post(`/admin/news/${newer}/publish`, { publish: '1' })

    const fr = await get(app.url, '/actualites')
    expect(fr.status).toBe(200)
    expect(fr.html).toContain('<h1>Actualités</h1>')
    expect(fr.html.indexOf('Récente (fr)')).toBeGreaterThan(0)
    expect(fr.html.indexOf('Récente (fr)')).toBeLessThan(fr.html.indexOf('Ancienne (fr)'))
    expect(fr.html).not.toContain('Brouillon')
    expect(fr.html).toContain('<strong>Le Monde</strong>')
    const en = await get(app.url, '/en/news')
    expect(en.html).toContain('<h1>News</h1>')
    expect(en.html).toContain('Récente (en)')
    expect(en.html).toContain('hreflang="fr" href="http://paraphe.test/actualites"')

    const feed = await get(app.url, '/feed.atom')
    expect(feed.html).toContain('<title>Récente (fr)</title>')
    expect(feed.html).toContain(`href="http://paraphe.test/actualites#news-${newer}"`)
    expect(feed.html).toContain('&lt;strong&gt;Le Monde&lt;/strong&gt;')
    expect(feed.html).not.toContain('Brouillon')

    await mod.post(`/admin/news/${newer}/publish`, { publish: '0' })
    expect((await get(app.url, '/actualites')).html).not.toContain('Récente')
  }, 60_000)

  it('keeps every word typed when a language is missing, and says which field, in the moderator’s language', async () => {
    app = await startTestApp(kind, { CONTENT_DIR: newsContent(100), ADMIN_EMAILS: MODERATOR })
    const mod = await moderator(app)
    const typed = {
      title_fr: 'Un débat à Toulouse',
      body_fr: 'Le **12 janvier**, salle «\u00a0A\u00a0».',
      title_en: '',
      body_en: '',
    }
    const page = await mod.post('/admin/news', typed)
    expect(page.status).toBe(422)
    expect(page.html).toContain('value="Un débat à Toulouse"')
    expect(page.html).toContain('Le **12 janvier**, salle «\u00a0A\u00a0».</textarea>')
    expect(page.html).toMatch(/<p class="field-error" id="error-title_en">Ce champ est obligatoire.<\/p>/)
    expect(page.html).toContain('aria-describedby="error-title_en"')
    expect(await app.server.ctx.db.selectFrom('news').selectAll().execute()).toEqual([])
    // A long item in both languages is no ordinary form: its accents alone weigh 162 KB encoded.
    const long = 'é'.repeat(9_000)
    const saved = await mod.post('/admin/news', {
      title_fr: 'Long',
      body_fr: long,
      title_en: 'Long',
      body_en: long,
    })
    expect(saved.status).toBe(303)
    const tooLong = await mod.post('/admin/news', { ...typed, title_en: 'Long', body_en: `${long}${long}` })
    expect(tooLong.status).toBe(422)
    expect(tooLong.html).toContain('Ce texte est trop long.')
  }, 60_000)

  it('previews the item as page and mail, and sends a test to the moderator alone', async () => {
    app = await startTestApp(kind, { CONTENT_DIR: newsContent(100), ADMIN_EMAILS: MODERATOR })
    await signAndConfirm(app, { email: 'lectrice@cnrs.fr', updates: '1' })
    const mod = await moderator(app)
    const id = await writeNews(mod, 'Essai')
    const pagePreview = await mod.get(`/admin/news/${id}/page/en`)
    expect(pagePreview.html).toContain('<strong>Le Monde</strong>')
    const mailPreview = await mod.get(`/admin/news/${id}/mail/fr`)
    expect(mailPreview.html).toContain('<strong>Le Monde</strong>')
    expect(mailPreview.html).toContain('Vous recevez ce message parce que')
    const textPreview = await mod.get(`/admin/news/${id}/mail/fr.txt`)
    expect(textPreview.headers.get('content-type')).toContain('text/plain')
    expect(textPreview.html).toContain('**Le Monde**')

    const before = app.smtp.messages.length
    expect((await mod.post(`/admin/news/${id}/test`)).status).toBe(303)
    await app.server.worker.drain()
    const tests = app.smtp.messages.slice(before)
    expect(tests.map(recipientOf)).toEqual([MODERATOR, MODERATOR])
    expect(tests.map((m) => m.subject?.slice(0, 8)).sort()).toEqual(['[Essai] ', '[Test] F'])
    // A test is no sending: the item can still change and be sent.
    expect((await mod.get(`/admin/news/${id}`)).html).toMatch(/Envoyer à 1\ssignataire</)
  }, 60_000)
})
