// Making the resistance visible: institutions, statistics, open data, API and feed,
// through HTTP on each database. Private signatures are counted, never named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get } from './helpers/http.js'
import { signAndConfirm } from './helpers/signing.js'

describe.each(DATABASES)('institutions and statistics (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind)
    await signAndConfirm(app, { email: 'ana@univ-tlse3.fr', first_name: 'Ana', last_name: 'Public', category: 'researcher', discipline: 'Écologie' })
    await signAndConfirm(app, { email: 'bo@univ-tlse3.fr', first_name: 'Bo', last_name: 'Secret', category: 'student', public: '', discipline: 'écologie' })
    await signAndConfirm(app, { email: 'cy@cnrs.fr', first_name: 'Cy', last_name: 'Chercheuse', institution: 'CNRS', category: 'researcher', debate: '1' })
    await signAndConfirm(app, { email: 'di@univ-rennes.fr', first_name: 'Di', last_name: 'Rennaise', institution: 'Université de Rennes', category: 'teacher-researcher' })
    await signAndConfirm(app, { email: 'eu@gmail.com', first_name: 'Eu', last_name: 'Webmail', institution: 'Lycée Bellevue', category: 'teacher' })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('ranks institutions by confirmed signatures, counting private ones without naming them', async () => {
    const page = await get(app.url, '/institutions')
    expect(page.status).toBe(200)
    const html = page.html
    expect(html).toContain('Université Toulouse III – Paul Sabatier')
    expect(html.indexOf('Université Toulouse III – Paul Sabatier')).toBeLessThan(html.indexOf('CNRS'))
    expect(html).toMatch(/univ-tlse3\.fr<\/span><\/th><td class="num">2<\/td><td class="num">1<\/td>/)
    // Not named in the config: the name its signatories typed.
    expect(html).toContain('Université de Rennes')
    // A webmail domain is not an institution.
    expect(html).not.toContain('gmail.com')
    expect(html).not.toContain('Secret')
    expect(html).not.toContain('style=')
    const en = await get(app.url, '/en/institutions')
    expect(en.html).toContain('Institutions, by number of confirmed signatures')
  })

  it('shows an institution’s public signatories and its numbers by category', async () => {
    const page = await get(app.url, '/institutions/univ-tlse3.fr')
    expect(page.status).toBe(200)
    expect(page.html).toContain('<h1>Université Toulouse III – Paul Sabatier</h1>')
    expect(page.html).toContain('Ana Public')
    expect(page.html).not.toContain('Secret')
    expect(page.html).toContain('2 signatures vérifiées avec une adresse de cet établissement, dont 1 rendue publique')
    expect(page.html).toMatch(/Étudiant·e<\/th><td class="num">1<\/td>/)
    expect(page.html).toContain('Personne ne s’est encore proposé')
    expect((await get(app.url, '/institutions/gmail.com')).status).toBe(404)
    expect((await get(app.url, '/institutions/univ-nowhere.fr')).status).toBe(404)
    const cnrs = await get(app.url, '/en/institutions/cnrs.fr')
    expect(cnrs.html).toContain('One person is willing to help organise a debate')
    expect(cnrs.html).toContain('action="/en/institutions/cnrs.fr/contact"')
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
    expect(page.html).toMatch(/<time datetime="2026-11-28">28 novembre 2026<\/time><\/th><td class="num">5<\/td><td class="num">5<\/td>/)
    expect(page.html).not.toContain('<script')
    expect(page.html).not.toContain('style=')
    expect(page.html.length).toBeLessThan(30_000)
  })
})
