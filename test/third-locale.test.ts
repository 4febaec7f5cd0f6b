// A collective adds a language without code: a content folder with es/ (manifesto,
// pages, messages.toml) and "es" among its locales (test/fixtures/content-third-locale).
// Every page of the browser suite's list is served in it, with every string from its own
// catalogue; visitors are sent to it by their browser's language, French first.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../src/config.js'
import { catalogueOf } from '../src/i18n/index.js'
import { seedSite, type SiteFixtures } from './e2e/fixtures.js'
import { PAGES_TO_CHECK } from './e2e/pages-to-check.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWithThirdLocale } from './helpers/content.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { lastMailTo } from './helpers/mail-files.js'

/** The language versions a page names, as [hreflang, href]. */
const alternates = (html: string) =>
  [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!])

const decoded = (html: string) =>
  html
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

// Strings a page in any language rightly shows in another: the way to the other languages
// (their names, their pages' addresses).
const EVERYWHERE = new Set(['langName', 'nav.otherLanguage', 'privacy.slug', 'news.slug'])

/** The fixed strings of a catalogue long enough to be told apart from common words. */
function fixedStrings(locale: string): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = []
  for (const [key, c] of catalogueOf(locale).compiled)
    if (!Array.isArray(c) && c.text && c.text.length >= 12 && !EVERYWHERE.has(key))
      out.push({ key, text: c.text })
  return out
}

/** Strings of the French or English catalogue on a page. */
function foreignStrings(html: string): string[] {
  const text = decoded(html)
  const found: string[] = []
  for (const locale of ['fr', 'en'])
    for (const { key, text: s } of fixedStrings(locale))
      if (text.includes(s)) found.push(`${locale} ${key}: «${s}»`)
  return found
}

