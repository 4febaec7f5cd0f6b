// Static assets are read once at start-up and served under a name that carries their
// content hash, so browsers may keep them for a year. Each is compressed at the best
// quality once, when first asked for in that encoding (compression.ts).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import { answer, encodeBody, prepareAnswers, type PreparedAnswers } from './compression.js'
import type { AppEnv } from './env.js'

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

const IMMUTABLE = 'public, max-age=31536000, immutable'

export function loadAssets(): Assets {
  const routes = new Hono<AppEnv>()
  const paths: Record<string, string> = {}
  const byPath = new Map<string, PreparedAnswers>()
  let favicon: PreparedAnswers | undefined
  for (const source of SOURCES) {
    const bytes = readFileSync(fileURLToPath(new URL(`../assets/${source.file}`, import.meta.url)))
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
  return { stylesheet: paths.style!, icon: paths.icon!, kitScript: paths.kitScript!, routes }
}
