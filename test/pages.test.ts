// The public pages: languages, content pages, errors, and the headers every answer carries.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get, postForm, validSignature } from './helpers/http.js'

/** The pages the site makes itself, in every language (content pages are added from the content folder). */
const SITE_PAGES = [
  ...['/', '/sign', '/signatories', '/institutions', '/stats', '/transparency', '/kit', '/manage'],
  '/confidentialite',
  ...[
    '/en/',
    '/en/sign',
    '/en/signatories',
    '/en/institutions',
    '/en/stats',
    '/en/transparency',
    '/en/kit',
    '/en/manage',
    '/en/privacy',
  ],
]

/** The page's own content, without the header and footer every page shares. */
function mainOf(html: string): string {
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'))
}

describe('public pages', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp('sqlite')
  })
  afterAll(async () => {
    await app?.close()
  })

  it('send a visitor whose browser does not accept French to the English page', async () => {
    const page = await get(app.url, '/signatories?q=x', { 'Accept-Language': 'en-GB,en;q=0.9,de;q=0.5' })
    expect(page.status).toBe(302)
    expect(page.location).toBe('/en/signatories?q=x')
    expect(page.headers.get('vary')).toContain('Accept-Language')
  })

  it('answer HEAD as GET would, language redirect included', async () => {
    for (const headers of [{ 'Accept-Language': 'en' }, { 'Accept-Language': 'fr' }]) {
      const getAnswer = await fetch(`${app.url}/`, { redirect: 'manual', headers })
      const headAnswer = await fetch(`${app.url}/`, { method: 'HEAD', redirect: 'manual', headers })
      expect(headAnswer.status).toBe(getAnswer.status)
      expect(headAnswer.headers.get('location')).toBe(getAnswer.headers.get('location'))
    }
  })

  it('keep the French reference text for a visitor who accepts French at any weight', async () => {
    for (const language of ['en-US,en;q=0.9,fr;q=0.8', 'en-GB,en;q=0.9,fr;q=0.1', 'de,*;q=0.1', 'fr']) {
      const page = await get(app.url, '/', { 'Accept-Language': language })
      expect(page.status, language).toBe(200)
      expect(page.html).toContain('<html lang="fr">')
    }
    expect((await get(app.url, '/', { 'Accept-Language': 'en-US,en;q=0.9,fr;q=0' })).status).toBe(302)
  })

  it('never sends a visitor to a page that does not exist, whatever their language: a shared link leads to its twin', async () => {
    const { content } = app.server.ctx
    const paths = [...SITE_PAGES]
    for (const [locale, pages] of Object.entries(content.pages)) {
      for (const doc of pages.values()) paths.push(`${locale === 'fr' ? '' : `/${locale}`}/${doc.slug}`)
    }
    const languages = ['en', 'en-US,en;q=0.9', 'fr', 'fr-FR,fr;q=0.9,en;q=0.5', 'de', '*', '']
    for (const path of paths) {
      for (const language of languages) {
        const first = await get(app.url, path, language ? { 'Accept-Language': language } : {})
        const landed = first.status === 302 ? await get(app.url, first.location!) : first
        expect(
          landed.status,
          `${path} with Accept-Language "${language}" → ${first.location ?? 'stays'}`,
        ).toBe(200)
      }
    }
    expect((await get(app.url, '/oui-mais-l-iag', { 'Accept-Language': 'en' })).location).toBe(
      '/en/yes-but-genai',
    )
    expect((await get(app.url, '/confidentialite', { 'Accept-Language': 'en' })).location).toBe('/en/privacy')
    // The language switch of a content page leads to its twin too.
    expect((await get(app.url, '/oui-mais-l-iag')).html).toMatch(
      /href="\/en\/yes-but-genai"[^>]*hreflang="en"/,
    )
  })

  it('name every language version of a page by its absolute address, itself and x-default included, and describe every page', async () => {
    const alternates = (html: string) =>
      [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]])
    expect(alternates((await get(app.url, '/oui-mais-l-iag')).html)).toEqual([
      ['fr', 'http://paraphe.test/oui-mais-l-iag'],
      ['en', 'http://paraphe.test/en/yes-but-genai'],
      ['x-default', 'http://paraphe.test/oui-mais-l-iag'],
    ])
    expect(alternates((await get(app.url, '/en/signatories')).html)).toEqual([
      ['fr', 'http://paraphe.test/signatories'],
      ['en', 'http://paraphe.test/en/signatories'],
      ['x-default', 'http://paraphe.test/signatories'],
    ])
    const paths = [...SITE_PAGES]
    for (const [locale, pages] of Object.entries(app.server.ctx.content.pages)) {
      for (const doc of pages.values()) paths.push(`${locale === 'fr' ? '' : `/${locale}`}/${doc.slug}`)
    }
    for (const path of paths) {
      const description = /<meta name="description" content="([^"]*)"/.exec(
        (await get(app.url, path)).html,
      )?.[1]
      expect(description?.length, path).toBeGreaterThan(40)
    }
  })

  it('give every page headings that descend one level at a time, the content folder’s included', async () => {
    const paths = [...SITE_PAGES]
    for (const [locale, pages] of Object.entries(app.server.ctx.content.pages)) {
      for (const doc of pages.values()) paths.push(`${locale === 'fr' ? '' : `/${locale}`}/${doc.slug}`)
    }
    for (const path of paths) {
      const levels = [...(await get(app.url, path)).html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]))
      const skips = levels.flatMap((level, i) =>
        i > 0 && level > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${level}`] : [],
      )
      expect(skips, path).toEqual([])
    }
  })

  it('keep the French page for a visitor who chose it by following a link of the site', async () => {
    const page = await get(app.url, '/', { 'Accept-Language': 'en', 'Sec-Fetch-Site': 'same-origin' })
    expect(page.status).toBe(200)
    expect(page.html).toContain('<html lang="fr">')
    const explicit = await get(app.url, '/?lang=fr', { 'Accept-Language': 'en' })
    expect(explicit.status).toBe(200)
  })

  it('serve French by default and link every page to its twin in the other language', async () => {
    const page = await get(app.url, '/signatories')
    expect(page.status).toBe(200)
    expect(page.html).toContain('href="/en/signatories"')
    const en = await get(app.url, '/en/signatories')
    expect(en.html).toContain('<html lang="en">')
    expect(en.html).toMatch(/<a href="\/signatories" hreflang="fr" lang="fr">Lire en français<\/a>/)
  })

  it('render every Markdown page of the content folder at its slug, linked to its translation', async () => {
    const biblio = await get(app.url, '/bibliographie')
    expect(biblio.status).toBe(200)
    expect(biblio.html).toContain('Bibliographie indicative')
    expect(biblio.html).toContain('href="/en/bibliography"')
    const companion = await get(app.url, '/oui-mais-l-iag')
    expect(companion.status).toBe(200)
    for (const objection of ['souveraine', 'sobre', 'praticité', 'inéluctable'])
      expect(companion.html).toContain(objection)
    const en = await get(app.url, '/en/yes-but-genai')
    expect(en.status).toBe(200)
    expect(en.html).toContain('href="/oui-mais-l-iag"')
    const legal = await get(app.url, '/mentions-legales')
    expect(legal.html).toContain('Écologie Politique de Toulouse (Atécopol)')
    expect(legal.html).not.toContain('{{')
  })

  it('link the manifesto to its footnotes, bibliography and companion page', async () => {
    const home = await get(app.url, '/')
    expect(home.html).toContain('href="#fn1"')
    expect(home.html).toContain('href="/bibliographie"')
    expect(home.html).toContain('href="/oui-mais-l-iag"')
  })

  it('generate the privacy notice from the config, in both languages', async () => {
    const fr = await get(app.url, '/confidentialite')
    expect(fr.status).toBe(200)
    expect(fr.html).toContain('article 9, paragraphe 2, point a')
    expect(fr.html).toContain(`au bout de ${app.config.site.unconfirmedDays}\u00a0jours`)
    expect(fr.html).toContain(app.config.site.contactEmail)
    expect(fr.html).toContain('href="/en/privacy"')
    // What the public log keeps, never keeps, and why a withdrawal leaves it unlinkable.
    expect(fr.html).toContain('Journal public du décompte')
    expect(fr.html).toContain('Le retrait efface la signature et son sel')
    const invalidatedDays = app.config.site.moderation.invalidatedDays
    expect(fr.html).toContain(`jusqu’à sa suppression, au bout de ${invalidatedDays}\u00a0jours.`)
    const en = await get(app.url, '/en/privacy')
    expect(en.html).toContain('Article 9(2)(a)')
    expect(en.html).toContain('The log never holds a name, an address')
    expect(en.html).toContain('Withdrawing deletes the signature and its salt')
  })

  it('link the privacy notice’s contact address, the page that edits a signature and the public log, in both languages', async () => {
    for (const [path, manage, log] of [
      ['/confidentialite', '/manage', '/transparency'],
      ['/en/privacy', '/en/manage', '/en/transparency'],
    ] as const) {
      const main = mainOf((await get(app.url, path)).html)
      expect(main, path).toContain(`<a href="mailto:${app.config.site.contactEmail}">`)
      expect(main, path).toContain(`<a href="${manage}">`)
      expect(main, path).toContain(`<a href="${log}">`)
    }
  })

  it('keep the header to the title and three entries, the current one marked, the other pages in the footer', async () => {
    const page = (await get(app.url, '/signatories')).html
    const header = page.slice(page.indexOf('<header'), page.indexOf('</header>'))
    const footer = page.slice(page.indexOf('<footer'))
    expect(header).toContain('class="brand"')
    expect(header).toContain('<a href="/signatories" aria-current="page">Signataires</a>')
    expect(header.match(/aria-current/g)).toHaveLength(1)
    for (const path of ['/institutions', '/stats', '/manage']) {
      expect(header, path).not.toContain(`href="${path}"`)
      expect(footer, path).toContain(`href="${path}"`)
    }
    const stats = (await get(app.url, '/en/stats')).html
    expect(stats.slice(stats.indexOf('<footer'))).toContain('<a href="/en/stats" aria-current="page">')
  })

  it('say the title once on the home page and give the way to sign before the lead', async () => {
    for (const path of ['/', '/en/']) {
      const home = (await get(app.url, path)).html
      // The manifesto's heading is the title: the header does not repeat the site's just above it.
      expect(home.slice(home.indexOf('<header'), home.indexOf('</header>')), path).not.toContain(
        'class="brand"',
      )
      expect(home, path).toContain('<body class="wide">')
      const button = home.indexOf('<a class="button to-sign" href="#sign">')
      expect(button, path).toBeGreaterThan(home.indexOf('<h1>'))
      expect(button, path).toBeLessThan(home.indexOf('class="lead"'))
      expect(home, path).toContain('<section class="sign" id="sign"')
    }
  })

  it('show the manifesto’s title with curly apostrophes, though its front matter has straight ones', async () => {
    const home = (await get(app.url, '/')).html
    expect(readFileSync('content/fr/manifesto.md', 'utf8')).toContain(
      `title = "Face à l'IA générative, l'objection de conscience"`,
    )
    expect(home).toContain('<h1>Face à l’IA générative, l’objection de conscience</h1>')
    expect(home).toContain('<title>Face à l’IA générative, l’objection de conscience</title>')
    expect(home).not.toMatch(/<h1>[^<]*'/)
  })

  it('lead from the thank-you page to sharing, the kit and editing one’s signature, each a link', async () => {
    const main = mainOf((await get(app.url, '/confirmed?listed=1')).html)
    expect(main).toContain('<a class="button" href="/kit">')
    expect(main).toMatch(/<a href="http[^"]+">http/)
    expect(main).toContain('<a href="/manage">Modifier ma signature</a>')
    expect(mainOf((await get(app.url, '/en/confirmed?listed=1')).html)).toContain(
      '<a href="/en/manage">Edit my signature</a>',
    )
  })

  it('answer an unknown page with a localised 404', async () => {
    const fr = await get(app.url, '/nulle-part')
    expect(fr.status).toBe(404)
    expect(fr.html).toContain('Page introuvable')
    const en = await get(app.url, '/en/nowhere/at/all')
    expect(en.status).toBe(404)
    expect(en.html).toContain('Page not found')
    expect(en.html).toContain('<html lang="en">')
  })

  it('answer an invalid confirmation link with a page that says what to do', async () => {
    const page = await get(app.url, `/confirm/${'A'.repeat(43)}`)
    expect(page.status).toBe(404)
    expect(page.html).toContain('Lien invalide ou expiré')
    expect(page.html).toContain('href="/sign"')
  })

  it('refuse a body larger than a form needs, with a localised page', async () => {
    const page = await postForm(app.url, '/sign', validSignature({ comment: 'x'.repeat(100_000) }))
    expect(page.status).toBe(413)
    expect(page.html).toContain('Requête invalide')
  })

  it('ignore a submission that fills the honeypot, answering as for anyone', async () => {
    const page = await postForm(app.url, '/sign', validSignature({ website: 'http://spam.example' }))
    expect(page.status).toBe(303)
    expect(page.location).toBe('/sign/sent')
    const rows = await app.server.ctx.db.selectFrom('signatures').selectAll().execute()
    expect(rows).toHaveLength(0)
  })

  it('set no cookie and carry strict security headers on every answer', async () => {
    for (const path of [
      '/',
      '/en/',
      '/sign',
      '/signatories',
      '/manage',
      '/bibliographie',
      '/confidentialite',
      '/api/v1/stats',
      '/nowhere',
    ]) {
      const res = await fetch(app.url + path, { redirect: 'manual' })
      expect(res.headers.get('set-cookie'), path).toBeNull()
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("default-src 'self'")
      expect(csp, path).toContain("frame-ancestors 'none'")
      expect(csp, path).not.toContain('unsafe-inline')
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer')
      expect(res.headers.get('permissions-policy'), path).toContain('camera=()')
    }
  })

  it('serve the stylesheet under a content hash, cacheable for a year, compressed when asked', async () => {
    const home = await get(app.url, '/')
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home.html)![1]!
    expect(href).toMatch(/^\/assets\/style\.[A-Za-z0-9_-]{12}\.css$/)
    const res = await fetch(app.url + href, { headers: { 'Accept-Encoding': 'br' } })
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('content-type')).toContain('text/css')
  })

  it('allow the stats API to be read from any origin', async () => {
    const res = await fetch(`${app.url}/api/v1/stats`, { headers: { Origin: 'https://example.org' } })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(await res.json()).toMatchObject({ confirmed: 0, public: 0, updated_at: null })
  })
})

describe('when signing is closed', () => {
  let app: TestApp
  beforeAll(async () => {
    // The same content, with a closing date in the past.
    const content = mkdtempSync(join(tmpdir(), 'paraphe-content-'))
    cpSync('content', content, { recursive: true })
    const toml = readFileSync(join(content, 'site.toml'), 'utf8').replace(
      'signing_open = true',
      'signing_open = true\ncloses_at = "2020-01-01T00:00:00Z"',
    )
    writeFileSync(join(content, 'site.toml'), toml)
    app = await startTestApp('sqlite', { CONTENT_DIR: content })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('says so, shows no form and refuses posts', async () => {
    const home = await get(app.url, '/')
    expect(home.html).toContain('La signature de ce manifeste est close')
    expect(home.html).not.toContain('action="/sign"')
    const page = await postForm(app.url, '/sign', validSignature())
    expect(page.status).toBe(403)
    const rows = await app.server.ctx.db.selectFrom('signatures').selectAll().execute()
    expect(rows).toHaveLength(0)
  })
})
