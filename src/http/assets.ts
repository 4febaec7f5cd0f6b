// Static assets are read and compressed once at start-up and served under a name
// that carries their content hash, so browsers may keep them for a year.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib'
import { Hono } from 'hono'
import { matchesEtag, negotiateEncoding } from './compression.js'
import type { AppEnv } from './env.js'

interface Asset {
  body: Buffer
  gzip: Buffer
  brotli: Buffer
  type: string
  etag: string
}

export interface Assets {
  /** Public path of each asset by source name: stylesheet → /assets/style.3f2a….css */
  stylesheet: string
  icon: string
  /** Copy buttons of the signatory kit (progressive enhancement). */
  kitScript: string
  routes: Hono<AppEnv>
}

const SOURCES: { name: string; file: string; type: string }[] = [
  { name: 'style', file: 'style.css', type: 'text/css; charset=utf-8' },
  { name: 'icon', file: 'icon.svg', type: 'image/svg+xml' },
  { name: 'kitScript', file: 'kit.js', type: 'text/javascript; charset=utf-8' },
]

function load(file: string, type: string): Asset {
  const body = readFileSync(fileURLToPath(new URL(`../assets/${file}`, import.meta.url)))
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12)
  return {
    body,
    gzip: gzipSync(body, { level: 9 }),
    brotli: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
    type,
    etag: `"${hash}"`,
  }
}

export function loadAssets(): Assets {
  const routes = new Hono<AppEnv>()
  const paths: Record<string, string> = {}
  const byPath = new Map<string, Asset>()
  for (const source of SOURCES) {
    const asset = load(source.file, source.type)
    const [base, ext] = source.file.split('.')
    const path = `/assets/${base}.${asset.etag.slice(1, -1)}.${ext}`
    paths[source.name] = path
    byPath.set(path, asset)
  }
  const serve = (asset: Asset, acceptEncoding: string | undefined, immutable: boolean) => {
    const encoding = negotiateEncoding(acceptEncoding)
    const body = encoding === 'br' ? asset.brotli : encoding === 'gzip' ? asset.gzip : asset.body
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=86400',
      ETag: asset.etag,
      Vary: 'Accept-Encoding',
    }
    if (encoding) headers['Content-Encoding'] = encoding
    return new Response(new Uint8Array(body), { headers })
  }
  routes.get('/assets/:file', (c) => {
    const asset = byPath.get(c.req.path)
    if (!asset) return c.notFound()
    if (matchesEtag(c.req.header('If-None-Match'), asset.etag)) return c.body(null, 304)
    return serve(asset, c.req.header('Accept-Encoding'), true)
  })
  // Browsers ask for /favicon.ico on their own: answer with the icon rather than a 404.
  routes.get('/favicon.ico', (c) => serve(byPath.get(paths.icon!)!, c.req.header('Accept-Encoding'), false))
  return { stylesheet: paths.style!, icon: paths.icon!, kitScript: paths.kitScript!, routes }
}
