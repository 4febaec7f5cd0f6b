import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { pageCache } from './page-cache.js'

function appWithCounter(options: { cacheControl?: string } = {}) {
  let clock = 0
  let renders = 0
  const app = new Hono()
  app.use('*', pageCache({ ttlMs: 1000, now: () => clock }))
  app.get('*', (c) => {
    renders++
    if (options.cacheControl) c.header('Cache-Control', options.cacheControl)
    return c.html(`<!DOCTYPE html><p>render ${renders}</p>` + 'x'.repeat(2000))
  })
  return { app, renders: () => renders, advance: (ms: number) => (clock += ms) }
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
