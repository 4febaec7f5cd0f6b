// The signatory kit through HTTP: every logo, QR code, slide, counter and preview is
// a valid file of the right type and size; snippets carry absolute links; anything
// dynamic is escaped; renders are cached.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../src/config.js'
import { markSvg } from '../src/kit/artwork.js'
import { adjustCounters } from '../src/domain/counters.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get, postForm } from './helpers/http.js'
import { allElements, parseXml, pngSize, type XmlElement } from './helpers/xml.js'

const BASE = 'http://paraphe.test'
const VARIANTS = ['colour', 'dark', 'mono', 'mono-dark']
const WIDTHS = [64, 128, 256, 512, 1024]
/** The widths the shipped badges come in: from 256 px, where their smaller line is set at 12 px and more. */
const BADGE_WIDTHS = [256, 512, 1024]
/** The marks the content folder ships, in its order. */
const MARKS = loadSiteConfig('content').kit.marks.map((m) => m.id)

async function fetchFile(app: TestApp, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(app.url + path, { headers })
  return { res, body: Buffer.from(await res.arrayBuffer()) }
}

/** Parses an SVG answer and checks what every SVG we serve must be: self-contained and inert. */
function checkSvg(path: string, body: Buffer): XmlElement {
  const root = parseXml(body.toString('utf8'))
  expect(root.name, path).toBe('svg')
  expect(root.attrs.viewBox, path).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/)
  const elements = allElements(root)
  const names = new Set(elements.map((e) => e.name))
  expect(names.has('script'), path).toBe(false)
  expect(names.has('foreignObject'), path).toBe(false)
  // Text is drawn as paths in the shipped font: nothing depends on the viewer's fonts.
  expect(names.has('text'), path).toBe(false)
  for (const e of elements) {
    for (const [name, value] of Object.entries(e.attrs)) {
      expect(name.startsWith('on'), `${path} ${name}`).toBe(false)
      if (name === 'href' || name === 'xlink:href')
        expect(value, path).toMatch(/^(#|data:image\/png;base64,)/)
    }
  }
  return root
}

const decodeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

function snippets(html: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of html.matchAll(/<textarea [^>]*id="(snippet-[a-z-]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    out[m[1]!] = decodeHtml(m[2]!)
  return out
}

describe('signatory kit', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp('sqlite')
  })
  afterAll(async () => {
    await app?.close()
  })

  it('ship two marks of its own, each named and described in both languages', () => {
    expect(MARKS).toEqual(['main-levee', 'etincelle-brisee'])
    for (const mark of app.config.site.kit.marks)
      for (const locale of ['fr', 'en']) {
        expect(mark.name[locale], `${mark.id} ${locale}`).toMatch(/\S/)
        expect(mark.alt[locale]!.length, `${mark.id} ${locale}`).toBeGreaterThan(20)
      }
  })

  it('serve every mark and its badge in every variant as valid SVG and as PNG at each published width', async () => {
    const bases = MARKS.flatMap((id) => [
      ...VARIANTS.map((v) => `mark-${id}-${v}`),
      ...['fr', 'en'].flatMap((l) => VARIANTS.map((v) => `badge-${id}-${l}-${v}`)),
    ])
    for (const base of bases) {
      const svg = await fetchFile(app, `/kit/${base}.svg`)
      expect(svg.res.status, base).toBe(200)
      expect(svg.res.headers.get('content-type')).toBe('image/svg+xml')
      const root = checkSvg(base, svg.body)
      const [, , w, h] = root.attrs.viewBox!.split(' ').map(Number)
      expect(
        root.children.some((c) => c.name === 'title'),
        base,
      ).toBe(true)
      // The mark alone also comes at 16 and 32 px, from its small drawing; the badge only
      // where its words can be read.
      for (const width of base.startsWith('mark-') ? [16, 32, ...WIDTHS] : BADGE_WIDTHS) {
        const png = await fetchFile(app, `/kit/${base}-${width}.png`)
        expect(png.res.status, `${base}-${width}`).toBe(200)
        expect(png.res.headers.get('content-type')).toBe('image/png')
        const size = pngSize(png.body)
        expect(size.width).toBe(width)
        expect(Math.abs(size.height - (width * h!) / w!)).toBeLessThanOrEqual(1)
      }
    }
  })

  it('give the badge its words in each language, in the colours of the content folder', async () => {
    const fr = parseXml((await fetchFile(app, '/kit/badge-main-levee-fr-colour.svg')).body.toString())
    expect(fr.attrs['aria-label']).toBe('Objection de conscience · face à l’IA générative')
    const en = parseXml((await fetchFile(app, '/kit/badge-etincelle-brisee-en-dark.svg')).body.toString())
    expect(en.children.find((c) => c.name === 'title')!.text).toBe(
      'Conscientious objection · to generative AI',
    )
    const fills = new Set(allElements(en).map((e) => e.attrs.fill ?? e.attrs.stroke))
    for (const colour of Object.values(app.config.site.kit.palettes.dark))
      expect(fills.has(colour)).toBe(true)
  })

  it('serve the QR code to the manifesto and, for each mark, the 16:9 slide with its invitation and count, in both languages', async () => {
    for (const [locale, mark] of [
      ['fr', 'main-levee'],
      ['en', 'main-levee'],
      ['fr', 'etincelle-brisee'],
    ]) {
      const qr = await fetchFile(app, `/kit/qr-${locale}.svg`)
      const root = checkSvg('qr', qr.body)
      expect(root.children.find((c) => c.name === 'title')!.text).toBe(
        locale === 'fr' ? `${BASE}/` : `${BASE}/en/`,
      )
      expect(pngSize((await fetchFile(app, `/kit/qr-${locale}.png`)).body)).toEqual({
        width: 1024,
        height: 1024,
      })
      const slide = await fetchFile(app, `/kit/banner-${mark}-${locale}.svg`)
      // The slide shows the count, so it stays in caches a minute, like the social preview.
      expect(slide.res.headers.get('cache-control')).toBe('public, max-age=60')
      // The title comes from the content folder; what the slide adds to it is checked here.
      expect(checkSvg('banner', slide.body).attrs['aria-label']).toMatch(
        locale === 'fr'
          ? ` — Lire le texte et le signer\u00a0: ${BASE}/ — 0\u00a0signature vérifiée`
          : ` — Read the text and sign it: ${BASE}/en/ — 0 verified signatures`,
      )
      expect(pngSize((await fetchFile(app, `/kit/banner-${mark}-${locale}.png`)).body)).toEqual({
        width: 1920,
        height: 1080,
      })
    }
  })

  it('answer names outside the kit with a 404', async () => {
    for (const path of [
      '/kit/mark-main-levee-purple.svg',
      '/kit/mark-nobody-colour.svg',
      '/kit/mark-main-levee-colour-100.png',
      '/kit/badge-main-levee-de-colour.svg',
      '/kit/badge-main-levee-fr-colour-16.png',
      '/kit/mark-main-levee-colour-64.svg',
      '/kit/banner-nobody-fr.png',
      '/kit/previews-de.svg',
      '/kit?mark=nobody',
      '/kit/qr-fr-64.png',
      '/de/badge.svg',
      '/xx/og.png',
    ]) {
      expect((await fetch(app.url + path)).status, path).toBe(404)
    }
  })

  it('send a badge asked at a width too small to read, as the kit once offered, to its smallest legible width', async () => {
    for (const [asked, legible] of [
      ['/kit/badge-main-levee-fr-colour-64.png', '/kit/badge-main-levee-fr-colour-256.png'],
      [
        '/kit/badge-etincelle-brisee-en-mono-dark-128.png',
        '/kit/badge-etincelle-brisee-en-mono-dark-256.png',
      ],
    ]) {
      const res = await fetch(app.url + asked, { redirect: 'manual' })
      expect(res.status, asked).toBe(301)
      expect(res.headers.get('location'), asked).toBe(legible)
    }
  })

  it('lead the language switch of a mark’s page to the same mark’s page in the other language', async () => {
    for (const [path, other, otherLocale] of [
      ['/kit?mark=etincelle-brisee', '/en/kit?mark=etincelle-brisee', 'en'],
      ['/en/kit?mark=etincelle-brisee', '/kit?mark=etincelle-brisee', 'fr'],
      ['/kit', '/en/kit', 'en'],
    ] as const) {
      const page = await get(app.url, path)
      const switchLink = /<a href="([^"]+)" hreflang="([a-z]{2})" lang="[a-z]{2}">/.exec(page.html)
      expect(switchLink?.[1], path).toBe(other.replace(/&/g, '&amp;'))
      expect(switchLink?.[2], path).toBe(otherLocale)
      expect(page.html, path).toContain(
        `<link rel="alternate" hreflang="${otherLocale}" href="${BASE}${other}"/>`,
      )
    }
  })

  it("send the addresses of the kit before it had several marks, pasted in signatures long ago, to the first mark's files", async () => {
    const first = MARKS[0]!
    for (const [former, today] of [
      ['/kit/mark-colour.svg', `/kit/mark-${first}-colour.svg`],
      ['/kit/mark-dark-256.png', `/kit/mark-${first}-dark-256.png`],
      ['/kit/badge-fr-colour-256.png', `/kit/badge-${first}-fr-colour-256.png`],
      ['/kit/badge-en-mono.svg', `/kit/badge-${first}-en-mono.svg`],
      ['/kit/banner-fr.png', `/kit/banner-${first}-fr.png`],
    ]) {
      const res = await fetch(app.url + former!, { redirect: 'manual' })
      expect(res.status, former).toBe(301)
      expect(new URL(res.headers.get('location')!, app.url).pathname, former).toBe(today)
      expect((await fetch(app.url + today!)).status, today).toBe(200)
    }
    // Names the kit never had stay unknown.
    for (const path of ['/kit/mark-fr-colour.svg', '/kit/badge-colour.svg', '/kit/banner-fr-dark.png'])
      expect((await fetch(app.url + path, { redirect: 'manual' })).status, path).toBe(404)
  })

  it('serve the files compressed when asked, with a validator, embeddable from other sites', async () => {
    const first = await fetchFile(app, '/kit/badge-main-levee-fr-colour.svg', { 'Accept-Encoding': 'br' })
    expect(first.res.headers.get('content-encoding')).toBe('br')
    expect(first.res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    const etag = first.res.headers.get('etag')!
    const again = await fetch(`${app.url}/kit/badge-main-levee-fr-colour.svg`, {
      headers: { 'If-None-Match': etag },
    })
    expect(again.status).toBe(304)
  })

  it('keep the kit files a week in caches, then revalidate them by their validator', async () => {
    for (const path of [
      '/kit/mark-main-levee-colour.svg',
      '/kit/badge-etincelle-brisee-fr-colour-512.png',
      '/kit/qr-fr.svg',
      '/kit/previews-fr.svg',
    ]) {
      const { res } = await fetchFile(app, path)
      const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get('cache-control') ?? '')?.[1])
      expect(maxAge, path).toBeGreaterThanOrEqual(7 * 24 * 3600)
      const again = await fetch(app.url + path, { headers: { 'If-None-Match': res.headers.get('etag')! } })
      expect(again.status, path).toBe(304)
    }
  })

  it('give every image of /kit the size it is shown at, so that nothing moves as they load', async () => {
    await app.server.ctx.transact((tx) => adjustCounters(tx, { confirmed: 1234 }, new Date()))
    try {
      for (const [path, counter] of [
        ['/kit', '/badge.svg'],
        ['/en/kit', '/en/badge.svg'],
      ]) {
        const html = (await get(app.url, path!)).html
        const images = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0])
        for (const img of images) expect(img, path).toMatch(/ width="\d+" height="\d+"/)
        // The counter's width follows its count: the page gives the one it has now.
        const svg = checkSvg(counter!, (await fetchFile(app, counter!)).body)
        const shown = images.find((i) => i.includes(`src="${counter}"`))!
        const [, w, h] = / width="(\d+)" height="(\d+)"/.exec(shown)!
        expect(Number(h)).toBe(40)
        expect(Math.abs(Number(w) - (40 * Number(svg.attrs.width)) / Number(svg.attrs.height))).toBeLessThan(
          1,
        )
        // The e-mail preview is 256 px wide: the 256 px file, the 512 px one for dense screens
        // (and as its src, for the signature it is copied into).
        const locale = path === '/kit' ? 'fr' : 'en'
        const preview = images.find((i) => i.includes(`badge-main-levee-${locale}-colour-256.png`))!
        expect(preview).toContain(
          `srcset="/kit/badge-main-levee-${locale}-colour-256.png 1x, /kit/badge-main-levee-${locale}-colour-512.png 2x"`,
        )
        expect(preview).toContain('width="256"')
      }
    } finally {
      await app.server.ctx.transact((tx) => adjustCounters(tx, { confirmed: -1234 }, new Date()))
    }
  })

  it('show the live count on /badge.svg, localised, with an ETag and a short cache', async () => {
    const zero = await fetchFile(app, '/badge.svg')
    expect(zero.res.status).toBe(200)
    expect(zero.res.headers.get('content-type')).toBe('image/svg+xml')
    expect(zero.res.headers.get('cache-control')).toMatch(/max-age=\d{1,3}$/)
    const etag = zero.res.headers.get('etag')!
    expect(checkSvg('badge', zero.body).attrs['aria-label']).toBe('0\u00a0signature vérifiée')
    expect((await fetch(`${app.url}/badge.svg`, { headers: { 'If-None-Match': etag } })).status).toBe(304)

    await app.server.ctx.transact((tx) => adjustCounters(tx, { confirmed: 1234 }, new Date()))
    const fr = await fetchFile(app, '/badge.svg')
    expect(fr.res.headers.get('etag')).not.toBe(etag)
    expect(checkSvg('badge', fr.body).attrs['aria-label']).toBe('1\u202f234\u00a0signatures vérifiées')
    const en = await fetchFile(app, '/en/badge.svg')
    expect(checkSvg('badge', en.body).attrs['aria-label']).toBe('1,234 verified signatures')
    await app.server.ctx.transact((tx) => adjustCounters(tx, { confirmed: -1234 }, new Date()))
  })

  it('draw the social preview at 1200×630, at most once a minute', async () => {
    const first = await fetchFile(app, '/og.png')
    expect(first.res.headers.get('content-type')).toBe('image/png')
    expect(pngSize(first.body)).toEqual({ width: 1200, height: 630 })
    await app.server.ctx.transact((tx) => adjustCounters(tx, { confirmed: 5 }, new Date()))
    const soon = await fetchFile(app, '/og.png')
    expect(soon.res.headers.get('etag')).toBe(first.res.headers.get('etag'))
    app.clock.advance(61_000)
    const later = await fetchFile(app, '/og.png')
    expect(later.res.headers.get('etag')).not.toBe(first.res.headers.get('etag'))
    expect(pngSize((await fetchFile(app, '/en/og.png')).body)).toEqual({ width: 1200, height: 630 })
    await app.server.ctx.transact((tx) => adjustCounters(tx, { confirmed: -5 }, new Date()))
  })

  it('carry Open Graph tags on every public page, pointing at the preview of its language', async () => {
    for (const [path, image] of [
      ['/', '/og.png'],
      ['/signatories', '/og.png'],
      ['/kit', '/og.png'],
      ['/bibliographie', '/og.png'],
      ['/en/', '/en/og.png'],
      ['/en/kit', '/en/og.png'],
    ]) {
      const page = await get(app.url, path!)
      expect(page.html, path).toContain(`<meta property="og:image" content="${BASE}${image}"/>`)
      expect(page.html, path).toMatch(/<meta property="og:title" content="[^"]+"\/>/)
      expect(page.html, path).toContain('<meta name="twitter:card" content="summary_large_image"/>')
    }
  })

  it('give each mark its page of the kit, with every variant, size, snippet and slide of that mark, and no script or inline style', async () => {
    for (const [path, locale, mark] of [
      ['/kit', 'fr', 'main-levee'],
      ['/en/kit', 'en', 'main-levee'],
      ['/kit?mark=etincelle-brisee', 'fr', 'etincelle-brisee'],
      ['/en/kit?mark=etincelle-brisee', 'en', 'etincelle-brisee'],
    ] as const) {
      const page = await get(app.url, path)
      expect(page.status, path).toBe(200)
      expect(page.html).not.toMatch(/style="/)
      // Snippets are copied from their text areas: the page needs no script.
      expect(page.html).not.toMatch(/<script/)
      for (const v of VARIANTS) {
        expect(page.html, path).toContain(`href="/kit/mark-${mark}-${v}.svg"`)
        for (const w of [16, 32, ...WIDTHS])
          expect(page.html, path).toContain(`href="/kit/mark-${mark}-${v}-${w}.png"`)
        expect(page.html, path).toContain(`href="/kit/badge-${mark}-${locale}-${v}.svg"`)
        for (const w of BADGE_WIDTHS)
          expect(page.html, path).toContain(`href="/kit/badge-${mark}-${locale}-${v}-${w}.png"`)
        // No size is offered at which the badge's words are a smudge.
        for (const w of WIDTHS.filter((w) => !BADGE_WIDTHS.includes(w)))
          expect(page.html, path).not.toContain(`href="/kit/badge-${mark}-${locale}-${v}-${w}.png"`)
      }
      for (const href of [
        `/kit/qr-${locale}.svg`,
        `/kit/qr-${locale}.png`,
        `/kit/banner-${mark}-${locale}.png`,
      ])
        expect(page.html, path).toContain(`href="${href}"`)
      // Every preview comes from the one sheet of the locale.
      const previews = [...page.html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!)
      expect(
        previews.filter((src) => src.startsWith(`/kit/previews-${locale}.svg#`)).length,
      ).toBeGreaterThanOrEqual(9)
      expect(new Set(previews.map((src) => src.replace(/#.*/, ''))).size, path).toBeLessThanOrEqual(3)
      expect(page.html).toContain(locale === 'fr' ? 'src="/badge.svg"' : 'src="/en/badge.svg"')
      const s = snippets(page.html)
      expect(Object.keys(s).sort()).toEqual(
        [
          'snippet-beamer',
          'snippet-counter',
          'snippet-counter-md',
          'snippet-email',
          'snippet-form',
          'snippet-latex',
          'snippet-link',
          'snippet-markdown',
          'snippet-text',
          'snippet-web',
        ].sort(),
      )
      // The mark's own badge in the snippets that show it.
      for (const id of [
        'snippet-email',
        'snippet-web',
        'snippet-markdown',
        'snippet-latex',
        'snippet-beamer',
      ])
        expect(s[id], `${path} ${id}`).toContain(`${BASE}/kit/badge-${mark}-${locale}-colour`)
      expect(s['snippet-latex']).toContain('\\usepackage[hidelinks]{hyperref}')
      // The other marks, one link each, the one shown marked as current.
      expect(page.html).toMatch(new RegExp(`<a href="[^"]*(?:\\?mark=${mark})?#logos" aria-current="page">`))
      expect([...page.html.matchAll(/aria-current="page"/g)].length).toBe(2)
    }
  })

  it('make the first mark the site’s icon, in colour, in its drawing for small sizes', async () => {
    const first = app.config.site.kit.marks[0]!
    const icon = (await fetchFile(app, '/favicon.ico')).body.toString('utf8')
    expect(icon).toBe(markSvg(app.config.site.kit, first, 'colour', true))
    const home = (await get(app.url, '/')).html
    const href = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml"\/>/.exec(home)![1]!
    expect((await fetchFile(app, href)).body.toString('utf8')).toBe(icon)
  })

  it('say on /kit where the collective’s own logos are, and that it can put its own here', async () => {
    const fr = (await get(app.url, '/kit')).html
    expect(fr).toContain(
      'Les logos d’origine du collectif se trouvent sur le site de l’Atelier d’Écologie Politique',
    )
    expect(fr).toContain('content/kit/')
    const en = (await get(app.url, '/en/kit')).html
    expect(en).toContain('The collective’s original logos are on the website of')
  })

  it('build every snippet with absolute links from BASE_URL', async () => {
    const s = snippets((await get(app.url, '/kit')).html)
    for (const [id, text] of Object.entries(s)) {
      for (const m of text.matchAll(/(?:href|src|action)="([^"]*)"/g))
        expect(m[1], id).toMatch(new RegExp(`^${BASE}/`))
      for (const m of text.matchAll(/\]\(([^)]*)\)/g)) expect(m[1], id).toMatch(new RegExp(`^${BASE}/`))
      for (const m of text.matchAll(/\\href\{([^}]*)\}/g)) expect(m[1], id).toBe(`${BASE}/`)
    }
    expect(s['snippet-email']).toContain(
      `<img src="${BASE}/kit/badge-main-levee-fr-colour-512.png" width="256" height="`,
    )
    expect(s['snippet-email']).toMatch(/alt="Objection de conscience · face à l’IA générative" style="[^"]+"/)
    expect(s['snippet-email']).toContain(
      `<a href="${BASE}/" style="color:#a4161a;">Face à l’IA générative, l’objection de conscience</a>`,
    )
    expect(s['snippet-text']).toContain(`${BASE}/`)
    expect(s['snippet-counter']).toContain(`src="${BASE}/badge.svg"`)
    expect(s['snippet-beamer']).toContain('\\setbeamertemplate{footline}')
    expect(s['snippet-latex']).toContain('\\includegraphics')
    // hyperref's default draws a cyan box around a linked image.
    expect(s['snippet-latex']).toContain('\\usepackage[hidelinks]{hyperref}')
    expect(s['snippet-beamer']).toContain('\\usepackage[hidelinks]{hyperref}')
    const en = snippets((await get(app.url, '/en/kit')).html)
    expect(en['snippet-form']).toContain(`action="${BASE}/en/sign"`)
  })

  it('give an embeddable form whose fields follow the form contract of /sign', async () => {
    const form = snippets((await get(app.url, '/kit')).html)['snippet-form']!
    const names = new Set([...form.matchAll(/name="([a-z_]+)"/g)].map((m) => m[1]))
    expect([...names].sort()).toEqual([
      'category',
      'consent',
      'discipline',
      'email',
      'first_name',
      'institution',
      'last_name',
      'public',
      'website',
    ])
    for (const key of app.config.site.categories.map((c) => c.key))
      expect(form).toContain(`<option value="${key}">`)
    // Posted as another site would post it (no Origin of ours): accepted and mailed.
    const fields = {
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@univ-tlse3.fr',
      category: 'researcher',
      institution: 'IRIT',
      discipline: '',
      public: '1',
      consent: '1',
      website: '',
    }
    const res = await postForm(app.url, '/sign', fields, { Origin: 'https://lab.example.org' })
    expect(res.status).toBe(303)
    expect(res.location).toBe('/sign/sent')
  })

  it('share through plain links, and on Mastodon through the instance the visitor types', async () => {
    const page = (await get(app.url, '/kit')).html
    expect(page).toContain('href="https://bsky.app/intent/compose?text=')
    expect(page).toContain(
      `href="https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(`${BASE}/`)}"`,
    )
    expect(page).toContain('href="mailto:?subject=')
    const ok = await get(
      app.url,
      `/kit/mastodon?instance=${encodeURIComponent(' @camille@Mastodon.Social ')}`,
    )
    expect(ok.status).toBe(200)
    expect(ok.html).toContain(`href="https://mastodon.social/share?text=`)
    expect(ok.html).toContain(encodeURIComponent(`${BASE}/`))
    for (const bad of ['javascript:alert(1)', 'evil example"><script>', 'localhost']) {
      const res = await get(app.url, `/en/kit/mastodon?instance=${encodeURIComponent(bad)}`)
      expect(res.status, bad).toBe(422)
      expect(res.html).not.toContain('<script>')
      expect(res.html).toContain('aria-invalid="true"')
    }
  })

  it('lead from the confirmation page straight to the kit, and print the manifesto with its QR code', async () => {
    expect((await get(app.url, '/confirmed?listed=1')).html).toContain('<a href="/kit">')
    expect((await get(app.url, '/en/confirmed?listed=1')).html).toContain('<a href="/en/kit">')
    const home = await get(app.url, '/')
    expect(home.html).toMatch(/<figure class="poster-qr"><img src="\/kit\/qr-fr\.svg"/)
    expect(home.html).toContain('<a href="/kit">')
  })
})

