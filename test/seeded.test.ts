// A database seeded with varied signatures: every view of it renders, stays small,
// names no private signatory, and the counters equal a full recount.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAllCounters, recountAll } from '../src/domain/counters.js'
import { seedSignatures } from '../src/domain/seed.js'
import { searchKey } from '../src/domain/clean-text.js'
import { listPublicSignatures } from '../src/domain/public-list.js'
import { whereListed } from '../src/domain/signature-state.js'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get, hiddenValue, postForm, validSignature } from './helpers/http.js'
import { signAndConfirm } from './helpers/signing.js'

describe.each(DATABASES)('a seeded database (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind)
    await seedSignatures(app.server.ctx.transact, app.config, {
      count: 1200,
      now: app.clock.now(),
      seed: 7,
      batchSize: 250,
    })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('keeps counters equal to a recount', async () => {
    const db = app.server.ctx.db
    const counters = await readAllCounters(db)
    expect(counters.confirmed).toBe(1200)
    expect(counters).toEqual(await recountAll(db, app.config.site))
  })

  it('renders every page of figures, small and without script', async () => {
    for (const path of [
      '/institutions',
      '/institutions/univ-tlse3.fr',
      '/stats',
      '/en/stats',
      '/en/institutions/cnrs.fr',
      '/signatories',
    ]) {
      const page = await get(app.url, path)
      expect(page.status, path).toBe(200)
      expect(page.html.length, path).toBeLessThan(60_000)
      expect(page.html).not.toContain('<script')
    }
    const stats = await get(app.url, '/stats')
    expect(stats.html).toContain('<svg class="chart"')
    // A month and more of confirmations, one table row per day.
    expect((stats.html.match(/<time datetime=/g) ?? []).length).toBeGreaterThan(20)
  })

  it('lists only public signatures in the exports and the API', async () => {
    const publicCount = (await readAllCounters(app.server.ctx.db)).public!
    const csv = await (await fetch(`${app.url}/open-data/signatories.csv`)).text()
    expect(csv.trim().split('\n')).toHaveLength(publicCount + 1)
    const json = (await (await fetch(`${app.url}/open-data/signatories.json`)).json()) as {
      signatories: unknown[]
    }
    expect(json.signatories).toHaveLength(publicCount)
    const institutions = (await (await fetch(`${app.url}/api/v1/institutions`)).json()) as {
      items: { domain: string; name: string }[]
    }
    expect(institutions.items.map((i) => i.domain)).not.toContain('gmail.com')
    // Unnamed in the config: the name its signatories type most often.
    expect(institutions.items.find((i) => i.domain === 'etu.univ-grenoble-alpes.fr')?.name).toMatch(
      /^(Université Grenoble Alpes|UGA)$/,
    )
  })
})

