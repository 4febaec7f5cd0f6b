// How each signatory appears, chosen on the form and changed from the manage page:
// full name, initials or name withheld, with the optional title and unit. Read as
// someone trying to find out who hides behind initials or «un·e signataire» would:
// through every page, search, export and the API that names signatories.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { DATABASES } from './helpers/databases.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { nextMail, signAndConfirm } from './helpers/signing.js'

/** The signatories a page lists, each as the text of its item. */
function items(html: string): string[] {
  return [...html.matchAll(/<li>(<span class="name">[\s\S]*?)<\/li>/g)].map((m) => m[1]!)
}

/** What a de-anonymiser would look for: every word typed by those who hid their name. */
const HIDDEN = [
  'Camille',
  'Dupont',
  'LECA',
  'Chargée de recherche',
  'Paléoclimatologie',
  'Dominique',
  'Cachée',
]
const HIDDEN_SMALL = ['Eloi', 'Solitaire', 'Laboratoire secret', 'Fanny', 'Rennaise']

describe.each(DATABASES)('how a signatory appears (%s)', (kind) => {
  let app: TestApp
  let contentDir = ''
  let camilleManage = ''
  beforeAll(async () => {
    // Groups of 3 and more are named: Toulouse III gets 3 signatures, CNRS and Rennes one each.
    contentDir = contentWith({
      allow_networks: '["127.0.0.0/8", "::1/128"]',
      min_fill_seconds: '0',
      min_group_size: '3',
    })
    app = await startTestApp(kind, { CONTENT_DIR: contentDir })
    await signAndConfirm(app, {
      email: 'ana@univ-tlse3.fr',
      first_name: 'Ana',
      last_name: 'Pleine',
      title: 'Maîtresse de conférences',
      unit: 'IRIT – UMR 5505',
      category: 'teacher-researcher',
    })
    camilleManage = (await signAndConfirm(
      app,
      {
        email: 'camille@univ-tlse3.fr',
        first_name: 'Camille',
        last_name: 'Dupont',
        title: 'Chargée de recherche',
        unit: 'LECA',
        discipline: 'Paléoclimatologie',
        display: 'initials',
      },
      { manage: true },
    ))!
    await signAndConfirm(app, {
      email: 'dominique@univ-tlse3.fr',
      first_name: 'Dominique',
      last_name: 'Cachée',
      display: 'withheld',
    })
    await signAndConfirm(app, {
      email: 'eloi@cnrs.fr',
      first_name: 'Eloi',
      last_name: 'Solitaire',
      institution: 'CNRS',
      unit: 'Laboratoire secret',
      display: 'withheld',
    })
    await signAndConfirm(app, {
      email: 'fanny@univ-rennes.fr',
      first_name: 'Fanny',
      last_name: 'Rennaise',
      institution: 'Université de Rennes',
      display: 'initials',
    })
  })
  afterAll(async () => {
    await app?.close()
    rmSync(contentDir, { recursive: true, force: true })
  })

  it('offers the choice, the title with its suggestions and the unit on the form, without script', async () => {
    const page = await get(app.url, '/sign')
    expect(page.html).toContain('<legend>Dans la liste publique, apparaître sous</legend>')
    expect(page.html).toMatch(
      /<input type="radio" id="field-display-full" name="display" value="full" checked=""/,
    )
    expect(page.html).toContain('list="title-suggestions"')
    expect(page.html).toContain('<option value="Maître·sse de conférences" label="Enseignant·e-chercheur·e">')
    expect(page.html).toContain('name="unit"')
    expect(page.html).not.toContain('<script')
    const en = await get(app.url, '/en/sign')
    expect(en.html).toContain('<legend>On the public list, appear as</legend>')
    expect(en.html).toContain(
      '<option value="Associate professor (MCF)" label="Teacher-researcher (faculty)">',
    )
  })

  it('refuses an unknown choice with a localised error, keeping everything typed', async () => {
    const res = await postForm(
      app.url,
      '/sign',
      validSignature({ email: 'x@univ-tlse3.fr', display: 'pseudonym', unit: 'LAAS', title: 'Ingénieure' }),
    )
    expect(res.status).toBe(422)
    expect(res.html).toContain('Choisissez l’une des options proposées.')
    expect(res.html).toContain('value="LAAS"')
    expect(res.html).toContain('value="Ingénieure"')
    expect(res.html).toContain('value="x@univ-tlse3.fr"')
    const en = await postForm(app.url, '/en/sign', validSignature({ email: 'x@univ-tlse3.fr', display: 'x' }))
    expect(en.html).toContain('Choose one of the options offered.')
  })

  it('shows the choice before the confirmation button and after it', async () => {
    const mail = await nextMail(app, () =>
      postForm(
        app.url,
        '/sign',
        validSignature({
          email: 'jp@univ-tlse3.fr',
          first_name: 'Jean-Pierre',
          last_name: 'de La Fontaine',
          display: 'initials',
          title: 'Professeur des universités',
        }),
      ),
    )
    const path = linkIn(mail.text, 'confirm')
    const page = await get(app.url, path)
    expect(page.html).toContain(
      '<dt>Dans la liste, apparaître sous</dt><dd>vos initiales\u00a0: J.-P. D.</dd>',
    )
    expect(page.html).toContain('<dt>Fonction ou grade</dt><dd>Professeur des universités</dd>')
    const done = await postForm(app.url, path, { csrf: hiddenValue(page.html, 'csrf') })
    const confirmed = await get(app.url, done.location!)
    expect(confirmed.html).toContain('Votre signature figure dans la liste publique sous vos initiales.')
    // A fourth signature at Toulouse III, withdrawn again so that the other tests count three.
    const manage = await nextMail(app, () => postForm(app.url, '/manage', { email: 'jp@univ-tlse3.fr' }))
    const managePath = linkIn(manage.text, 'manage')
    const form = await get(app.url, managePath)
    await postForm(app.url, `${managePath}/withdraw`, { csrf: hiddenValue(form.html, 'csrf') })
  })

  it('lists each as they chose: title and unit with a full name, nothing else with initials or withheld', async () => {
    const html = (await get(app.url, '/signatories')).html
    const list = items(html)
    const ana = list.find((i) => i.includes('Ana Pleine'))!
    expect(ana).toContain('<span class="position">Maîtresse de conférences, IRIT – UMR 5505</span>')
    const camille = list.find((i) => i.includes('C. D.'))!
    // Toulouse III counts three signatures: large enough to be named beside initials.
    expect(camille).toContain('Université Toulouse III – Paul Sabatier')
    expect(camille).not.toContain('class="position"')
    expect(camille).not.toContain('class="meta">Chercheur')
    const withheld = list.filter((i) => i.includes('Un·e signataire'))
    expect(withheld).toHaveLength(2)
    // Alone at CNRS: the institution would point at the person, so it is not given.
    expect(withheld.filter((i) => i.includes('Toulouse'))).toHaveLength(1)
    expect(withheld.some((i) => /CNRS|Centre national/.test(i))).toBe(false)
    const fanny = list.find((i) => i.includes('F. R.'))!
    expect(fanny).not.toContain('Rennes')
    for (const word of [...HIDDEN, ...HIDDEN_SMALL]) expect(html).not.toContain(word)
    const en = (await get(app.url, '/en/signatories')).html
    expect(en).toContain('A signatory')
  })

  it('finds full names only: a search never matches what initials or a withheld name hide', async () => {
    for (const q of ['dupont', 'camille', 'cachée', 'solitaire', 'rennaise']) {
      const page = await get(app.url, `/signatories?q=${encodeURIComponent(q)}`)
      expect(page.html).toContain('Aucun résultat')
    }
    const toulouse = await get(app.url, '/signatories?q=toulouse')
    expect(items(toulouse.html).map((i) => i.match(/class="name">([^<]*)</)?.[1])).toEqual(['Ana Pleine'])
  })

  it('names a small institution on its page only through those who show their full name', async () => {
    const tlse = (await get(app.url, '/institutions/univ-tlse3.fr')).html
    expect(tlse).toContain('Ana Pleine')
    expect(tlse).toContain('C. D.')
    expect(tlse).toContain('Un·e signataire')
    const cnrs = await get(app.url, '/institutions/cnrs.fr')
    expect(cnrs.status).toBe(200)
    expect(cnrs.html).not.toContain('Un·e signataire')
    const rennes = await get(app.url, '/institutions/univ-rennes.fr')
    expect(rennes.html).not.toContain('F. R.')
    for (const word of [...HIDDEN, ...HIDDEN_SMALL]) {
      expect(tlse).not.toContain(word)
      expect(cnrs.html).not.toContain(word)
      expect(rennes.html).not.toContain(word)
    }
  })

  it('publishes the same in open data and the API, and nothing a hidden name typed', async () => {
    const json = await (await fetch(`${app.url}/open-data/signatories.json`)).text()
    const csv = await (await fetch(`${app.url}/open-data/signatories.csv`)).text()
    const api = await (await fetch(`${app.url}/api/v1/signatories?limit=100`)).text()
    for (const body of [json, csv, api])
      for (const word of [...HIDDEN, ...HIDDEN_SMALL]) expect(body).not.toContain(word)
    const people = (JSON.parse(json) as { signatories: Record<string, unknown>[] }).signatories
    expect(people.find((s) => s.first_name === 'Ana')).toMatchObject({
      display: 'full',
      title: 'Maîtresse de conférences',
      unit: 'IRIT – UMR 5505',
    })
    expect(people.find((s) => s.first_name === 'C.')).toMatchObject({
      display: 'initials',
      last_name: 'D.',
      title: '',
      unit: '',
      category: '',
      discipline: '',
      verified: true,
      verified_institution: 'Université Toulouse III – Paul Sabatier',
    })
    const withheld = people.filter((s) => s.display === 'withheld')
    expect(withheld).toHaveLength(2)
    expect(withheld.map((s) => s.institution_domain).sort()).toEqual(['', 'univ-tlse3.fr'])
    for (const s of withheld) expect(s).toMatchObject({ first_name: '', last_name: '' })
    expect(csv).toContain('\ninitials,F.,R.,,,,,,')
  })

  it('lets the signatory change how they appear from the manage page', async () => {
    const form = await get(app.url, camilleManage)
    expect(form.html).toMatch(/id="field-display-initials" name="display" value="initials" checked=""/)
    // Their own category is known: its suggestions only.
    expect(form.html).toContain('<option value="Chargé·e de recherche">')
    expect(form.html).not.toContain('Maître·sse de conférences')
    const fields = {
      csrf: hiddenValue(form.html, 'csrf'),
      first_name: 'Camille',
      last_name: 'Dupont',
      category: 'researcher',
      institution: 'Université Toulouse III',
      discipline: 'Paléoclimatologie',
      title: 'Chargée de recherche',
      unit: 'LECA',
      public: '1',
      display: 'full',
    }
    expect((await postForm(app.url, camilleManage, fields)).status).toBe(303)
    const list = items((await get(app.url, '/signatories')).html)
    expect(list.find((i) => i.includes('Camille Dupont'))).toContain('Chargée de recherche, LECA')
    expect((await get(app.url, '/signatories?q=dupont')).html).toContain('Camille Dupont')
    expect((await postForm(app.url, camilleManage, { ...fields, display: 'initials' })).status).toBe(303)
    expect((await get(app.url, '/signatories')).html).not.toContain('Dupont')
  })

  it('keeps the choice with the consent proof in the signatory’s own data', async () => {
    const data = (await (await fetch(`${app.url}${camilleManage}/data.json`)).json()) as Record<
      string,
      unknown
    >
    expect(data).toMatchObject({
      display: 'initials',
      title: 'Chargée de recherche',
      unit: 'LECA',
      consent_version: app.config.site.consentVersion,
    })
  })

  it('says on the privacy page what each choice publishes', async () => {
    const fr = (await get(app.url, '/confidentialite')).html
    expect(fr).toContain('Apparaître sous ses initiales ou sans son nom')
    expect(fr).toContain('au moins 3\u00a0signatures')
    const en = (await get(app.url, '/en/privacy')).html
    expect(en).toContain('The public list’s search finds full names only.')
  })
})
