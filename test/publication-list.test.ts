// «Premiers signataires» and the list for publication: moderators mark initial
// signatories, the public list shows them first, and the list a newspaper prints is
// downloaded as PDF (read back with pdftotext), DOCX (unzipped, its XML parsed) and
// plain text: only public signatures, each as its signatory chose to appear, audited.
// The organisations that sign in their own name follow the people: listed ones only,
// under each kind's plural, never with anything about their contact.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logInAs, signAndConfirm, moderate } from './helpers/admin.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { get, hiddenValue } from './helpers/http.js'
import { signForOrganisation } from './helpers/organisation-signing.js'
import { parseXml } from './helpers/xml.js'

const MODERATOR = 'moderatrice@paraphe.test'
/** What must never reach the list: the private, the hidden, and the names behind initials or a withheld name. */
const NEVER = ['Privé', 'Masqué', 'Cachée', 'Camille', 'Dupont', 'Dominique', 'LECA']
/**
 * What must never reach it of the organisations: one not confirmed, one awaiting a
 * moderator, one hidden, and anything about a contact (name, role, mandate, address).
 */
const NEVER_ORGANISATIONS = [
  'Fantôme',
  'Patient',
  'Retirée',
  'Hortense',
  'Rôle-Secret',
  'Mandat-Secret',
  'contact@',
]
/** The listed organisations, as the list shows them in French: by kind in the order of site.toml, then by name. */
const ORGANISATIONS_IN_ORDER = [
  'Organisations signataires',
  '4 organisations signent en leur nom.',
  'Laboratoires et unités de recherche',
  'Institut de recherche en informatique de Toulouse',
  'Laboratoire Évolution et diversité biologique',
  'Sociétés savantes et associations professionnelles',
  'Société française d’écologie et d’évolution',
  'Syndicats et sections syndicales',
  'SNESUP-FSU Toulouse',
]

