// A database seeded with varied signatures: every view of it renders, stays small,
// names no private signatory, and the counters equal a full recount.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAllCounters, recountAll } from '../src/domain/counters.js'
import { seedSignatures } from '../src/domain/seed.js'
import { listPublicSignatures } from '../src/domain/public-list.js'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get } from './helpers/http.js'

describe.each(DATABASES)('a seeded database (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind)
    await seedSignatures(app.server.ctx.db, app.config, { count: 1200, now: app.clock.now(), seed: 7, batchSize: 250 })
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
    for (const path of ['/institutions', '/institutions/univ-tlse3.fr', '/stats', '/en/stats', '/en/institutions/cnrs.fr', '/signatories']) {
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
    const json = (await (await fetch(`${app.url}/open-data/signatories.json`)).json()) as { signatories: unknown[] }
    expect(json.signatories).toHaveLength(publicCount)
    const institutions = (await (await fetch(`${app.url}/api/v1/institutions`)).json()) as { items: { domain: string; name: string }[] }
    expect(institutions.items.map((i) => i.domain)).not.toContain('gmail.com')
    // Unnamed in the config: the name its signatories type most often.
    expect(institutions.items.find((i) => i.domain === 'etu.univ-grenoble-alpes.fr')?.name).toMatch(/^(Université Grenoble Alpes|UGA)$/)
  })
})

describe.each(DATABASES)('searching a long list (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind)
    await seedSignatures(app.server.ctx.db, app.config, { count: 600, now: app.clock.now(), seed: 11, batchSize: 300 })
  })
  afterAll(async () => {
    await app?.close()
  })

  async function searchAll(query: string, searchWindow: number) {
    const found: string[] = []
    let cursor: string | undefined
    let windowsEnded = 0
    for (let pages = 0; pages < 1000; pages++) {
      const page = await listPublicSignatures(app.server.ctx.db, { query, cursor, limit: 20, searchWindow })
      found.push(...page.items.map((s) => `${s.id} ${s.firstName} ${s.lastName}`))
      if (page.searchWindowEnded) windowsEnded++
      if (!page.next) return { found, windowsEnded }
      cursor = page.next
    }
    throw new Error('the search never ended')
  }

  it('reads a window of the list at a time, and finds from window to window what one unbounded search finds', async () => {
    // A common term fills its pages before a window ends; rarer ones need several windows.
    for (const [query, rare] of [['a', false], ['martin', true], ['no such name anywhere', true]] as const) {
      const whole = await searchAll(query, 1_000_000)
      expect(whole.windowsEnded, query).toBe(0)
      if (query !== 'no such name anywhere') expect(whole.found.length, query).toBeGreaterThan(10)
      const windowed = await searchAll(query, 50)
      expect(windowed.found, query).toEqual(whole.found)
      if (rare) expect(windowed.windowsEnded, query).toBeGreaterThan(1)
    }
  })

  it('says on the page where a search stopped, and offers to search further back', async () => {
    const page = await get(app.url, '/signatories?q=no%20such%20name%20anywhere')
    expect(page.html).toContain('Aucun résultat')
    expect(page.html).not.toContain('parcouru')
    expect(page.html).not.toContain('Chercher parmi les signatures plus anciennes')
  })
})
