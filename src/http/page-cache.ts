// Public pages are the same for every visitor, and under a burst most requests ask for
// the same few of them. Each is rendered and compressed at most once a second and the
// bytes served from memory in between, so a count shown on a page is at most a second
// old. Only plain GETs of pages without a query string are kept, and only public ones:
// an answer marked no-store (a page behind a mailed link) is never kept.
import type { MiddlewareHandler } from 'hono'
import { encodeBody, sendEncoded, type EncodedBody } from './compression.js'

interface Entry {
  body: EncodedBody
  status: number
  headers: Headers
  renderedAt: number
}

export interface PageCacheOptions {
  ttlMs?: number
  maxEntries?: number
  now?: () => number
}

export function pageCache(options: PageCacheOptions = {}): MiddlewareHandler {
  const ttlMs = options.ttlMs ?? 1000
  const maxEntries = options.maxEntries ?? 500
  const now = options.now ?? Date.now
  const entries = new Map<string, Entry>()

  return async function cachePage(c, next) {
    const url = new URL(c.req.url)
    if (c.req.method !== 'GET' || url.search !== '') return next()
    const key = url.pathname
    const hit = entries.get(key)
    if (hit && now() - hit.renderedAt < ttlMs) {
      c.res = sendEncoded(c.req.raw, hit.body, hit.status, hit.headers)
      return
    }
    await next()
    const res = c.res
    const type = res.headers.get('Content-Type') ?? ''
    if (res.status !== 200 || !type.startsWith('text/html') || res.headers.has('Set-Cookie')) return
    if (/no-store|private/.test(res.headers.get('Cache-Control') ?? '')) return
    const body = encodeBody(new Uint8Array(await res.arrayBuffer()), { effort: 'max' })
    const headers = new Headers(res.headers)
    if (entries.size >= maxEntries && !entries.has(key)) entries.delete(entries.keys().next().value!)
    entries.set(key, { body, status: res.status, headers, renderedAt: now() })
    c.res = undefined as unknown as Response
    c.res = sendEncoded(c.req.raw, body, res.status, headers)
  }
}
