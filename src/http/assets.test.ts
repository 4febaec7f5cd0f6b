import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../config.js'
import { loadAssets } from './assets.js'

describe('static assets', () => {
  const assets = loadAssets(loadSiteConfig('content').kit)
  const fetchAsset = (headers: Record<string, string>) =>
    assets.routes.request(assets.stylesheet, { headers })

  it('send gzip, not brotli, to a client that refuses brotli with q=0', async () => {
    const res = await fetchAsset({ 'Accept-Encoding': 'br;q=0, gzip' })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toContain('{')
    expect(res.headers.get('vary')).toBe('Accept-Encoding')
  })

  it('answer 304 to a client that names the asset among its ETags', async () => {
    const etag = (await fetchAsset({})).headers.get('etag')!
    expect((await fetchAsset({ 'If-None-Match': `"other", ${etag}` })).status).toBe(304)
  })
})
