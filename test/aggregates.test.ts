// Public aggregates and institutions, through HTTP on each database: what is shown
// as verified is only what the confirmed address proves, what private signatories
// typed is published nowhere, and no published group is small enough to point at
// someone (privacy.min_group_size, 5 in the shipped site.toml).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { get } from './helpers/http.js'
import { signAndConfirm } from './helpers/signing.js'
import { logInAs } from './helpers/admin.js'

const MODERATOR = 'moderation@paraphe.test'

// Typed by signatories who are not listed publicly: must never be published.
const PRIVATE_TEXTS = [
  'Laboratoire Confidentiel',
  'xénobotanique',
  'Cryptozoologie',
  'Labo Secret du CNRS',
  'commentaire très privé',
]

const PUBLIC_PATHS = [
  '/stats',
  '/en/stats',
  '/institutions',
  '/en/institutions',
  '/institutions/univ-hidden.fr',
  '/institutions/cnrs.fr',
  '/institutions/univ-tlse3.fr',
  '/signatories',
  '/api/v1/stats',
  '/api/v1/institutions',
  '/api/v1/signatories',
  '/feed.atom',
  '/open-data/signatories.csv',
  '/open-data/signatories.json',
  '/open-data/organisations.csv',
  '/open-data/organisations.json',
]

/** The `<li>` of the public list that names `name`. */
function itemOf(html: string, name: string): string {
  const start = html.indexOf(name)
  if (start < 0) throw new Error(`${name} is not in the list`)
  return html.slice(html.lastIndexOf('<li', start), html.indexOf('</li>', start))
}

