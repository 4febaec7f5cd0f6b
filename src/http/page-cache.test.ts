import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import { createPageCache, type PageCacheOptions } from './page-cache.js'

function appWithCounter(
  options: { cacheControl?: string; page?: (render: number) => string } & PageCacheOptions = {},
) {
  let clock = 0
  let renders = 0
  const cache = createPageCache({ ttlMs: 1000, now: () => clock, ...options })
  const app = new Hono()
  app.use('*', cache.middleware)
  app.get('*', (c) => {
    renders++
    if (options.cacheControl) c.header('Cache-Control', options.cacheControl)
    return c.html(options.page?.(renders) ?? `<!DOCTYPE html><p>render ${renders}</p>${'x'.repeat(2000)}`)
  })
  return { app, cache, renders: () => renders, advance: (ms: number) => (clock += ms) }
}

describe('the page cache', () => {
  it('renders a public page at most once a second and serves the same bytes meanwhile', async () => {
    const t = appWithCounter()
    const first = await (await t.app.request('/')).text()
    const second = await (await t.app.request('/')).text()
    expect(second).toBe(first)
    expect(t.renders()).toBe(1)
    t.advance(1001)
    expect(await (await t.app.request('/')).text()).toContain('render 2')
  })

  it('serves the kept page compressed and answers a matching ETag with 304', async () => {
    const t = appWithCounter()
    await t.app.request('/')
    const br = await t.app.request('/', { headers: { 'Accept-Encoding': 'br' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    const etag = br.headers.get('etag')!
    const again = await t.app.request('/', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(t.renders()).toBe(1)
  })

  it('keeps the ETag of a page whose only change is a value named volatile, and answers 304 across renders', async () => {
    const page = (render: number) => `<!DOCTYPE html><p>stamp ${render}</p><p>${'x'.repeat(2000)}</p>`
    const t = appWithCounter({
      page,
      etagOf: (body) => `W/"${new TextDecoder().decode(body).replace(/stamp \d+/, '').length}"`,
    })
    const first = await t.app.request('/')
    t.advance(1001)
    const second = await t.app.request('/', { headers: { 'Accept-Encoding': 'br' } })
    expect(t.renders()).toBe(2)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    const again = await t.app.request('/', { headers: { 'If-None-Match': first.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('never keeps a page marked no-store, nor one asked with a query string', async () => {
    const secret = appWithCounter({ cacheControl: 'no-store' })
    await secret.app.request('/manage/abc')
    await secret.app.request('/manage/abc')
    expect(secret.renders()).toBe(2)
    const query = appWithCounter()
    await query.app.request('/signatories?q=a')
    await query.app.request('/signatories?q=a')
    expect(query.renders()).toBe(2)
  })
})

describe('the early answer, before the framework sees the request', () => {
  let server: Server | undefined
  let early = 0
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

  async function serve(t: ReturnType<typeof appWithCounter>): Promise<string> {
    const listener = getRequestListener(t.app.fetch)
    early = 0
    server = createServer((req, res) => {
      if (t.cache.answerEarly(req, res)) early++
      else listener(req, res)
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  it('answers a kept page with its bytes, its compression and the headers of every answer', async () => {
    const t = appWithCounter({ outerHeaders: (h) => h.set('X-Content-Type-Options', 'nosniff') })
    const base = await serve(t)
    const first = await fetch(`${base}/stats`, { headers: { 'Accept-Encoding': 'identity' } })
    const kept = await fetch(`${base}/stats`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(t.renders()).toBe(1)
    expect(early).toBe(1)
    expect(kept.headers.get('content-encoding')).toBe('gzip')
    expect(kept.headers.get('x-content-type-options')).toBe('nosniff')
    expect(kept.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(await kept.text()).toBe(await first.text())
    const unchanged = await fetch(`${base}/stats`, {
      headers: { 'If-None-Match': first.headers.get('etag')! },
    })
    expect(unchanged.status).toBe(304)
    expect(early).toBe(2)
  })

  it('leaves to the application a request it diverts, one with a query string, and a stale page', async () => {
    const t = appWithCounter({ divert: (_path, header) => header('Accept-Language') === 'en' })
    const base = await serve(t)
    await fetch(`${base}/`)
    await fetch(`${base}/`, { headers: { 'Accept-Language': 'en' } })
    expect(early).toBe(0)
    await fetch(`${base}/?q=x`)
    expect(early).toBe(0)
    t.advance(1001)
    expect(await (await fetch(`${base}/`)).text()).toContain('render 3')
    expect(early).toBe(0)
    await fetch(`${base}/`)
    expect(early).toBe(1)
  })
})
