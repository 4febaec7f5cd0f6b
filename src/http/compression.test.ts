import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { answer, compression, encodeBody, matchesEtag, prepareAnswers } from './compression.js'

const page = `<!DOCTYPE html><p>${'Face à l’IA générative, l’objection de conscience. '.repeat(60)}</p>`

function testApp() {
  const app = new Hono()
  app.use('*', compression())
  app.get('/page', (c) => {
    c.header('Cache-Control', 'no-cache')
    c.header('Vary', 'Accept-Language')
    return c.html(page)
  })
  app.get('/small', (c) => c.html('<p>ok</p>'))
  app.post('/form', (c) => c.html(page, 422))
  app.get('/moved', (c) => c.redirect('/page', 303))
  app.get('/image', (c) => c.body(new Uint8Array(2000), 200, { 'Content-Type': 'image/png' }))
  app.get('/asset', (c) =>
    c.body('x'.repeat(2000), 200, { 'Content-Type': 'text/css', 'Content-Encoding': 'br', ETag: '"abc"' }),
  )
  return app
}

describe('compression of text answers', () => {
  it('sends brotli to a client that accepts it, and gzip to one that only accepts gzip', async () => {
    const app = testApp()
    const br = await app.request('/page', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(page)
    const gz = await app.request('/page', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    const bytes = Buffer.from(await gz.arrayBuffer())
    expect(gunzipSync(bytes).toString()).toBe(page)
    expect(Number(gz.headers.get('content-length'))).toBe(bytes.byteLength)
    expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(page) / 4)
  })

  it('sends the plain body to a client that accepts no encoding, or refuses them with q=0', async () => {
    const app = testApp()
    for (const accept of ['', 'identity', 'br;q=0, gzip;q=0']) {
      const res = await app.request('/page', { headers: accept ? { 'Accept-Encoding': accept } : {} })
      expect(res.headers.get('content-encoding'), accept).toBeNull()
      expect(await res.text()).toBe(page)
    }
  })

  it('keeps the headers set by the route and adds Accept-Encoding to Vary', async () => {
    const res = await testApp().request('/page', { headers: { 'Accept-Encoding': 'br' } })
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('vary')).toBe('Accept-Language, Accept-Encoding')
    expect(res.headers.get('content-type')).toContain('text/html')
  })

  it('answers 304 with no body when the client already has this version', async () => {
    const app = testApp()
    const first = await app.request('/page', { headers: { 'Accept-Encoding': 'br' } })
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/)
    const again = await app.request('/page', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('cache-control')).toBe('no-cache')
    const stale = await app.request('/page', { headers: { 'If-None-Match': 'W/"other"' } })
    expect(stale.status).toBe(200)
  })

  it('gives the same ETag whatever the encoding, since it names the content', async () => {
    const app = testApp()
    const a = await app.request('/page', { headers: { 'Accept-Encoding': 'br' } })
    const b = await app.request('/page')
    expect(a.headers.get('etag')).toBe(b.headers.get('etag'))
  })

  it('leaves alone small bodies, redirects, binary types and answers already encoded', async () => {
    const app = testApp()
    const small = await app.request('/small', { headers: { 'Accept-Encoding': 'br' } })
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(await small.text()).toBe('<p>ok</p>')
    const moved = await app.request('/moved', { headers: { 'Accept-Encoding': 'br' } })
    expect(moved.status).toBe(303)
    expect(moved.headers.get('content-encoding')).toBeNull()
    const image = await app.request('/image', { headers: { 'Accept-Encoding': 'br' } })
    expect(image.headers.get('content-encoding')).toBeNull()
    const asset = await app.request('/asset', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(asset.headers.get('content-encoding')).toBe('br')
    expect(asset.headers.get('etag')).toBe('"abc"')
  })

  it('sends gzip, not brotli, to a client that refuses brotli with q=0', async () => {
    const res = await testApp().request('/page', { headers: { 'Accept-Encoding': 'br;q=0, gzip' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(page)
  })

  it('compresses error answers too, but gives them no ETag', async () => {
    const res = await testApp().request('/form', { method: 'POST', headers: { 'Accept-Encoding': 'br' } })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('etag')).toBeNull()
  })
})

describe('encoded bodies', () => {
  it('compress each encoding once and keep it, for pages cached in memory', () => {
    const body = encodeBody(new TextEncoder().encode(page))
    expect(body.encoded('br')).toBe(body.encoded('br'))
    expect(body.encoded('gzip')).toBe(body.encoded('gzip'))
  })

  it('prepare each answer of a kept body once, headers included, and hand the same one out again', () => {
    const body = encodeBody(new TextEncoder().encode(page), { etag: 'W/"content"' })
    const answers = prepareAnswers(
      body,
      200,
      new Headers({ 'Content-Type': 'text/html; charset=UTF-8', 'Cache-Control': 'no-cache' }),
    )
    const get = (headers: { ifNoneMatch?: string; acceptEncoding?: string }) =>
      answers.for({ method: 'GET', ...headers })
    const br = get({ acceptEncoding: 'gzip, br' })
    expect(get({ acceptEncoding: 'br' })).toBe(br)
    expect(Object.fromEntries(br.headers)).toMatchObject({
      'content-encoding': 'br',
      etag: 'W/"content"',
      vary: 'Accept-Encoding',
      'cache-control': 'no-cache',
    })
    expect(Object.fromEntries(br.headers)['content-length']).toBe(String(br.bytes!.byteLength))
    expect(brotliDecompressSync(br.bytes!).toString()).toBe(page)
    const gzip = get({ acceptEncoding: 'br;q=0, gzip' })
    expect(Object.fromEntries(gzip.headers)['content-encoding']).toBe('gzip')
    const plain = Object.fromEntries(get({}).headers)
    expect(plain['content-encoding']).toBeUndefined()
    expect(plain.vary).toBe('Accept-Encoding')
    const unchanged = get({ ifNoneMatch: 'W/"content"', acceptEncoding: 'br' })
    expect(unchanged.status).toBe(304)
    expect(unchanged.bytes).toBeUndefined()
    expect(Object.fromEntries(unchanged.headers).etag).toBe('W/"content"')
  })

  it('match If-None-Match lists, weak or strong, and *', () => {
    expect(matchesEtag('W/"a", W/"b"', 'W/"b"')).toBe(true)
    expect(matchesEtag('"b"', 'W/"b"')).toBe(true)
    expect(matchesEtag('*', 'W/"b"')).toBe(true)
    expect(matchesEtag('W/"c"', 'W/"b"')).toBe(false)
    expect(matchesEtag(undefined, 'W/"b"')).toBe(false)
  })
})

describe('a route answering with a prepared body', () => {
  const css = `body{margin:0}${'p{color:#222}'.repeat(200)}`
  const icon = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>'
  function routes() {
    const app = new Hono()
    app.use('*', compression())
    const style = prepareAnswers(encodeBody(new TextEncoder().encode(css), { effort: 'best' }), 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    })
    const small = prepareAnswers(encodeBody(new TextEncoder().encode(icon), { effort: 'best' }), 200, {
      'Content-Type': 'image/svg+xml',
    })
    app.get('/style.css', (c) => answer(c, style))
    app.get('/icon.svg', (c) => answer(c, small))
    return app
  }

  it('answers 304 with the validator, the cache policy and Vary, but no body', async () => {
    const app = routes()
    const first = await app.request('/style.css', { headers: { 'Accept-Encoding': 'br' } })
    const again = await app.request('/style.css', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': `"x", ${first.headers.get('etag')}` },
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(again.headers.get('vary')).toBe('Accept-Encoding')
    expect(again.headers.get('content-encoding')).toBeNull()
  })

  it('answers HEAD with the headers of the GET, the length of the encoding chosen, and no body', async () => {
    const app = routes()
    const get = await app.request('/style.css', { headers: { 'Accept-Encoding': 'gzip' } })
    const head = await app.request('/style.css', { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    for (const name of ['content-encoding', 'content-length', 'etag', 'vary', 'cache-control'])
      expect(head.headers.get(name), name).toBe(get.headers.get(name))
    expect(gunzipSync(Buffer.from(await get.arrayBuffer())).toString()).toBe(css)
  })

  it('compresses a body made once however small, since it costs nothing per request', async () => {
    const res = await routes().request('/icon.svg', { headers: { 'Accept-Encoding': 'br' } })
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(icon)
  })
})
