// What machines read about the organisations that sign in their own name: their count
// in /api/v1/stats, apart from people's, and their open data files. Listed ones only
// (confirmed by their contact, approved by a moderator, not hidden), and nothing about
// their contact: not the name, role, mandate, address or its domain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { get } from './helpers/http.js'
import { signForOrganisation } from './helpers/organisation-signing.js'
import { signAndConfirm } from './helpers/signing.js'

/** What must never be published: the unlisted organisations, and their contacts. */
const NEVER = [
  'Fantôme',
  'Patient',
  'Retirée',
  'Hortense',
  'Rôle-Secret',
  'Mandat-Secret',
  'contact@',
  'domaine-du-contact',
]

describe.each(DATABASES)('organisations in the API and the open data (%s)', (kind) => {
  let app: TestApp

  beforeAll(async () => {
    app = await startTestApp(kind)
    await signAndConfirm(app, { email: 'personne@univ-tlse3.fr', first_name: 'Pia' })
    for (const [name, kindKey, url, stage, box] of [
      ['SNESUP-FSU Toulouse', 'union', 'snesup-toulouse.example.org', 'listed', 'snesup'],
      ['Laboratoire Évolution et diversité biologique', 'lab', '', 'listed', 'edb'],
      ['=Collectif qui calcule', 'collective', '', 'listed', 'calcule'],
      ['Département Fantôme', 'department', '', 'pending', 'fantome'],
      ['Collectif Patient', 'collective', '', 'awaiting', 'patient'],
      ['Section Retirée', 'union', '', 'hidden', 'retiree'],
    ] as const)
      await signForOrganisation(
        app,
        { name, kind: kindKey, url, email: `contact@${box}.domaine-du-contact.fr` },
        stage,
      )
  })
  afterAll(async () => {
    await app?.close()
  })

  it('counts the listed organisations in /api/v1/stats, apart from the people', async () => {
    const stats = JSON.parse((await get(app.url, '/api/v1/stats')).html)
    expect(stats.organisations).toBe(3)
    // The people's totals are people's only.
    expect(stats.confirmed).toBe(1)
    expect(stats.public).toBe(1)
  })

  it('publishes the listed organisations as CSV, under the licence, with no contact field', async () => {
    const res = await get(app.url, '/open-data/organisations.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
    expect(res.headers.get('link')).toBe('<https://opendatacommons.org/licenses/odbl/1-0/>; rel="license"')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const day = app.clock.now().toISOString().slice(0, 10)
    expect(res.html.trimEnd().split('\n')).toEqual([
      'name,kind,kind_label,url,approved_on',
      `Laboratoire Évolution et diversité biologique,lab,Laboratoire ou unité de recherche,,${day}`,
      `SNESUP-FSU Toulouse,union,Syndicat ou section syndicale,https://snesup-toulouse.example.org/,${day}`,
      // A name a spreadsheet would run as a formula is not one.
      `'=Collectif qui calcule,collective,Collectif ou association,,${day}`,
    ])
    for (const word of NEVER) expect(res.html).not.toContain(word)
  })

  it('publishes the same as JSON, with the licence, each with exactly the documented fields', async () => {
    const res = await get(app.url, '/open-data/organisations.json')
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const json = JSON.parse(res.html)
    expect(json.licence).toBe('ODbL-1.0')
    expect(json.licence_url).toBe('https://opendatacommons.org/licenses/odbl/1-0/')
    expect(json.generated_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(json.organisations.map((o: { name: string }) => o.name)).toEqual([
      'Laboratoire Évolution et diversité biologique',
      'SNESUP-FSU Toulouse',
      '=Collectif qui calcule',
    ])
    for (const o of json.organisations)
      expect(Object.keys(o).sort()).toEqual(['approved_on', 'kind', 'kind_label', 'name', 'url'])
    expect(json.organisations[1]).toEqual({
      name: 'SNESUP-FSU Toulouse',
      kind: 'union',
      kind_label: 'Syndicat ou section syndicale',
      url: 'https://snesup-toulouse.example.org/',
      approved_on: app.clock.now().toISOString().slice(0, 10),
    })
    for (const word of NEVER) expect(res.html).not.toContain(word)
  })

  it('lists the organisations’ files with the signatures’ on /stats', async () => {
    const html = (await get(app.url, '/stats')).html
    const openData = html.slice(html.indexOf('id="open-data"'))
    expect(openData).toContain('<a href="/open-data/organisations.csv" type="text/csv">')
    expect(openData).toContain('<a href="/open-data/organisations.json" type="application/json">')
  })
})
