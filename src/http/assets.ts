// Static assets are read once at start-up and served under a name that carries their
// content hash, so browsers may keep them for a year. Each is compressed at the best
// quality once, when first asked for in that encoding (compression.ts). The icon is
// the kit's first mark, in colour, in the drawing made for 16 and 32 pixels.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import type { KitConfig } from '../config.js'
import { markSvg } from '../kit/artwork.js'
import { answer, encodeBody, prepareAnswers, type PreparedAnswers } from './compression.js'
import type { AppEnv } from './env.js'

export interface Assets {
  /** Public path of each asset by source name: stylesheet → /assets/style.3f2a….css */
  stylesheet: string
  icon: string
  routes: Hono<AppEnv>
}

const readAsset = (file: string) => readFileSync(fileURLToPath(new URL(`../assets/${file}`, import.meta.url)))

const IMMUTABLE = 'public, max-age=31536000, immutable'

export function loadAssets(kit: KitConfig): Assets {
  const routes = new Hono<AppEnv>()
  const paths: Record<string, string> = {}
  const byPath = new Map<string, PreparedAnswers>()
  let favicon: PreparedAnswers | undefined
  const sources = [
    { name: 'style', file: 'style.css', type: 'text/css; charset=utf-8', bytes: readAsset('style.css') },
    {
      name: 'icon',
      file: 'icon.svg',
      type: 'image/svg+xml',
      bytes: Buffer.from(markSvg(kit, kit.marks[0]!, 'colour', true)),
    },
  ]
  for (const source of sources) {
    const bytes = source.bytes
    // The name changes with the content; 12 characters of the hash keep names short.
    const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 12)
    const [base, ext] = source.file.split('.')
    const path = `/assets/${base}.${hash}.${ext}`
    const body = encodeBody(bytes, { effort: 'best' })
    paths[source.name] = path
    byPath.set(path, prepareAnswers(body, 200, { 'Content-Type': source.type, 'Cache-Control': IMMUTABLE }))
    // Under a name without its hash, the icon may change: browsers keep it a day.
    if (source.name === 'icon')
      favicon = prepareAnswers(body, 200, {
        'Content-Type': source.type,
        'Cache-Control': 'public, max-age=86400',
      })
  }
  routes.get('/assets/:file', (c) => {
    const asset = byPath.get(c.req.path)
    return asset ? answer(c, asset) : c.notFound()
  })
  // Browsers ask for /favicon.ico on their own: answer with the icon rather than a 404.
  routes.get('/favicon.ico', (c) => answer(c, favicon!))
  return { stylesheet: paths.style!, icon: paths.icon!, routes }
}