describe.each(DATABASES)('public aggregates and institutions (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    // The shipped threshold of small groups (5), which the other tests' content sets to 1.
    const content = contentWith({
      allow_networks: '["127.0.0.0/8", "::1/128"]',
      min_fill_seconds: '0',
      min_group_size: '5',
    })
    app = await startTestApp(kind, { ADMIN_EMAILS: MODERATOR, CONTENT_DIR: content })
    // Université Toulouse III: six signatures, five researchers (public) and one student (private).
    await signAndConfirm(app, {
      email: 'ana@univ-tlse3.fr',
      first_name: 'Ana',
      last_name: 'Nobel',
      institution: 'Harvard University, Prix Nobel',
      discipline: 'Écologie',
    })
    for (const n of ['Bea', 'Cid', 'Dan', 'Eve']) {
      await signAndConfirm(app, {
        email: `${n.toLowerCase()}@univ-tlse3.fr`,
        first_name: n,
        last_name: 'Toulouse',
        institution: 'Université Toulouse III, IRIT',
        discipline: 'écologie',
      })
    }
    await signAndConfirm(app, {
      email: 'stu@univ-tlse3.fr',
      first_name: 'Stu',
      last_name: 'Private',
      category: 'student',
      public: '',
      institution: 'UT3',
      discipline: 'Écologie',
    })
    // One private researcher of the CNRS: alone in the group, they must not be singled out.
    await signAndConfirm(app, {
      email: 'cy@cnrs.fr',
      first_name: 'Cy',
      last_name: 'Alone',
      public: '',
      institution: 'Labo Secret du CNRS',
      discipline: 'Cryptozoologie',
      comment: 'commentaire très privé',
    })
    // Five private signatures of an institution named nowhere in the config.
    for (const n of ['Ha', 'Hb', 'Hc', 'Hd', 'He']) {
      await signAndConfirm(app, {
        email: `${n.toLowerCase()}@univ-hidden.fr`,
        first_name: n,
        last_name: 'Hidden',
        public: '',
        category: 'staff',
        institution: 'Laboratoire Confidentiel',
        discipline: 'Xénobotanique',
      })
    }
    // Public, one each: a domain of the shipped list of institutions, and one only a pattern matches.
    await signAndConfirm(app, {
      email: 'ute@ut-capitole.fr',
      first_name: 'Ute',
      last_name: 'Capitole',
      institution: 'IRDEIC',
      discipline: 'Droit',
    })
    await signAndConfirm(app, {
      email: 'pat@univ-pattern.fr',
      first_name: 'Pat',
      last_name: 'Pattern',
      institution: 'MIT',
      discipline: 'Droit',
    })
  }, 120_000)
  afterAll(async () => {
    await app?.close()
  })

  describe('a verified institutional address', () => {
    it('is shown under the canonical name of its domain, what the signatory typed only as their own precision', async () => {
      const html = (await get(app.url, '/signatories')).html
      const ana = itemOf(html, 'Ana Nobel')
      expect(ana).toContain('<span class="institution">Université Toulouse III – Paul Sabatier</span>')
      expect(ana).toContain('adresse institutionnelle vérifiée')
      expect(ana).toMatch(
        /<span class="precision"><span class="precision-label">Précision donnée par la personne signataire\u00a0:<\/span> Harvard University, Prix Nobel<\/span>/,
      )
      // Outside its precision, nothing of what was typed sits next to the verified mark.
      expect(
        ana.replace(/<span class="precision"><span class="precision-label">[^<]*<\/span>[^<]*<\/span>/, ''),
      ).not.toContain('Harvard')
      const en = itemOf((await get(app.url, '/en/signatories')).html, 'Ana Nobel')
      expect(en).toContain('In the signatory’s own words:')
    })

    it('takes the canonical name from the institutions shipped in content/, else shows the domain itself', async () => {
      const html = (await get(app.url, '/signatories')).html
      expect(itemOf(html, 'Ute Capitole')).toContain(
        '<span class="institution">Université Toulouse Capitole</span>',
      )
      expect(itemOf(html, 'Pat Pattern')).toContain('<span class="institution">univ-pattern.fr</span>')
      expect(itemOf(html, 'Pat Pattern')).toMatch(/<span class="precision">.*MIT<\/span>/)
    })

    it('is marked the same way on its institution’s page, in the open data and in the API', async () => {
      const page = await get(app.url, '/institutions/univ-tlse3.fr')
      expect(itemOf(page.html, 'Ana Nobel')).toMatch(
        /<span class="precision">.*Harvard University, Prix Nobel<\/span>/,
      )
      const json = (await (await fetch(`${app.url}/open-data/signatories.json`)).json()) as {
        signatories: Record<string, unknown>[]
      }
      expect(json.signatories.find((s) => s.first_name === 'Ana')).toMatchObject({
        institution: 'Harvard University, Prix Nobel',
        verified: true,
        institution_domain: 'univ-tlse3.fr',
        verified_institution: 'Université Toulouse III – Paul Sabatier',
      })
      const csv = await (await fetch(`${app.url}/open-data/signatories.csv`)).text()
      expect(csv.split('\n')[0]).toBe(
        'display,first_name,last_name,title,unit,category,institution,discipline,signed_at,verified,institution_domain,verified_institution',
      )
      expect(csv).toContain(',1,ut-capitole.fr,Université Toulouse Capitole')
      const api = (await (await fetch(`${app.url}/api/v1/signatories?limit=100`)).json()) as {
        items: Record<string, unknown>[]
      }
      expect(api.items.find((s) => s.first_name === 'Pat')).toMatchObject({
        verified: true,
        verified_institution: 'univ-pattern.fr',
        institution: 'MIT',
      })
    })

    it('is flagged to moderators when what was typed does not resemble the institution of the domain', async () => {
      const cookie = await logInAs(app, MODERATOR)
      const mismatches = await get(app.url, '/admin?filter=mismatch', { Cookie: cookie })
      expect(mismatches.status).toBe(200)
      expect(mismatches.html).toContain('Ana Nobel')
      expect(mismatches.html).toContain('Pat Pattern')
      // Naming the institution, or leaving it to the domain, is no mismatch.
      expect(mismatches.html).not.toContain('Bea Toulouse')
      expect(mismatches.html).not.toContain('Cy Alone')
      expect(mismatches.html).toContain('Établissement saisi différent du domaine')
      const all = await get(app.url, '/admin', { Cookie: cookie })
      const row = all.html.slice(
        all.html.indexOf('Ana Nobel'),
        all.html.indexOf('</tr>', all.html.indexOf('Ana Nobel')),
      )
      expect(row).toContain('Établissement saisi différent du domaine')
    })
  })

  describe('what private signatories typed', () => {
    it('appears on no public page, in no API answer, feed or open data', async () => {
      for (const path of PUBLIC_PATHS) {
        const res = await get(app.url, path)
        expect(res.status, path).toBe(200)
        for (const text of PRIVATE_TEXTS)
          expect(res.html.toLowerCase(), `${path} shows «${text}»`).not.toContain(text.toLowerCase())
      }
    })

    it('is still counted, under labels from public signatures or the config only', async () => {
      const api = (await (await fetch(`${app.url}/api/v1/institutions`)).json()) as {
        items: { domain: string; name: string; confirmed: number }[]
      }
      expect(api.items.find((i) => i.domain === 'univ-hidden.fr')).toMatchObject({
        name: 'univ-hidden.fr',
        confirmed: 5,
      })
      const stats = (await (await fetch(`${app.url}/api/v1/stats`)).json()) as Record<string, any>
      expect(stats.confirmed).toBe(14)
      // Five private signatures typed the same discipline: counted among the others, never named.
      expect(Object.keys(stats.by_discipline)).toEqual(['écologie'])
      expect(stats.by_discipline['écologie']).toBe(6)
      expect(stats.by_discipline_other).toBe(8)
      expect((await get(app.url, '/institutions/univ-hidden.fr')).html).toContain('<h1>univ-hidden.fr</h1>')
    })
  })

  describe('small groups', () => {
    it('show an institution of fewer than 5 signatures without its numbers by category', async () => {
      const page = await get(app.url, '/institutions/cnrs.fr')
      expect(page.status).toBe(200)
      expect(page.html).toContain(
        'Moins de 5\u00a0signatures vérifiées avec une adresse de cet établissement',
      )
      expect(page.html).not.toMatch(/<td class="num">1<\/td>/)
      expect(page.html).not.toContain('Chercheur·e')
      const en = await get(app.url, '/en/institutions/cnrs.fr')
      expect(en.html).toContain('Fewer than 5 verified signatures with an address of this institution')
    })

    it('show the categories of an institution from 5 signatures, the smaller ones together', async () => {
      const page = await get(app.url, '/institutions/univ-tlse3.fr')
      expect(page.html).toContain(
        '6\u00a0signatures vérifiées avec une adresse de cet établissement, dont 5 rendues publiques',
      )
      expect(page.html).toMatch(/Chercheur·e<\/th><td class="num">5<\/td>/)
      expect(page.html).not.toContain('Étudiant·e')
      expect(page.html).toMatch(/Autres catégories<\/th><td class="num">moins de\u00a05<\/td>/)
    })

    it('rank only institutions of 5 signatures or more, the others on one line, the same in HTML and JSON', async () => {
      const html = (await get(app.url, '/institutions')).html
      expect(html).toContain('href="/institutions/univ-tlse3.fr"')
      expect(html).toContain('href="/institutions/univ-hidden.fr"')
      for (const small of ['cnrs.fr', 'ut-capitole.fr', 'univ-pattern.fr']) expect(html).not.toContain(small)
      expect(html).toMatch(
        /Autres établissements \(3, moins de\u00a05\u00a0signatures chacun\)<\/th><td role="cell" class="num" data-label="Signatures">moins de\u00a05<\/td>/,
      )
      const institutions = (await (await fetch(`${app.url}/api/v1/institutions`)).json()) as Record<
        string,
        any
      >
      expect(institutions.min_group_size).toBe(5)
      expect(institutions.items.map((i: { domain: string }) => i.domain)).toEqual([
        'univ-tlse3.fr',
        'univ-hidden.fr',
      ])
      expect(institutions.other).toEqual({ institutions: 3, confirmed: null })
      const stats = (await (await fetch(`${app.url}/api/v1/stats`)).json()) as Record<string, any>
      expect(stats.by_institution.map((i: { domain: string }) => i.domain)).toEqual([
        'univ-tlse3.fr',
        'univ-hidden.fr',
      ])
      expect(stats.by_institution_other).toEqual({ institutions: 3, confirmed: null })
    })

    it('show categories and disciplines in /stats and the API only from 5 signatures, totals exact', async () => {
      const page = await get(app.url, '/stats')
      expect(page.html).toMatch(/Signatures confirmées<\/th><td class="num">14</)
      expect(page.html).toMatch(/Chercheur·e<\/th><td class="num">8</)
      expect(page.html).toMatch(/Personnel ingénieur, technique ou administratif<\/th><td class="num">5</)
      expect(page.html).toMatch(/Étudiant·e<\/th><td class="num">moins de\u00a05</)
      expect(page.html).toMatch(/Écologie<\/th><td class="num">6</)
      expect(page.html).not.toContain('Droit')
      expect(page.html).toMatch(/Autres disciplines<\/th><td class="num">8</)
      expect((await get(app.url, '/en/stats')).html).toMatch(
        /Student<\/th><td class="num">fewer than\u00a05</,
      )
      const stats = (await (await fetch(`${app.url}/api/v1/stats`)).json()) as Record<string, any>
      expect(stats).toMatchObject({ confirmed: 14, public: 7, min_group_size: 5 })
      expect(stats.by_category).toMatchObject({ researcher: 8, staff: 5, student: null })
    })

    it('show institutional addresses by kind of institution, a kind under 5 signatures unsaid', async () => {
      const page = await get(app.url, '/stats')
      // univ-tlse3.fr (6), univ-hidden.fr (5), ut-capitole.fr and univ-pattern.fr; the CNRS alone.
      expect(page.html).toMatch(/Universités<\/th><td class="num">13</)
      expect(page.html).toMatch(/Organismes de recherche<\/th><td class="num">moins de\u00a05</)
      expect(page.html).not.toContain('Personnels des écoles')
      expect((await get(app.url, '/en/stats')).html).toMatch(/Universities<\/th><td class="num">13</)
      const stats = (await (await fetch(`${app.url}/api/v1/stats`)).json()) as Record<string, any>
      expect(stats.by_institution_type).toMatchObject({ universities: 13, research: null, schools: null })
      expect(stats.by_institution_type_other).toBe(0)
      expect(stats.schools).toBeNull()
    })

    it('draw a single day of signatures as one bar at its date, with the daily table folded under the chart', async () => {
      const html = (await get(app.url, '/stats')).html
      const chart = html.slice(html.indexOf('<svg class="chart"'), html.indexOf('</svg>'))
      expect(chart).toContain('class="bar"')
      // A line needs two dates: with one, the old chart drew a diagonal between two copies of it.
      expect(chart).not.toContain('<polyline')
      const details = html.slice(html.indexOf('<details class="day-table">'), html.indexOf('</details>'))
      const day = /<time datetime="[^"]+">([^<]+)<\/time>/.exec(details)?.[1]
      expect(day).toBeDefined()
      expect(chart.split(`>${day}</text>`).length - 1, 'the date is written once under the bar').toBe(1)
      expect(details).toMatch(/<summary id="day-table">Signatures confirmées par jour<\/summary>/)
      expect(details).toContain('<table class="data" aria-labelledby="day-table">')
      expect(details).toMatch(/<td class="num">14<\/td><\/tr><\/tbody>/)
    })

    it('are explained, with the minimum size, in the privacy notice', async () => {
      const fr = (await get(app.url, '/confidentialite')).html
      expect(fr).toContain('Un groupe de moins de\u00a05\u00a0signatures')
      const en = (await get(app.url, '/en/privacy')).html
      expect(en).toContain('fewer than\u00a05 signatures')
    })
  })
})