describe('a third language from the content folder', () => {
  let app: TestApp
  let fixtures: SiteFixtures
  beforeAll(async () => {
    app = await startTestApp(
      'sqlite',
      {
        CONTENT_DIR: contentWithThirdLocale({
          allow_networks: '["127.0.0.0/8", "::1/128"]',
          min_fill_seconds: '0',
          min_group_size: '1',
        }),
      },
      { mail: 'files' },
    )
    fixtures = await seedSite(app)
  }, 120_000)
  afterAll(async () => {
    await app?.close()
  })

  it('serves every page of the browser suite in it, each string from its own catalogue, each page naming its three versions', async () => {
    const seen = new Set<string>()
    const untranslated: string[] = []
    for (const page of PAGES_TO_CHECK) {
      const path = typeof page.path === 'function' ? page.path(fixtures) : page.path
      const status = page.status ?? 200
      const original = await get(app.url, path, { 'Sec-Fetch-Site': 'same-origin' })
      // The Spanish version is the one the page names: a 404 names none, and is asked for under /es/.
      const named = alternates(original.html).find(([lang]) => lang === 'es')?.[1]
      if (!named && original.status === 200) {
        untranslated.push(path)
        continue
      }
      const spanish = named ? new URL(named).pathname : `/es${path.replace(/^\/en\//, '/')}`
      if (seen.has(`${spanish} ${page.submitEmpty}`)) continue
      seen.add(`${spanish} ${page.submitEmpty}`)
      const answer = page.submitEmpty
        ? await postForm(app.url, spanish, {})
        : await get(app.url, spanish, { 'Sec-Fetch-Site': 'same-origin' })
      expect(answer.status, `${page.name}: ${spanish}`).toBe(status)
      expect(answer.html, spanish).toContain('<html lang="es">')
      expect(foreignStrings(answer.html), spanish).toEqual([])
      if (status === 200 && !page.submitEmpty)
        expect(
          alternates(answer.html).map(([lang]) => lang),
          spanish,
        ).toEqual(['fr', 'en', 'es', 'x-default'])
    }
    // The list's French and English pages, content pages and privacy notice included, each have a Spanish twin.
    expect(seen).toContain('/es/si-pero-la-iag undefined')
    expect(seen).toContain('/es/privacidad undefined')
    expect(seen).toContain('/es/noticias undefined')
    // The one page the collective has not translated (the fixture has no bibliography).
    expect(untranslated).toEqual(['/bibliographie', '/en/bibliography'])
  })

  it('names the Spanish version of a page among the alternates of its French and English versions', async () => {
    expect(alternates((await get(app.url, '/oui-mais-l-iag')).html)).toEqual([
      ['fr', 'http://paraphe.test/oui-mais-l-iag'],
      ['en', 'http://paraphe.test/en/yes-but-genai'],
      ['es', 'http://paraphe.test/es/si-pero-la-iag'],
      ['x-default', 'http://paraphe.test/oui-mais-l-iag'],
    ])
    // A page the collective has not translated names no Spanish version.
    expect(alternates((await get(app.url, '/bibliographie')).html).map(([lang]) => lang)).toEqual([
      'fr',
      'en',
      'x-default',
    ])
  })

  it('sends a visitor whose browser prefers Spanish there, unless it accepts French at any weight', async () => {
    const at = async (path: string, language: string) => {
      const page = await get(app.url, path, { 'Accept-Language': language })
      return page.status === 302 ? page.location : page.status === 200 ? 'stays' : String(page.status)
    }
    expect(await at('/', 'es-ES,es;q=0.9')).toBe('/es/')
    expect(await at('/', 'es-ES,es;q=0.9,en;q=0.8')).toBe('/es/')
    expect(await at('/', 'en-GB,en;q=0.9,es;q=0.8')).toBe('/en/')
    expect(await at('/signatories?q=x', 'es')).toBe('/es/signatories?q=x')
    // The French reference text, for whoever reads French at all.
    expect(await at('/', 'es-ES,es;q=0.9,fr;q=0.1')).toBe('stays')
    expect(await at('/', 'es,*;q=0.1')).toBe('stays')
    expect(await at('/', 'es-ES,es;q=0.9,fr;q=0')).toBe('/es/')
    // To the page's real twin, under its own slug, or nowhere.
    expect(await at('/oui-mais-l-iag', 'es')).toBe('/es/si-pero-la-iag')
    expect(await at('/confidentialite', 'es')).toBe('/es/privacidad')
    expect(await at('/actualites', 'es')).toBe('/es/noticias')
    expect(await at('/bibliographie', 'es')).toBe('stays')
    // Among the languages the page exists in: Spanish first, then English, for a page not in Spanish.
    expect(await at('/bibliographie', 'es,en;q=0.9')).toBe('/en/bibliography')
    expect(await at('/bibliographie?lang=es', 'es,en;q=0.9')).toBe('stays')
    // A page under another language's prefix is an explicit choice.
    expect(await at('/en/', 'es')).toBe('stays')
  })

  it('writes its mails in the language the signatory signed in, and leads them to the kit and sharing links in it', async () => {
    const email = 'lucia.garcia@univ-tlse3.fr'
    const answer = await postForm(
      app.url,
      '/es/sign',
      validSignature({ first_name: 'Lucía', last_name: 'García', email }),
    )
    expect(answer.status).toBe(303)
    const mail = await lastMailTo(app, email)
    expect(mail.subject).toBe('Fácíng générátívé ÁÍ: cónscíéntíóús óbjéctíón — cónfírm yóúr sígnátúré')
    expect(foreignStrings(`${mail.subject}\n${mail.text}\n${mail.html}`)).toEqual([])
    const confirm = linkIn(mail.text ?? '', 'confirm')
    expect(confirm).toMatch(/^\/es\/confirm\//)
    const form = await get(app.url, confirm)
    const done = await postForm(app.url, confirm, { csrf: hiddenValue(form.html, 'csrf') })
    expect(done.location).toMatch(/^\/es\/confirmed\?/)
    const thanks = await get(app.url, done.location!)
    expect(thanks.html).toContain('<a href="/es/kit">')
    const kit = (await get(app.url, '/es/kit')).html
    // The snippets and sharing links point to the Spanish text, the one this signatory read.
    expect(kit).toContain(`url=${encodeURIComponent('http://paraphe.test/es/')}`)
    expect(kit).not.toContain(`url=${encodeURIComponent('http://paraphe.test/')}"`)
    expect(kit).toContain('href="http://paraphe.test/es/"')
  })
})

describe('a third language that is not complete', () => {
  it('stops start-up naming the missing catalogue, or the file and every key it lacks', () => {
    const withoutMessages = contentWithThirdLocale()
    rmSync(join(withoutMessages, 'es', 'messages.toml'))
    expect(() => loadSiteConfig(withoutMessages)).toThrow(
      `${join(withoutMessages, 'es', 'messages.toml')}: is missing: "es" is among the locales of site.toml`,
    )
    const lacking = contentWithThirdLocale()
    const file = join(lacking, 'es', 'messages.toml')
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^skipToContent = .*\n/m, '')
        .replace(/^feed = .*\n/m, ''),
    )
    expect(() => loadSiteConfig(lacking)).toThrow(
      /es\/messages\.toml: 2 key\(s\) missing, given in .*fr\.toml: skipToContent, stats\.feed$/,
    )
  })
})
