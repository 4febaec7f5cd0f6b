// Public pages are the same for every visitor, and under a burst most requests ask for
// the same few of them (and the numbers other sites poll and embed: the stats API, the
// counter badge). Each is rendered and compressed at most once a second and the
// bytes served from memory in between, so a count shown on a page is at most a second
// old. Only plain GETs (and HEADs) of pages without a query string are kept, and only public ones:
// an answer marked no-store (a page behind a mailed link) is never kept.
//
// A kept page is answered from two places. The middleware answers inside the
// application, once the request is routed. The early answer takes the request as
// node:http hands it over, before the framework turns it into a fetch Request and
// runs the middlewares: most of the cost of a cached page is there, not in its bytes.
// Both answer from the entry's prepared answers (compression.ts): each encoding is
// compressed once per render, on first request, with its headers, and then only written.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import { answerRequest, encodeBody, prepareAnswers, type PreparedAnswers } from './compression.js'

interface Entry {
  answers: PreparedAnswers
  renderedAt: number
  /** The route pattern that rendered it: what an early answer is counted under. */
  route: string
}

export interface PageCacheOptions {
  ttlMs?: number
  maxEntries?: number
  now?: () => number
  /**
   * Headers the middlewares around the cache add to every answer (security headers):
   * a page answered early goes out without them otherwise.
   */
  outerHeaders?: (headers: Headers) => void
  /**
   * True for a request the application answers otherwise than with the kept page of
   * its path (a visitor sent to their own language): it is left to the application.
   */
  divert?: (path: string, header: (name: string) => string | undefined) => boolean
  /**
   * The ETag of a rendered page, when it is not the hash of its bytes: a page that
   * carries a value made anew at each render (the sign form's timestamp) names its
   * content without it, so that a browser revalidating an unchanged page gets a 304.
   */
  etagOf?: (body: Uint8Array) => string
  /** Told of each early answer (the application never sees it): for the request metrics. */
  answeredEarly?: (method: string, route: string, status: number, seconds: number) => void
}

export interface PageCache {
  /** Keeps public pages as they are rendered, and answers from them. */
  middleware: MiddlewareHandler
  /** Answers a request with a kept page straight from node:http; false when it cannot. */
  answerEarly(req: IncomingMessage, res: ServerResponse): boolean
}

/** What is kept: pages, and the JSON and SVG answers that carry the public numbers. */
const KEPT_TYPES = /^(text\/html|application\/json|image\/svg\+xml)/

export function createPageCache(options: PageCacheOptions = {}): PageCache {
  const ttlMs = options.ttlMs ?? 1000
  const maxEntries = options.maxEntries ?? 500
  const now = options.now ?? Date.now
  const entries = new Map<string, Entry>()

  function fresh(key: string): Entry | undefined {
    const hit = entries.get(key)
    return hit && now() - hit.renderedAt < ttlMs ? hit : undefined
  }

  const middleware: MiddlewareHandler = async function cachePage(c, next) {
    const url = new URL(c.req.url)
    // HEAD is answered from the same entry as GET: the same status and headers (ETag
    // included), which a client checking a page before fetching it relies on.
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || url.search !== '') return next()
    const key = url.pathname
    const hit = fresh(key)
    if (hit) {
      c.res = answerRequest(c.req.raw, hit.answers)
      return
    }
    await next()
    const res = c.res
    const type = res.headers.get('Content-Type') ?? ''
    // An answer already encoded for this client (a kit image) is not the body to keep.
    if (
      res.status !== 200 ||
      !KEPT_TYPES.test(type) ||
      res.headers.has('Set-Cookie') ||
      res.headers.has('Content-Encoding')
    )
      return
    if (/no-store|private/.test(res.headers.get('Cache-Control') ?? '')) return
    const bytes = new Uint8Array(await res.arrayBuffer())
    const body = encodeBody(bytes, { etag: options.etagOf?.(bytes) })
    const headers = new Headers(res.headers)
    options.outerHeaders?.(headers)
    const answers = prepareAnswers(body, res.status, headers)
    if (entries.size >= maxEntries && !entries.has(key)) entries.delete(entries.keys().next().value!)
    entries.set(key, { answers, renderedAt: now(), route: routePath(c) })
    c.res = undefined as unknown as Response
    c.res = answerRequest(c.req.raw, answers)
  }

  function answerEarly(req: IncomingMessage, res: ServerResponse): boolean {
    // The raw path must be the very key a page was kept under: a path with a query,
    // dot segments or escapes that the router would read otherwise never is.
    const path = req.url ?? ''
    const method = req.method
    if ((method !== 'GET' && method !== 'HEAD') || path.includes('?')) return false
    const started = performance.now()
    const hit = fresh(path)
    if (!hit) return false
    const header = (name: string) => {
      const value = req.headers[name.toLowerCase()]
      return Array.isArray(value) ? value.join(', ') : value
    }
    if (options.divert?.(path, header)) return false
    const answer = hit.answers.for({
      method,
      ifNoneMatch: header('If-None-Match'),
      acceptEncoding: header('Accept-Encoding'),
    })
    res.writeHead(answer.status, answer.headers)
    // node:http writes no body in answer to HEAD; Content-Length stays that of the GET.
    res.end(answer.bytes)
    options.answeredEarly?.(method, hit.route, answer.status, (performance.now() - started) / 1000)
    return true
  }

  return { middleware, answerEarly }
}