describe.each(DATABASES)('school addresses in /stats (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    const content = contentWith({
      allow_networks: '["127.0.0.0/8", "::1/128"]',
      min_fill_seconds: '0',
      min_group_size: '5',
    })
    app = await startTestApp(kind, { CONTENT_DIR: content })
    const sign = async (domain: string, n: number) => {
      for (let i = 0; i < n; i++)
        await signAndConfirm(app, {
          email: `t${i}@${domain}`,
          first_name: `T${i}`,
          last_name: domain,
          category: 'staff',
          public: i % 2 ? '' : 'on',
        })
    }
    // Toulouse 6, Montpellier 2, Créteil 5, Paris 5; Normandie 6 from two domains: its
    // own (5, named on the institutions' pages) and the former académie of Caen's (1).
    await sign('ac-toulouse.fr', 6)
    await sign('ac-montpellier.fr', 2)
    await sign('ac-creteil.fr', 5)
    await sign('ac-paris.fr', 5)
    await sign('ac-normandie.fr', 5)
    await sign('ac-caen.fr', 1)
  }, 180_000)
  afterAll(async () => {
    await app?.close()
  })

  it('shows académies from 5 signatures, the others together, the total exact', async () => {
    const html = (await get(app.url, '/stats')).html
    expect(html).toContain('24\u00a0signatures confirmées avec une adresse académique')
    const academies = html.slice(
      html.indexOf('id="by-academy"'),
      html.indexOf('</table>', html.indexOf('id="by-academy"')),
    )
    expect(academies).toMatch(/Toulouse<\/th><td class="num">6</)
    expect(academies).toMatch(/Créteil<\/th><td class="num">5</)
    expect(academies).toMatch(/Paris<\/th><td class="num">5</)
    expect(academies).not.toContain('Montpellier')
    // Normandie (6) less ac-normandie.fr, which the institutions' pages name (5), would
    // tell that one person signed from ac-caen.fr.
    expect(academies).not.toContain('Normandie')
    expect(academies).toMatch(/Autres académies<\/th><td class="num">8</)
    expect(html).toMatch(/Écoles, collèges et lycées<\/th><td class="num">24</)
    // No breakdown by region: a region less the académies named would give away a small one.
    expect(html).not.toContain('id="by-region"')
    expect(html).not.toContain('Occitanie')
  })

  it('gives every section of /stats, the schools’ among them, an anchor to link to', async () => {
    const html = (await get(app.url, '/stats')).html
    const headings = [...html.matchAll(/<h2([^>]*)>([^<]*)</g)]
    expect(headings.map((h) => h[2])).toContain('Personnels des écoles, collèges et lycées')
    for (const [, attributes, text] of headings) expect(attributes, text).toMatch(/ id="[a-z-]+"/)
    expect(html).toContain('<h2 id="by-school">')
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])
    expect(ids.length).toBe(new Set(ids).size)
  })

  it('gives the same numbers in the API', async () => {
    const stats = (await (await fetch(`${app.url}/api/v1/stats`)).json()) as Record<string, any>
    expect(stats.schools).toEqual({
      confirmed: 24,
      by_academy: { toulouse: 6, creteil: 5, paris: 5 },
      by_academy_other: 8,
    })
    expect(stats.by_institution_type.schools).toBe(24)
  })
})