describe('signatory kit with hostile words in the content folder', () => {
  let app: TestApp
  const evil = `<script>alert("x")</script> & 'co'`
  beforeAll(async () => {
    const content = mkdtempSync(join(tmpdir(), 'paraphe-content-'))
    cpSync('content', content, { recursive: true })
    const toml = readFileSync(join(content, 'site.toml'), 'utf8')
      .replace(/^title = .*$/m, `title = ${JSON.stringify(evil)}`)
      .replace(/^badge = .*$/m, `badge = { fr = ${JSON.stringify(`${evil} · <b>`)}, en = "x" }`)
      .replace(
        'name = { fr = "Main levée", en = "Raised hand" }',
        `name = { fr = ${JSON.stringify(evil)}, en = "x" }`,
      )
      .replace(/^alt = \{ fr = "Une main levée.*$/m, `alt = { fr = ${JSON.stringify(evil)}, en = "x" }`)
    writeFileSync(join(content, 'site.toml'), toml)
    app = await startTestApp('sqlite', { CONTENT_DIR: content })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('escape them in every SVG, which stays well-formed', async () => {
    for (const path of [
      '/kit/badge-main-levee-fr-colour.svg',
      '/kit/mark-main-levee-colour.svg',
      '/kit/banner-main-levee-fr.svg',
      '/kit/previews-fr.svg',
      '/badge.svg',
    ]) {
      const { body } = await fetchFile(app, path)
      const text = body.toString()
      expect(text, path).not.toContain('<script')
      checkSvg(path, body)
    }
    const badge = parseXml((await fetchFile(app, '/kit/badge-main-levee-fr-colour.svg')).body.toString())
    // Typeset like every string the site shows: the closing quote after a letter curls.
    expect(badge.attrs['aria-label']).toBe(`<script>alert("x")</script> & 'co’ · <b>`)
    const mark = parseXml((await fetchFile(app, '/kit/mark-main-levee-colour.svg')).body.toString())
    expect(mark.attrs['aria-label']).toBe(`<script>alert("x")</script> & 'co’`)
    expect(pngSize((await fetchFile(app, '/og.png')).body)).toEqual({ width: 1200, height: 630 })
    expect(pngSize((await fetchFile(app, '/kit/badge-main-levee-fr-mono-1024.png')).body).width).toBe(1024)
  })

  it('escape them in the page and in each snippet', async () => {
    const page = await get(app.url, '/kit')
    expect(page.html).not.toContain('<script>alert')
    expect(page.html).toContain('&lt;script&gt;alert')
    const s = snippets(page.html)
    expect(s['snippet-email']).not.toContain('<script>')
    expect(s['snippet-email']).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co’')
    expect(s['snippet-markdown']).toMatch(/^\[!\[/)
  })
})

describe('signatory kit of a collective that gives its site', () => {
  let app: TestApp
  beforeAll(async () => {
    const content = mkdtempSync(join(tmpdir(), 'paraphe-content-'))
    cpSync('content', content, { recursive: true })
    const toml = readFileSync(join(content, 'site.toml'), 'utf8').replace(
      /^organisation_url = .*$/m,
      'organisation_url = "https://atecopol.example.org/"',
    )
    writeFileSync(join(content, 'site.toml'), toml)
    app = await startTestApp('sqlite', { CONTENT_DIR: content })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('links /kit to the collective’s site, where its own logos are', async () => {
    const fr = (await get(app.url, '/kit')).html
    expect(fr).toContain(
      'Les logos d’origine du collectif se trouvent sur <a href="https://atecopol.example.org/">le site de l’Atelier d’Écologie Politique de Toulouse (Atécopol)</a>.',
    )
    const en = (await get(app.url, '/en/kit')).html
    expect(en).toContain(
      'The collective’s original logos are on <a href="https://atecopol.example.org/">the website of Atelier d’Écologie Politique de Toulouse (Atécopol)</a>.',
    )
  })
})

describe('signatory kit settings', () => {
  /** A copy of the content folder, with its site.toml changed by `edit`, and `remove` deleted. */
  function contentWith(edit: (toml: string) => string = (t) => t, remove: string[] = []) {
    const content = mkdtempSync(join(tmpdir(), 'paraphe-content-'))
    cpSync('content', content, { recursive: true })
    for (const file of remove) rmSync(join(content, file), { recursive: true })
    writeFileSync(join(content, 'site.toml'), edit(readFileSync(join(content, 'site.toml'), 'utf8')))
    return content
  }
  const cleanUp: string[] = []
  afterAll(() => {
    for (const dir of cleanUp) rmSync(dir, { recursive: true, force: true })
  })
  const load = (content: string) => {
    cleanUp.push(content)
    return () => loadSiteConfig(content)
  }

  it('stop start-up with one line naming the mark and the file when a drawing is missing', () => {
    expect(load(contentWith(undefined, ['kit/etincelle-brisee.svg']))).toThrow(
      /site\.toml kit\.marks\.1\.file: .*kit\/etincelle-brisee\.svg cannot be read$/,
    )
    expect(load(contentWith(undefined, ['kit/main-levee-small.svg']))).toThrow(
      /site\.toml kit\.marks\.0\.small: .*kit\/main-levee-small\.svg cannot be read$/,
    )
  })

  it('refuse a drawing that is not SVG, or that takes none of its colours from the palettes', () => {
    const notSvg = contentWith()
    writeFileSync(join(notSvg, 'kit/main-levee.svg'), 'GIF89a')
    expect(load(notSvg)).toThrow(/kit\.marks\.0\.file: .*main-levee\.svg is not an SVG file/)
    const fixed = contentWith()
    writeFileSync(
      join(fixed, 'kit/main-levee.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#a4161a"/></svg>',
    )
    expect(load(fixed)).toThrow(
      /kit\.marks\.0\.file: .*main-levee\.svg uses neither \{\{accent\}\} nor \{\{ink\}\}/,
    )
  })

  it('ask every mark for a name and an alt text in every language, and for an id of its own', () => {
    expect(
      load(
        contentWith((t) =>
          t.replace(
            'name = { fr = "Étincelle brisée", en = "Broken spark" }',
            'name = { fr = "Étincelle brisée" }',
          ),
        ),
      ),
    ).toThrow(/kit\.marks\.1\.name: "etincelle-brisee" has no name for "en"/)
    expect(
      load(
        contentWith((t) => t.replace(/^alt = \{ fr = .*, en = "A raised .*$/m, 'alt = { en = "A hand" }')),
      ),
    ).toThrow(/kit\.marks\.0\.alt: "main-levee" has no alt for "fr"/)
    expect(load(contentWith((t) => t.replace('id = "etincelle-brisee"', 'id = "main-levee"')))).toThrow(
      /kit\.marks\.1\.id: "main-levee" names two marks/,
    )
    expect(load(contentWith((t) => t.replace('id = "etincelle-brisee"', 'id = "Étincelle"')))).toThrow(
      /kit\.marks\.1\.id: lower-case letters/,
    )
  })

  it('say what replaced the single mark setting of earlier versions', () => {
    expect(load(contentWith((t) => t.replace('[kit]\n', '[kit]\nmark = "kit/mark.svg"\n')))).toThrow(
      /kit\.mark: replaced by \[\[kit\.marks\]\]/,
    )
  })

  it('take any number of marks, and draw one without a small version at every size', () => {
    const content = contentWith((t) =>
      t
        .replace(/^small = "kit\/etincelle-brisee-small.svg"\n/m, '')
        .concat(
          '\n[[kit.marks]]\nid = "third"\nfile = "kit/main-levee-small.svg"\nname = { fr = "Trois", en = "Three" }\nalt = { fr = "Une main", en = "A hand" }\n',
        ),
    )
    const { kit } = load(content)()
    expect(kit.marks.map((m) => m.id)).toEqual(['main-levee', 'etincelle-brisee', 'third'])
    expect(kit.marks[1]!.smallSvg).toBe(kit.marks[1]!.svg)
    // Names and alt texts are typeset like every other string the site shows.
    expect(kit.marks[0]!.alt.fr).toBe(
      'Une main levée, paume ouverte, dans un disque\u00a0: le geste de l’objection',
    )
  })

  it("use Paraphe's own mark for a content folder that names none", () => {
    const { kit } = load(
      contentWith((t) => t.replace(/\[\[kit\.marks\]\][\s\S]*?(?=\n# When storage fails)/, ''), ['kit']),
    )()
    expect(kit.marks).toHaveLength(1)
    expect(kit.marks[0]!.svg).toContain('{{accent}}')
    // Its small drawing comes with it, not the full one reused.
    expect(kit.marks[0]!.smallSvg).toContain('{{accent}}')
    expect(kit.marks[0]!.smallSvg).not.toBe(kit.marks[0]!.svg)
    expect(kit.marks[0]!.name.fr).toBe('Objection de conscience · face à l’IA générative')
  })

  it('refuse a palette colour that is not #rrggbb, so nothing else can reach an SVG attribute', () => {
    expect(
      load(contentWith((t) => t.replace('accent = "#a4161a"', 'accent = "red\\" onload=\\"x"'))),
    ).toThrow(/kit\.colour\.accent/)
  })
})