describe.each(DATABASES)('searching a long list (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind)
    await seedSignatures(app.server.ctx.transact, app.config, {
      count: 600,
      now: app.clock.now(),
      seed: 11,
      batchSize: 300,
    })
  })
  afterAll(async () => {
    await app?.close()
  })

  /** What a search must find, worked out the slow way: every listed row, filtered here, newest first. */
  async function expectedMatches(term: string): Promise<number[]> {
    const rows = await whereListed(
      app.server.ctx.db
        .selectFrom('signatures')
        .select(['id', 'first_name', 'last_name', 'institution', 'confirmed_at', 'display']),
    )
      .orderBy('confirmed_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
    const folded = searchKey(term)
    // Those listed under initials or with their name withheld are never matched (display.ts).
    return rows
      .filter((r) => r.display === 'full')
      .filter((r) => searchKey(`${r.first_name} ${r.last_name} ${r.institution}`).includes(folded))
      .map((r) => r.id)
  }

  async function searchAll(
    query: string,
    ways: { readByIdMax?: number; stretch?: number } = {},
  ): Promise<number[]> {
    const found: number[] = []
    let cursor: string | undefined
    for (let pages = 0; pages < 1000; pages++) {
      const page = await listPublicSignatures(app.server.ctx.db, app.config.site, {
        query,
        cursor,
        limit: 20,
        ...ways,
      })
      found.push(...page.items.map((s) => s.id))
      if (!page.next) return found
      cursor = page.next
    }
    throw new Error('the search never ended')
  }

  /** Follows the "older signatures" links of a search as a visitor would; counts the names listed. */
  async function namesListedThroughPages(query: string): Promise<number> {
    let path: string | undefined = `/signatories?q=${encodeURIComponent(query)}`
    let names = 0
    while (path) {
      const page = await get(app.url, path)
      expect(page.status).toBe(200)
      names += (page.html.match(/<span class="name">/g) ?? []).length
      const next = /<a href="([^"]*after=[^"]*)">Signatures plus anciennes<\/a>/.exec(page.html)
      path = next ? next[1]!.replaceAll('&amp;', '&') : undefined
    }
    return names
  }

  it('finds every match of a term, newest first, page after page', async () => {
    // Terms spanning several pages of 20 (a name, a word of most institutions) and a rarer one.
    for (const query of ['martin', 'univ', 'sabatier']) {
      const expected = await expectedMatches(query)
      expect(expected.length, query).toBeGreaterThan(query === 'sabatier' ? 5 : 20)
      expect(await searchAll(query), query).toEqual(expected)
      // The other ways SQLite takes for a term with many candidates: along the list, on a
      // stretch only (here the whole list), or on a stretch and through the index beyond it.
      expect(await searchAll(query, { readByIdMax: 0 }), query).toEqual(expected)
      for (const stretch of [7, 40, 150])
        expect(await searchAll(query, { readByIdMax: 0, stretch }), `${query} ${stretch}`).toEqual(expected)
    }
    expect(await namesListedThroughPages('univ')).toBe((await expectedMatches('univ')).length)
  })

  it('finds a term anywhere in first name, last name or institution, whatever its case and accents', async () => {
    const guerin = await expectedMatches('guerin')
    expect(guerin.length).toBeGreaterThan(5)
    for (const query of ['GUÉRIN', 'Guerin', 'guérin']) expect(await searchAll(query), query).toEqual(guerin)
    // The middle of a last name, a first name with its accent left out, across first and last name, an institution.
    for (const query of ['ueri', 'elise', 'lise gu', 'toulouse iii', 'lycée']) {
      const expected = await expectedMatches(query)
      expect(expected.length, query).toBeGreaterThan(0)
      expect(await searchAll(query), query).toEqual(expected)
      expect(await searchAll(query, { readByIdMax: 0, stretch: 40 }), query).toEqual(expected)
    }
    // Wildcards typed are matched as they are.
    for (const query of ['%', 'ma_tin', 'mar*', 'u[t]3', 'l"a', "l'a"])
      expect(await searchAll(query), query).toEqual(await expectedMatches(query))
  })

  it('answers a term found nowhere with «no result» and no link to older signatures', async () => {
    expect(await searchAll('no such name anywhere')).toEqual([])
    const page = await get(app.url, '/signatories?q=no%20such%20name%20anywhere')
    expect(page.status).toBe(200)
    expect(page.html).toContain('Aucun résultat')
    expect(page.html).not.toContain('<span class="name">')
    expect(page.html).not.toContain('Signatures plus anciennes')
  })

  it('asks for at least three characters rather than list everyone or read every row', async () => {
    for (const [path, message] of [
      ['/signatories?q=li', 'Tapez au moins 3\u00a0caractères'],
      ['/signatories?q=%C3%89%20', 'Tapez au moins 3\u00a0caractères'],
      ['/en/signatories?q=ng', 'Type at least 3 characters'],
    ] as const) {
      const page = await get(app.url, path)
      expect(page.status, path).toBe(200)
      expect(page.html, path).toContain(message)
      expect(page.html, path).not.toContain('<span class="name">')
    }
    expect(
      await listPublicSignatures(app.server.ctx.db, app.config.site, { query: 'Lé', limit: 20 }),
    ).toEqual({
      items: [],
      termTooShort: true,
    })
    expect(
      (await listPublicSignatures(app.server.ctx.db, app.config.site, { query: 'Léa', limit: 20 })).items
        .length,
    ).toBeGreaterThan(0)
  })

  it('finds a signatory under the name they sign with, then under their new one, and not once withdrawn', async () => {
    const managePath = (await signAndConfirm(
      app,
      { email: 'zephyrine@univ-tlse3.fr', first_name: 'Zéphyrine', last_name: 'Quasimodo' },
      { manage: true },
    ))!
    expect(await searchAll('zephyrine')).toHaveLength(1)
    const form = await get(app.url, managePath)
    const saved = await postForm(app.url, managePath, {
      ...validSignature({ first_name: 'Zéphyrine', last_name: 'Esméralda' }),
      csrf: hiddenValue(form.html, 'csrf'),
    })
    expect(saved.status).toBe(303)
    expect(await searchAll('quasimodo')).toEqual([])
    expect(await searchAll('esmeralda')).toHaveLength(1)
    await postForm(app.url, `${managePath}/withdraw`, {
      csrf: hiddenValue((await get(app.url, managePath)).html, 'csrf'),
    })
    expect(await searchAll('zephyrine')).toEqual([])
  })
})
