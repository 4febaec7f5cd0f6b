// Every count shown (institutions, statistics, API) comes from counters kept by the
// transactions that change signatures: after each step they equal a full recount.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CountedSignature, readAllCounters, recountAll, signatureDelta } from '../src/domain/counters.js'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { nextMail, signAndConfirm } from './helpers/signing.js'

describe.each(DATABASES)('counters (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind)
  })
  afterAll(async () => {
    await app?.close()
  })

  const expectExact = async () => {
    const db = app.server.ctx.db
    expect(await readAllCounters(db)).toEqual(await recountAll(db, app.config.site))
  }

  it('stay exact as signatures are confirmed', async () => {
    await signAndConfirm(app, {
      email: 'ana@univ-tlse3.fr',
      first_name: 'Ana',
      category: 'researcher',
      discipline: 'Écologie',
      debate: '1',
    })
    await signAndConfirm(app, {
      email: 'bo@univ-tlse3.fr',
      first_name: 'Bo',
      category: 'student',
      discipline: 'écologie ',
      public: '',
    })
    await signAndConfirm(app, {
      email: 'cy@gmail.com',
      first_name: 'Cy',
      category: 'other',
      institution: 'Lycée Bellevue',
    })
    const counters = await readAllCounters(app.server.ctx.db)
    expect(counters).toMatchObject({
      confirmed: 3,
      public: 2,
      verified: 2,
      'category:researcher': 1,
      'discipline:écologie': 3,
      'domain:univ-tlse3.fr': 2,
      'domain_public:univ-tlse3.fr': 1,
      'domain_debate:univ-tlse3.fr': 1,
      // A discipline's public label: counted over listed signatures only (Bo is private).
      'listed_discipline:écologie': 2,
    })
    expect(Object.keys(counters).filter((k) => k.startsWith('domain_name:'))).toEqual([])
    await expectExact()
  })

  // The tests below sign for themselves and check what their own step changed: each one
  // holds whatever ran before it.
  const counter = async (name: string) => (await readAllCounters(app.server.ctx.db))[name] ?? 0

  it('stay exact as a signature is edited', async () => {
    const managePath = (await signAndConfirm(
      app,
      { email: 'dee@gmail.com', first_name: 'Dee', category: 'other', institution: 'Lycée Bellevue' },
      { manage: true },
    ))!
    const before = await readAllCounters(app.server.ctx.db)
    const form = await get(app.url, managePath)
    const saved = await postForm(app.url, managePath, {
      csrf: hiddenValue(form.html, 'csrf'),
      first_name: 'Dee',
      last_name: 'Roux',
      category: 'teacher',
      institution: 'Lycée Saint-Sernin',
      discipline: 'Histoire',
      public: '',
    })
    expect(saved.status).toBe(303)
    expect(await counter('category:other')).toBe((before['category:other'] ?? 0) - 1)
    expect(await counter('category:teacher')).toBe((before['category:teacher'] ?? 0) + 1)
    expect(await counter('public')).toBe(before.public! - 1)
    expect(await counter('confirmed')).toBe(before.confirmed)
    await expectExact()
  })

  it('stay exact as a signature is withdrawn', async () => {
    const managePath = (await signAndConfirm(
      app,
      { email: 'eve@gmail.com', first_name: 'Eve', category: 'teacher', institution: 'Lycée Bellevue' },
      { manage: true },
    ))!
    const before = await readAllCounters(app.server.ctx.db)
    const form = await get(app.url, managePath)
    await postForm(app.url, `${managePath}/withdraw`, { csrf: hiddenValue(form.html, 'csrf') })
    expect(await counter('confirmed')).toBe(before.confirmed! - 1)
    expect(await counter('category:teacher')).toBe(before['category:teacher']! - 1)
    await expectExact()
  })

  it('stay exact when many confirmations arrive at once', async () => {
    const links: { path: string; csrf: string }[] = []
    for (let i = 0; i < 12; i++) {
      const domain = ['univ-tlse3.fr', 'cnrs.fr', 'inria.fr'][i % 3]
      const mail = await nextMail(app, () =>
        postForm(
          app.url,
          '/sign',
          validSignature({ email: `burst${i}@${domain}`, category: i % 2 ? 'student' : 'researcher' }),
        ),
      )
      const path = linkIn(mail.text, 'confirm')
      links.push({ path, csrf: hiddenValue((await get(app.url, path)).html, 'csrf') })
    }
    const before = (await readAllCounters(app.server.ctx.db)).confirmed!
    const answers = await Promise.all(links.map((l) => postForm(app.url, l.path, { csrf: l.csrf })))
    expect(answers.map((a) => a.status)).toEqual(links.map(() => 303))
    expect((await readAllCounters(app.server.ctx.db)).confirmed).toBe(before + 12)
    await expectExact()
  })
})

describe('signatureDelta', () => {
  it('is the difference between what two states of a signature count for', async () => {
    const { loadSiteConfig } = await import('../src/config.js')
    const site = loadSiteConfig('content')
    const base: CountedSignature = {
      status: 'confirmed',
      is_public: 1,
      wants_debate: 0,
      category: 'researcher',
      discipline: '',
      institution: 'CNRS',
      email_domain: 'cnrs.fr',
      confirmed_at: '2026-11-28T10:00:00.000Z',
    }
    expect(signatureDelta(site, { ...base, status: 'pending' }, base)).toMatchObject({
      confirmed: 1,
      public: 1,
      verified: 1,
      'day:2026-11-28': 1,
    })
    expect(signatureDelta(site, base, { ...base, is_public: 0 })).toEqual({
      public: -1,
      'domain_public:cnrs.fr': -1,
    })
    // Hidden by a moderator: still counted, no longer listed.
    expect(signatureDelta(site, base, { ...base, hidden_at: '2026-11-28T11:00:00.000Z' })).toEqual({
      public: -1,
      'domain_public:cnrs.fr': -1,
    })
    expect(signatureDelta(site, base, { ...base, invalidated_at: '2026-11-28T11:00:00.000Z' })).toMatchObject(
      {
        confirmed: -1,
        public: -1,
      },
    )
    expect(signatureDelta(site, base, base)).toEqual({})
  })
})
