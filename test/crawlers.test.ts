// What search engines are told: the manifesto and its pages are to be found; the
// lists that name signatories are not, unless the collective decides otherwise.
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { get } from './helpers/http.js'

describe('search engines', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  it('keep the signatory lists, institution pages, exports and the pages behind mailed links out of search engines by default', async () => {
    app = await startTestApp('sqlite')
    const robots = await get(app.url, '/robots.txt')
    expect(robots.status).toBe(200)
    for (const path of [
      '/signatories',
      '/en/signatories',
      '/institutions',
      '/en/institutions',
      '/open-data/',
      '/api/v1/signatories',
      '/admin',
      '/confirm/',
      '/manage',
      '/debate/',
      '/news/stop/',
      '/en/news/stop/',
    ]) {
      expect(robots.html).toContain(`Disallow: ${path}\n`)
    }
    expect(robots.html).not.toMatch(/Disallow: \/\n/)
    expect(robots.html).toContain('Sitemap: http://paraphe.test/sitemap.xml')
    // The thanks page too: robots.txt cannot name it, since only its query says whose it is.
    for (const path of ['/signatories', '/en/institutions', '/confirmed?listed=1', '/en/confirmed'])
      expect((await get(app.url, path)).html, path).toContain('<meta name="robots" content="noindex"/>')
    expect((await get(app.url, '/')).html).not.toContain('name="robots"')
    expect((await get(app.url, '/open-data/signatories.csv')).headers.get('x-robots-tag')).toBe('noindex')
    expect((await get(app.url, '/api/v1/signatories')).headers.get('x-robots-tag')).toBe('noindex')
    expect((await get(app.url, '/api/v1/stats')).headers.get('x-robots-tag')).toBeNull()
  })

  it('list every page meant to be found in the sitemap, each with its twins', async () => {
    app = await startTestApp('sqlite')
    const sitemap = await get(app.url, '/sitemap.xml')
    expect(sitemap.headers.get('content-type')).toContain('application/xml')
    const locs = [...sitemap.html.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    for (const url of [
      'http://paraphe.test/',
      'http://paraphe.test/en/',
      'http://paraphe.test/oui-mais-l-iag',
      'http://paraphe.test/en/yes-but-genai',
      'http://paraphe.test/confidentialite',
      'http://paraphe.test/en/privacy',
      'http://paraphe.test/en/transparency',
      'http://paraphe.test/actualites',
      'http://paraphe.test/en/news',
    ]) {
      expect(locs).toContain(url)
    }
    expect(locs.some((u) => u!.includes('signatories'))).toBe(false)
    expect(sitemap.html).toContain(
      '<xhtml:link rel="alternate" hreflang="en" href="http://paraphe.test/en/yes-but-genai"/>',
    )
    for (const url of locs) expect((await get(app.url, new URL(url!).pathname)).status, url).toBe(200)
  })

  it('let the collective open the lists to search engines', async () => {
    app = await startTestApp('sqlite', {
      CONTENT_DIR: contentWith({ index_signatories: 'true', allow_networks: '["127.0.0.0/8", "::1/128"]' }),
    })
    const robots = await get(app.url, '/robots.txt')
    expect(robots.html).not.toContain('Disallow: /signatories')
    expect(robots.html).toContain('Disallow: /admin')
    expect((await get(app.url, '/signatories')).html).not.toContain('name="robots"')
    expect((await get(app.url, '/open-data/signatories.csv')).headers.get('x-robots-tag')).toBeNull()
    const sitemap = (await get(app.url, '/sitemap.xml')).html
    for (const url of ['http://paraphe.test/signatories', 'http://paraphe.test/en/institutions'])
      expect(sitemap).toContain(`<loc>${url}</loc>`)
  })

  it('answer HEAD as GET would on every public path, with pages kept in memory as in production', async () => {
    app = await startTestApp('sqlite', {}, { pageCacheMs: 60_000 })
    const paths = [
      '/',
      '/en/',
      '/sign',
      '/signatories',
      '/en/institutions',
      '/stats',
      '/actualites',
      '/en/news',
      '/feed.atom',
      '/robots.txt',
      '/sitemap.xml',
      '/.well-known/security.txt',
      '/api/v1/stats',
      '/api/v1/signatories',
      '/open-data/signatories.csv',
      '/badge.svg',
      '/healthz',
      '/no-such-page',
    ]
    const compared = [
      'content-type',
      'etag',
      'location',
      'x-robots-tag',
      'cache-control',
      'vary',
      'content-language',
    ]
    const languages: Record<string, string>[] = [{ 'Accept-Language': 'fr' }, { 'Accept-Language': 'en' }, {}]
    for (const headers of languages) {
      for (const path of paths) {
        // GET first, so that HEAD may find the page kept in memory.
        const getAnswer = await fetch(`${app.url}${path}`, { redirect: 'manual', headers })
        await getAnswer.arrayBuffer()
        const headAnswer = await fetch(`${app.url}${path}`, { method: 'HEAD', redirect: 'manual', headers })
        const what = `HEAD ${path} ${JSON.stringify(headers)}`
        expect(headAnswer.status, what).toBe(getAnswer.status)
        // A live answer (no-store: /healthz's last pass of the mail worker) may change between the two.
        const live = getAnswer.headers.get('cache-control')?.includes('no-store')
        for (const name of compared.filter((n) => !(live && n === 'etag')))
          expect(headAnswer.headers.get(name), `${what}: ${name}`).toBe(getAnswer.headers.get(name))
        expect(await headAnswer.text(), what).toBe('')
      }
    }
  })
})