describe.each(DATABASES)('the list for publication (%s)', (kind) => {
  let app: TestApp
  let cookie = ''
  let csrf = ''
  let dir = ''
  const as = () => ({ Cookie: cookie })
  const ids: Record<string, number> = {}

  /** Downloads the list in a format; returns its bytes. */
  async function download(
    format: string,
    locale = 'fr',
    grouping?: string,
  ): Promise<{ res: Response; bytes: Buffer }> {
    const res = await fetch(`${app.url}/admin/export/list`, {
      method: 'POST',
      headers: { ...as(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, format, locale, ...(grouping ? { grouping } : {}) }).toString(),
    })
    return { res, bytes: Buffer.from(await res.arrayBuffer()) }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paraphe-list-'))
    app = await startTestApp(kind, { ADMIN_EMAILS: MODERATOR })
    const sign = async (key: string, fields: Record<string, string>) => {
      ids[key] = await signAndConfirm(app, { email: `${key}@univ-tlse3.fr`, ...fields })
    }
    await sign('zoe', {
      first_name: 'Zoé',
      last_name: 'Zéphyr',
      category: 'researcher',
      title: 'Directrice de recherche',
    })
    await sign('eli', { first_name: 'Élise', last_name: 'Écart', category: 'researcher' })
    await sign('ana', {
      first_name: 'Ana',
      last_name: 'Aubert',
      category: 'teacher-researcher',
      title: 'Maîtresse de conférences',
      unit: 'IRIT – UMR 5505',
    })
    await sign('bea', { first_name: 'Béa', last_name: 'Bonnet', category: 'teacher-researcher' })
    await sign('yan', { first_name: 'Yan', last_name: 'Yvon', category: 'student' })
    // Elsewhere: a research body, and one institution typed twice in two ways at a webmail address.
    ids.gus = await signAndConfirm(app, {
      email: 'gus@cnrs.fr',
      first_name: 'Gus',
      last_name: 'Garnier',
      category: 'researcher',
    })
    for (const [first, last, institution] of [
      ['Jon', 'Jarry', 'Université de Nulle-Part'],
      ['Ivy', 'Ibert', 'université de nulle part'],
    ] as const)
      await signAndConfirm(app, {
        email: `${first.toLowerCase()}@gmail.com`,
        first_name: first,
        last_name: last,
        category: 'other',
        institution,
      })
    await sign('cam', { first_name: 'Camille', last_name: 'Dupont', unit: 'LECA', display: 'initials' })
    await sign('dom', { first_name: 'Dominique', last_name: 'Cachée', display: 'withheld' })
    await sign('pri', { first_name: 'Paul', last_name: 'Privé', public: '' })
    await sign('mas', { first_name: 'Marc', last_name: 'Masqué' })
    // Listed, in no order of kind or name, and three that are not.
    for (const [name, kind, url, stage] of [
      ['SNESUP-FSU Toulouse', 'union', 'snesup-toulouse.example.org', 'listed'],
      ['Laboratoire Évolution et diversité biologique', 'lab', '', 'listed'],
      ['Société française d’écologie et d’évolution', 'society', 'https://www.sfecologie.example/', 'listed'],
      ['Institut de recherche en informatique de Toulouse', 'lab', 'https://www.irit.fr/', 'listed'],
      ['Département Fantôme', 'department', '', 'pending'],
      ['Collectif Patient', 'collective', '', 'awaiting'],
      ['Section Retirée', 'union', '', 'hidden'],
    ] as const)
      await signForOrganisation(
        app,
        {
          name,
          kind,
          url,
          email: `contact@${name
            .split(' ')[1]!
            .toLowerCase()
            .replace(/[^a-z]/g, '')}.fr`,
        },
        stage,
      )
    cookie = await logInAs(app, MODERATOR)
    csrf = hiddenValue((await get(app.url, '/admin', as())).html, 'csrf')
    await moderate(app, ids.mas, 'hide', { csrf, reason: 'test' }, as())
    for (const key of ['zoe', 'yan'])
      expect((await moderate(app, ids[key], 'mark-initial', { csrf }, as())).status).toBe(303)
  })
  afterAll(async () => {
    await app?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('lets a moderator mark and unmark an initial signatory, recorded in the audit log', async () => {
    const page = await get(app.url, `/admin/signatures/${ids.zoe}`, as())
    expect(page.html).toContain('Retirer des premiers signataires')
    const other = await get(app.url, `/admin/signatures/${ids.ana}`, as())
    expect(other.html).toContain('Compter parmi les premiers signataires')
    const audit = await get(app.url, '/admin/audit', as())
    expect(audit.html).toContain('signature.mark_initial')
  })

  it('shows the initial signatories first on the public list, alphabetically, and not again below', async () => {
    const html = (await get(app.url, '/signatories')).html
    const initial = html.indexOf('<h2>Premiers signataires</h2>')
    const others = html.indexOf('<h2>Ensemble des signataires</h2>')
    expect(initial).toBeGreaterThan(0)
    expect(others).toBeGreaterThan(initial)
    const first = html.slice(initial, others)
    expect(first.indexOf('Yan Yvon')).toBeGreaterThan(0)
    expect(first.indexOf('Zoé Zéphyr')).toBeGreaterThan(first.indexOf('Yan Yvon'))
    expect(html.slice(others)).not.toContain('Zoé Zéphyr')
    // A search finds them like anyone else.
    expect((await get(app.url, '/signatories?q=zephyr')).html).toContain('Zoé Zéphyr')
    expect((await get(app.url, '/en/signatories')).html).toContain('<h2>Initial signatories</h2>')
  })

  it('prints a PDF whose text reads as a tribune’s list', async () => {
    const { res, bytes } = await download('pdf')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="signataires-\d{4}-\d{2}-\d{2}\.pdf"/,
    )
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const file = join(dir, 'list.pdf')
    writeFileSync(file, bytes)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain('Face à l’IA générative, l’objection de conscience')
    expect(flat).toMatch(/Liste des signataires au \d{1,2}(er)? \S+ \d{4}/)
    expect(flat).toMatch(/12\s+signatures vérifiées, dont 10 rendues publiques, et 4\s+organisations\./)
    const order = [
      'Premiers signataires',
      'Yan Yvon, Université Toulouse III – Paul Sabatier',
      'Zoé Zéphyr, Directrice de recherche, Université Toulouse III – Paul Sabatier',
      // A group's heading is its category's plural, as a newspaper prints it.
      'Chercheur·es',
      'Élise Écart',
      'Enseignant·es-chercheur·es',
      'Ana Aubert, Maîtresse de conférences, IRIT – UMR 5505, Université Toulouse III – Paul Sabatier',
      'Béa Bonnet',
      'Signataires sous leurs initiales',
      'C. D., Université Toulouse III – Paul Sabatier',
      'Ainsi qu’une personne qui a choisi de signer sans être nommée.',
      ...ORGANISATIONS_IN_ORDER,
    ]
    let at = -1
    for (const line of order) {
      const next = flat.indexOf(line, at + 1)
      expect(next, line).toBeGreaterThan(at)
      at = next
    }
    for (const word of [...NEVER, ...NEVER_ORGANISATIONS]) expect(flat).not.toContain(word)
    // Printed, an organisation is its name: no web address in a newspaper's column.
    expect(flat).not.toContain('irit.fr')
  })

  it('groups the names by institution when asked, alphabetically by last name within each, the initial signatories first', async () => {
    const { res, bytes } = await download('pdf', 'fr', 'institution')
    expect(res.status).toBe(200)
    const file = join(dir, 'by-institution.pdf')
    writeFileSync(file, bytes)
    const flat = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    )
    const order = [
      'Premiers signataires',
      'Yan Yvon, Université Toulouse III – Paul Sabatier',
      'Zoé Zéphyr, Directrice de recherche, Université Toulouse III – Paul Sabatier',
      'CNRS',
      'Gus Garnier',
      // Two spellings of one institution are one group, under the first in the alphabet of names.
      'université de nulle part',
      'Ivy Ibert',
      'Jon Jarry',
      'Université Toulouse III – Paul Sabatier',
      // Under its institution's heading, an entry does not name it again.
      'Ana Aubert, Maîtresse de conférences, IRIT – UMR 5505 Béa Bonnet',
      'Élise Écart',
      'Signataires sous leurs initiales',
      'C. D., Université Toulouse III – Paul Sabatier',
      'Ainsi qu’une personne qui a choisi de signer sans être nommée.',
      ...ORGANISATIONS_IN_ORDER,
    ]
    let at = -1
    for (const line of order) {
      const next = flat.indexOf(line, at + 1)
      expect(next, line).toBeGreaterThan(at)
      at = next
    }
    expect(flat).not.toContain('Université de Nulle-Part')
    expect(flat).not.toContain('Chercheur·e')
    for (const word of [...NEVER, ...NEVER_ORGANISATIONS]) expect(flat).not.toContain(word)
    const audit = (await get(app.url, '/admin/audit', as())).html
    expect(audit).toContain('10 listed and 4 organisations, by institution')
  })

  it('offers the choice of grouping on the export page, without script', async () => {
    const html = (await get(app.url, '/admin/export', as())).html
    expect(html).toContain('<input type="radio" name="grouping" value="category" checked=""')
    expect(html).toContain('<input type="radio" name="grouping" value="institution"')
    expect(html).toMatch(/<button type="submit" name="format" value="docx">/)
    expect(html).toContain('par établissement')
  })

  it('writes a DOCX that unzips whole, with well-formed XML, and the same list', async () => {
    const { res, bytes } = await download('docx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    const file = join(dir, 'list.docx')
    writeFileSync(file, bytes)
    // unzip checks every entry's checksum and sizes.
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected')
    // unzip reads its names as patterns: the brackets of [Content_Types].xml are escaped.
    for (const part of ['\\[Content_Types\\].xml', '_rels/.rels', 'word/styles.xml', 'word/document.xml']) {
      const xml = execFileSync('unzip', ['-p', file, part], { encoding: 'utf8' })
      expect(xml.length, part).toBeGreaterThan(0)
      parseXml(xml.replace(/^<\?xml[^>]*\?>\s*/, ''))
    }
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' })
    const paragraphs = [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1])
    expect(paragraphs).toContain('Premiers signataires')
    expect(paragraphs).toContain(
      'Ana Aubert, Maîtresse de conférences, IRIT – UMR 5505, Université Toulouse III – Paul Sabatier',
    )
    expect(xml).toContain(
      '<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Chercheur·es</w:t>',
    )
    // The organisations after the people: their heading at the level of the people's
    // groups, each kind a level below it, one paragraph an organisation, no address.
    const withheldAt = paragraphs.indexOf('Ainsi qu’une personne qui a choisi de signer sans être nommée.')
    // (A no-break space joins the count to its noun.)
    expect(paragraphs.slice(withheldAt + 1).map((p) => p?.replace(/\u00a0/g, ' '))).toEqual(
      ORGANISATIONS_IN_ORDER,
    )
    expect(xml).toContain(
      '<w:pStyle w:val="Part"/></w:pPr><w:r><w:t xml:space="preserve">Organisations signataires</w:t>',
    )
    expect(xml).toContain(
      '<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Syndicats et sections syndicales</w:t>',
    )
    expect(xml).not.toContain('irit.fr')
    for (const word of [...NEVER, ...NEVER_ORGANISATIONS]) expect(xml).not.toContain(word)
  })

  it('writes plain text, in the language asked', async () => {
    const { res, bytes } = await download('txt', 'en')
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const text = bytes.toString('utf8')
    expect(text).toContain('Facing generative AI: conscientious objection')
    expect(text).toContain('List of signatories as of')
    expect(text).toContain('INITIAL SIGNATORIES')
    expect(text).toContain('\nRESEARCHERS\n')
    expect(text).toContain('\nTEACHER-RESEARCHERS (FACULTY)\n')
    expect(text).toContain(
      '\nAna Aubert, Maîtresse de conférences, IRIT – UMR 5505, Université Toulouse III – Paul Sabatier\n',
    )
    expect(text).toContain('And one person who chose to sign without being named.')
    expect(text).toContain('12 verified signatures, of which 10 made public, and 4 organisations.')
    // After the people, the organisations; in the text each with its web address, for
    // an editor who pastes the list into a web page.
    expect(text.slice(text.indexOf('And one person who chose'))).toContain(
      [
        '',
        'SIGNING ORGANISATIONS',
        '=====================',
        '',
        '4 organisations sign in their own name.',
        '',
        'Laboratories and research units',
        '',
        'Institut de recherche en informatique de Toulouse (https://www.irit.fr/)',
        'Laboratoire Évolution et diversité biologique',
        '',
        'Learned societies and professional associations',
        '',
        'Société française d’écologie et d’évolution (https://www.sfecologie.example/)',
        '',
        'Trade unions and union branches',
        '',
        'SNESUP-FSU Toulouse (https://snesup-toulouse.example.org/)',
        '',
      ].join('\n'),
    )
    for (const word of [...NEVER, ...NEVER_ORGANISATIONS]) expect(text).not.toContain(word)
  })

  it('records every download in the audit log, and refuses an unknown format', async () => {
    const audit = (await get(app.url, '/admin/audit', as())).html
    for (const format of ['pdf', 'docx', 'txt']) expect(audit).toContain(`export.list.${format}`)
    const { res } = await download('odt')
    expect(res.status).toBe(400)
    expect((await download('pdf', 'fr', 'discipline')).res.status).toBe(400)
    const anonymous = await fetch(`${app.url}/admin/export/list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ format: 'pdf' }).toString(),
    })
    expect(anonymous.status).not.toBe(200)
  })
})
