// Making the resistance visible: institutions, statistics, open data, API and feed,
// through HTTP on each database. Private signatures are counted, never named.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get } from './helpers/http.js'
import { signAndConfirm } from './helpers/signing.js'

describe.each(DATABASES)('institutions and statistics (%s)', (kind) => {
  let app: TestApp
  let contentDir = ''
  beforeAll(async () => {
    // The shipped content, with milestones low enough for a handful of signatures.
    contentDir = mkdtempSync(join(tmpdir(), 'paraphe-content-'))
    cpSync('content', contentDir, { recursive: true })
    const toml = join(contentDir, 'site.toml')
    // Every group shown exactly (min_group_size = 1): the threshold is aggregates.test.ts's subject.
    writeFileSync(
      toml,
      readFileSync(toml, 'utf8')
        .replace(/thresholds = \[[^\]]*\]/, 'thresholds = [2, 5, 1000]')
        .replace('min_group_size = 5', 'min_group_size = 1'),
    )
    app = await startTestApp(kind, { CONTENT_DIR: contentDir })
    await signAndConfirm(app, {
      email: 'ana@univ-tlse3.fr',
      first_name: 'Ana',
      last_name: 'Public',
      category: 'researcher',
      discipline: 'Écologie',
    })
    await signAndConfirm(app, {
      email: 'bo@univ-tlse3.fr',
      first_name: 'Bo',
      last_name: 'Secret',
      category: 'student',
      public: '',
      discipline: 'écologie',
    })
    await signAndConfirm(app, {
      email: 'cy@cnrs.fr',
      first_name: 'Cy',
      last_name: 'Chercheuse',
      institution: 'CNRS',
      category: 'researcher',
      debate: '1',
    })
    await signAndConfirm(app, {
      email: 'di@univ-rennes.fr',
      first_name: 'Di',
      last_name: 'Rennaise',
      institution: 'Université de Rennes',
      category: 'teacher-researcher',
    })
    await signAndConfirm(app, {
      email: 'eu@gmail.com',
      first_name: 'Eu',
      last_name: 'Webmail',
      institution: 'Lycée Bellevue',
      category: 'teacher',
    })
  })
  afterAll(async () => {
    await app?.close()
    rmSync(contentDir, { recursive: true, force: true })
  })

  it('ranks institutions by confirmed signatures, counting private ones without naming them', async () => {
    const page = await get(app.url, '/institutions')
    expect(page.status).toBe(200)
    const html = page.html
    expect(html).toContain('Université Toulouse III – Paul Sabatier')
    expect(html.indexOf('Université Toulouse III – Paul Sabatier')).toBeLessThan(html.indexOf('CNRS'))
    expect(html).toMatch(
      /univ-tlse3<wbr\/?>\.fr<\/span><\/th><td role="cell" class="num" data-label="[^"]+">2<\/td><td role="cell" class="num" data-label="[^"]+">1<\/td>/,
    )
    // Named in content/institutions.toml, never by what its signatories typed.
    expect(html).toContain('Université de Rennes')
    // A webmail domain is not an institution.
    expect(html).not.toContain('gmail.com')
    expect(html).not.toContain('Secret')
    expect(html).not.toContain('style=')
    const en = await get(app.url, '/en/institutions')
    expect(en.html).toContain('Institutions, by number of confirmed signatures')
  })

  it('shows on the home page the next milestone as a progress bar, and the institutions represented', async () => {
    const html = (await get(app.url, '/')).html
    // Five confirmed: the thresholds 2 and 5 are passed, 1 000 is next.
    expect(html).toMatch(
      /<label for="next-milestone">Prochain palier\u00a0: 1\u202f000\u00a0signatures vérifiées<\/label>/,
    )
    expect(html).toMatch(/<progress id="next-milestone" value="5" max="1000">5 sur 1\u202f000<\/progress>/)
    // Toulouse III, CNRS and Rennes: a webmail domain is no institution.
    expect(html).toContain('>3\u00a0établissements représentés</a>')
    const en = (await get(app.url, '/en/')).html
    expect(en).toContain('Next milestone: 1,000 verified signatures')
    expect(en).toContain('3 institutions represented')
  })

  it('marks verified institutional addresses in the public list', async () => {
    const html = (await get(app.url, '/signatories')).html
    const item = (name: string) => html.slice(html.indexOf(name), html.indexOf('</li>', html.indexOf(name)))
    expect(item('Ana Public')).toContain('adresse institutionnelle vérifiée')
    expect(item('Eu Webmail')).not.toContain('vérifiée')
  })

  it('shows an institution’s public signatories and its numbers by category', async () => {
    const page = await get(app.url, '/institutions/univ-tlse3.fr')
    expect(page.status).toBe(200)
    expect(page.html).toContain('<h1>Université Toulouse III – Paul Sabatier</h1>')
    expect(page.html).toContain('Ana Public')
    expect(page.html).not.toContain('Secret')
    expect(page.html).toContain(
      '2\u00a0signatures vérifiées avec une adresse de cet établissement, dont 1 rendue publique',
    )
    expect(page.html).toMatch(/Étudiant·e<\/th><td class="num">1<\/td>/)
    expect(page.html).toContain('Personne ne s’est encore proposé')
    expect((await get(app.url, '/institutions/gmail.com')).status).toBe(404)
    expect((await get(app.url, '/institutions/univ-nowhere.fr')).status).toBe(404)
    const cnrs = await get(app.url, '/en/institutions/cnrs.fr')
    expect(cnrs.html).toContain('One person is willing to help organise a debate')
    expect(cnrs.html).toContain('action="/en/institutions/cnrs.fr/contact#debate"')
  })

  it('shows statistics as tables and a server-drawn SVG chart', async () => {
    const page = await get(app.url, '/stats')
    expect(page.status).toBe(200)
    expect(page.html).toMatch(/Signatures confirmées<\/th><td class="num">5</)
    expect(page.html).toMatch(/Avec une adresse institutionnelle vérifiée<\/th><td class="num">4</)
    expect(page.html).toMatch(/Avec une autre adresse<\/th><td class="num">1</)
    expect(page.html).toMatch(/Chercheur·e<\/th><td class="num">2</)
    expect(page.html).toMatch(/Écologie<\/th><td class="num">5</)
    expect(page.html).toContain('<svg class="chart"')
    expect(page.html).toContain('role="img"')
    expect(page.html).toContain('<title id="chart-title">')
    expect(page.html).toMatch(
      /<time datetime="2026-11-28">28 novembre 2026<\/time><\/th><td class="num">5<\/td><td class="num">5<\/td>/,
    )
    expect(page.html).not.toContain('<script')
    expect(page.html).not.toContain('style=')
    expect(page.html.length).toBeLessThan(30_000)
  })

  it('exports public signatures as CSV, neutralising cells a spreadsheet would run', async () => {
    await signAndConfirm(app, {
      email: 'fx@univ-tlse2.fr',
      first_name: '=HYPERLINK("evil.test")',
      last_name: '+Plus',
      institution: '@SUM(A1)',
      discipline: '-2',
      category: 'staff',
    })
    const res = await fetch(`${app.url}/open-data/signatories.csv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('link')).toContain('rel="license"')
    const csv = await res.text()
    const lines = csv.trim().split('\n')
    expect(lines[0]).toBe(
      'display,first_name,last_name,title,unit,category,institution,discipline,signed_at,verified,institution_domain,verified_institution',
    )
    expect(lines).toHaveLength(1 + 5)
    expect(csv).not.toContain('Secret')
    expect(csv).toContain(`full,"'=HYPERLINK(""evil.test"")",'+Plus,,,staff,'@SUM(A1),'-2,`)
    expect(csv).toMatch(/full,Eu,Webmail,,,teacher,Lycée Bellevue,Écologie,2026-[^,]+,0,,\n/)
    expect(csv).toMatch(
      /full,Ana,Public,,,researcher,Université Toulouse III,Écologie,2026-[^,]+,1,univ-tlse3\.fr,Université Toulouse III – Paul Sabatier\n/,
    )
    for (const line of lines.slice(1)) expect(line).not.toMatch(/(^|,)[=+\-@]/)
  })

  it('exports public signatures as JSON with the licence', async () => {
    const res = await fetch(`${app.url}/open-data/signatories.json`)
    const data = (await res.json()) as {
      licence: string
      signatories: { first_name: string; verified: boolean; institution_domain: string }[]
    }
    expect(data.licence).toBe('ODbL-1.0')
    expect(data.signatories).toHaveLength(5)
    expect(data.signatories.map((s) => s.first_name)).not.toContain('Bo')
    expect(data.signatories.find((s) => s.first_name === 'Cy')).toMatchObject({
      verified: true,
      institution_domain: 'cnrs.fr',
    })
    expect(data.signatories.find((s) => s.first_name === 'Eu')).toMatchObject({
      verified: false,
      institution_domain: '',
    })
    expect(JSON.stringify(data)).not.toContain('@gmail')
  })

  it('answers the API from any origin with ETags and 304, compressed when asked', async () => {
    const res = await fetch(`${app.url}/api/v1/stats`, {
      headers: { Origin: 'https://elsewhere.example', 'Accept-Encoding': 'br' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    // A page of signatories is large enough to be worth compressing; so is the JSON API's.
    const list = await fetch(`${app.url}/api/v1/signatories`, { headers: { 'Accept-Encoding': 'br' } })
    expect(list.headers.get('content-encoding')).toBe('br')
    expect(list.headers.get('vary')).toContain('Accept-Encoding')
    expect(list.headers.get('etag')).toMatch(/^W\/"[A-Za-z0-9_-]+"$/)
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(5)
    const etag = res.headers.get('etag')
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/)
    const stats = (await res.json()) as Record<string, any>
    expect(stats).toMatchObject({ confirmed: 6, public: 5, verified: 5, willing_to_debate: 1 })
    expect(stats.by_category).toMatchObject({ researcher: 2, student: 1, staff: 1 })
    expect(stats.by_institution[0]).toMatchObject({ domain: 'univ-tlse3.fr', confirmed: 2, public: 1 })
    expect(stats.by_day).toEqual([{ day: '2026-11-28', count: 6 }])
    const again = await fetch(`${app.url}/api/v1/stats`, { headers: { 'If-None-Match': etag! } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const preflight = await fetch(`${app.url}/api/v1/stats`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://x.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET')
  })

  it('pages through public signatories by keyset in the API', async () => {
    const seen: string[] = []
    let path: string | null = '/api/v1/signatories?limit=2'
    while (path) {
      const res = await fetch(app.url + path)
      expect(res.status).toBe(200)
      const body = (await res.json()) as {
        items: { first_name: string; last_name: string }[]
        next: string | null
      }
      expect(body.items.length).toBeLessThanOrEqual(2)
      seen.push(...body.items.map((i) => i.last_name))
      path = body.next
    }
    expect(seen).toHaveLength(5)
    expect(new Set(seen).size).toBe(5)
    expect(seen).not.toContain('Secret')
    expect(seen[0]).toBe('+Plus')
    expect((await fetch(`${app.url}/api/v1/signatories?after=nonsense`)).status).toBe(400)
    const inst = (await (await fetch(`${app.url}/api/v1/institutions`)).json()) as {
      items: { domain: string; confirmed: number }[]
    }
    expect(inst.items.map((i) => i.domain)).toEqual([
      'univ-tlse3.fr',
      'cnrs.fr',
      'univ-rennes.fr',
      'univ-tlse2.fr',
    ])
    expect(inst.items.map((i) => i.domain)).not.toContain('gmail.com')
  })

  it('announces the milestones reached in an Atom feed, in each language', async () => {
    const res = await fetch(`${app.url}/feed.atom`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/atom+xml')
    const xml = await res.text()
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
    // French joins a number to its word, and sets a thin non-breaking space before «!».
    expect(xml).toContain('<title>5\u00a0signatures vérifiées\u202f!</title>')
    expect(xml).toContain('<title>2\u00a0signatures vérifiées\u202f!</title>')
    expect(xml).not.toContain('milestone/1000')
    expect(xml.indexOf('milestone/5')).toBeLessThan(xml.indexOf('milestone/2<'))
    const en = await (await fetch(`${app.url}/en/feed.atom`)).text()
    expect(en).toContain('<title>5 verified signatures!</title>')
    expect(en).toContain('href="http://paraphe.test/en/"')
  })
})
