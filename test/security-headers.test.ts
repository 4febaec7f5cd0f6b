// The headers every answer carries, on every route of the page list and on the
// answers to forms, redirects and errors; caching and compression of pages; HSTS
// once the site is served over https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedSite, type SiteFixtures } from './e2e/fixtures.js'
import { PAGES_TO_CHECK } from './e2e/pages-to-check.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { validSignature } from './helpers/http.js'

function expectStrictHeaders(res: Response, what: string) {
  const csp = res.headers.get('content-security-policy') ?? ''
  expect(csp, what).toContain("default-src 'self'")
  expect(csp, what).toContain("script-src 'self'")
  expect(csp, what).toContain("frame-ancestors 'none'")
  expect(csp, what).not.toContain('unsafe-inline')
  expect(csp, what).not.toContain('unsafe-eval')
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer')
  expect(res.headers.get('permissions-policy'), what).toMatch(
    /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
  )
  expect(res.headers.get('set-cookie'), what).toBeNull()
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  redirect: 'manual',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Encoding': 'gzip, br' },
  body: new URLSearchParams(fields).toString(),
})

describe('security headers, caching and compression', () => {
  let app: TestApp
  let fixtures: SiteFixtures
  beforeAll(async () => {
    app = await startTestApp('sqlite', {}, { mail: 'files' })
    fixtures = await seedSite(app)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('carry strict headers, no cookie and the right Cache-Control on every page of the list', async () => {
    for (const entry of PAGES_TO_CHECK) {
      const path = typeof entry.path === 'function' ? entry.path(fixtures) : entry.path
      // A form's error state is the answer to posting it empty (each form posts to its page).
      const res = entry.submitEmpty
        ? await fetch(app.url + path, form({}))
        : await fetch(app.url + path, {
            redirect: 'manual',
            headers: { 'Accept-Language': entry.locale, 'Accept-Encoding': 'gzip, br' },
          })
      expect(res.status, path).toBe(entry.status ?? 200)
      expectStrictHeaders(res, path)
      expect(res.headers.get('cache-control'), path).toBe(entry.secret ? 'no-store' : 'no-cache')
      expect(res.headers.get('content-encoding'), path).toBe('br')
      expect(res.headers.get('strict-transport-security'), path).toBeNull()
    }
  })

  it('carry them on answers to forms, redirects and errors too', async () => {
    const answers: [string, Promise<Response>, number][] = [
      ['POST /sign (invalid)', fetch(`${app.url}/sign`, form({})), 422],
      ['POST /en/sign (invalid)', fetch(`${app.url}/en/sign`, form({})), 422],
      [
        'POST /sign (valid)',
        fetch(`${app.url}/sign`, form(validSignature({ email: 'someone.else@univ-tlse2.fr' }))),
        303,
      ],
      [
        'POST /sign (too large)',
        fetch(`${app.url}/sign`, form(validSignature({ comment: 'x'.repeat(20_000) }))),
        413,
      ],
      ['POST /manage (invalid)', fetch(`${app.url}/manage`, form({ email: '' })), 422],
      ['POST /manage', fetch(`${app.url}/manage`, form({ email: 'nobody@univ-tlse2.fr' })), 303],
      ['POST /confirm/<unknown>', fetch(`${app.url}/confirm/${'A'.repeat(43)}`, form({ csrf: 'x' })), 404],
      ['POST /manage/<unknown>', fetch(`${app.url}/manage/${'A'.repeat(43)}`, form({ csrf: 'x' })), 404],
      ['POST /manage/<token> (bad csrf)', fetch(app.url + fixtures.managePath, form({ csrf: 'x' })), 400],
      ['GET /confirm/<unknown>', fetch(`${app.url}/confirm/${'A'.repeat(43)}`, { redirect: 'manual' }), 404],
      [
        'GET / (language redirect)',
        fetch(`${app.url}/`, { redirect: 'manual', headers: { 'Accept-Language': 'en' } }),
        302,
      ],
      ['GET /favicon.ico', fetch(`${app.url}/favicon.ico`), 200],
      ['GET /api/v1/stats', fetch(`${app.url}/api/v1/stats`), 200],
    ]
    for (const [what, pending, status] of answers) {
      const res = await pending
      expect(res.status, what).toBe(status)
      expectStrictHeaders(res, what)
    }
  })

  it('never let a page behind a mailed link be stored, even its error answers', async () => {
    for (const path of [
      fixtures.managePath,
      fixtures.confirmPath,
      `/confirm/${'B'.repeat(43)}`,
      `/manage/${'B'.repeat(43)}`,
    ]) {
      const res = await fetch(app.url + path, { redirect: 'manual' })
      expect(res.headers.get('cache-control'), path).toBe('no-store')
    }
  })

  it('answer 304 to a browser that already holds the current version of a page', async () => {
    const first = await fetch(`${app.url}/signatories`, { headers: { 'Accept-Encoding': 'br' } })
    const etag = first.headers.get('etag')
    expect(etag).toBeTruthy()
    expect(first.headers.get('vary')).toContain('Accept-Encoding')
    const again = await fetch(`${app.url}/signatories`, {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag! },
    })
    expect(again.status).toBe(304)
    expectStrictHeaders(again, '304')
  })

  it('serve the stylesheet compressed, content-hashed and immutable', async () => {
    const home = await (await fetch(`${app.url}/signatories`)).text()
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home)![1]!
    const res = await fetch(app.url + href, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expectStrictHeaders(res, href)
  })
})

describe('served over https', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp('sqlite', { BASE_URL: 'https://paraphe.example' }, { mail: 'files' })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('tell browsers to come back only over https, on pages, errors and form answers', async () => {
    for (const [path, init] of [
      ['/', {}],
      ['/nulle-part', {}],
      ['/sign', form({})],
    ] as [string, RequestInit][]) {
      const res = await fetch(app.url + path, { redirect: 'manual', ...init })
      expect(res.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{8,}/)
    }
  })
})

describe('pages served from memory', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(
      'sqlite',
      { BASE_URL: 'https://paraphe.example' },
      { mail: 'files', pageCacheMs: 60_000 },
    )
  })
  afterAll(async () => {
    await app?.close()
  })

  it('carry the same headers as when they were rendered, and the same bytes', async () => {
    for (const path of ['/', '/en/', '/signatories', '/en/stats']) {
      const rendered = await fetch(app.url + path, { headers: { 'Accept-Encoding': 'br' } })
      const kept = await fetch(app.url + path, { headers: { 'Accept-Encoding': 'br' } })
      expectStrictHeaders(kept, path)
      for (const name of [
        'content-security-policy',
        'strict-transport-security',
        'cache-control',
        'content-type',
        'etag',
        'vary',
      ]) {
        expect(kept.headers.get(name), `${path} ${name}`).toBe(rendered.headers.get(name))
      }
      expect(await kept.text(), path).toBe(await rendered.text())
    }
  })

  it('still send a visitor who prefers another language to it, and leave a same-site visitor where they asked', async () => {
    await fetch(`${app.url}/`)
    const english = await fetch(`${app.url}/`, {
      redirect: 'manual',
      headers: { 'Accept-Language': 'en-GB,en;q=0.9' },
    })
    expect(english.status).toBe(302)
    expect(english.headers.get('location')).toBe('/en/')
    const following = await fetch(`${app.url}/`, {
      redirect: 'manual',
      headers: { 'Accept-Language': 'en', 'Sec-Fetch-Site': 'same-origin' },
    })
    expect(following.status).toBe(200)
    expect(following.headers.get('vary')).toContain('Accept-Language')
  })
})
