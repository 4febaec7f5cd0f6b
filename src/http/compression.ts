// Compression and validation for text answers: gzip or brotli when the client accepts
// it, a weak ETag (hash of the body) that turns a repeated request into a 304.
// An encoded body keeps each compressed form once computed, so a page cached in
// memory can be kept as an EncodedBody and served without compressing again.
import { createHash } from 'node:crypto'
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

/** Below this many bytes, compression saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/

export type Encoding = 'br' | 'gzip'

export interface EncodedBody {
  identity: Uint8Array
  etag: string
  /** The body in this encoding, compressed on first use and kept. */
  encoded(encoding: Encoding): Uint8Array
}

export interface EncodeOptions {
  /** 'max' for bodies compressed once and served many times (cached pages); 'fast' per request. */
  effort?: 'fast' | 'max'
}

export function encodeBody(body: Uint8Array, options: EncodeOptions = {}): EncodedBody {
  const max = options.effort === 'max'
  const kept: Partial<Record<Encoding, Uint8Array>> = {}
  return {
    identity: body,
    etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    encoded(encoding) {
      kept[encoding] ??=
        encoding === 'br'
          ? brotliCompressSync(body, {
              params: { [zlib.BROTLI_PARAM_QUALITY]: max ? 11 : 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
            })
          : gzipSync(body, { level: max ? 9 : 6 })
      return kept[encoding]!
    },
  }
}

/** The best encoding the client accepts (brotli first), honouring q=0 refusals. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const q = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    if (!name) continue
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    q.set(name, qParam ? Number(qParam.slice(2)) || 0 : 1)
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0
  if (accepts('br')) return 'br'
  if (accepts('gzip')) return 'gzip'
  return undefined
}

/** Whether an If-None-Match header matches this ETag (weak comparison, as for GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag))
}

function addVary(headers: Headers, name: string) {
  const vary = headers.get('Vary')
  if (!vary) headers.set('Vary', name)
  else if (!vary.toLowerCase().split(/\s*,\s*/).includes(name.toLowerCase())) headers.set('Vary', `${vary}, ${name}`)
}

/** What an answer depends on in its request. */
export interface EncodingRequest {
  method: string
  ifNoneMatch?: string
  acceptEncoding?: string
}

export interface EncodedAnswer {
  status: number
  headers: Headers
  /** Absent for a 304. */
  bytes?: Uint8Array
}

/**
 * The answer for an encoded body: 304 when the client already has it, otherwise the
 * smallest encoding it accepts. `headers` are those of the answer (type, cache, security…).
 */
export function encodedAnswer(request: EncodingRequest, body: EncodedBody, status: number, headers: Headers): EncodedAnswer {
  const out = new Headers(headers)
  const cacheable = status === 200 && (request.method === 'GET' || request.method === 'HEAD')
  if (cacheable) out.set('ETag', body.etag)
  const compressible = body.identity.byteLength >= COMPRESS_MIN_BYTES
  if (compressible) addVary(out, 'Accept-Encoding')
  if (cacheable && matchesEtag(request.ifNoneMatch, body.etag)) {
    out.delete('Content-Length')
    out.delete('Content-Type')
    return { status: 304, headers: out }
  }
  const encoding = compressible ? negotiateEncoding(request.acceptEncoding) : undefined
  const bytes = encoding ? body.encoded(encoding) : body.identity
  if (encoding) out.set('Content-Encoding', encoding)
  else out.delete('Content-Encoding')
  out.set('Content-Length', String(bytes.byteLength))
  return { status, headers: out, bytes }
}

/** The same, as a fetch Response. */
export function sendEncoded(req: Request, body: EncodedBody, status: number, headers: Headers): Response {
  const answer = encodedAnswer(
    { method: req.method, ifNoneMatch: req.headers.get('If-None-Match') ?? undefined, acceptEncoding: req.headers.get('Accept-Encoding') ?? undefined },
    body,
    status,
    headers,
  )
  return new Response((answer.bytes ?? null) as Uint8Array<ArrayBuffer> | null, { status: answer.status, headers: answer.headers })
}

/**
 * Compresses and tags text answers that are not already encoded. Answers that carry
 * their own Content-Encoding or ETag (static assets, cached pages) pass unchanged.
 */
export function compression(): MiddlewareHandler {
  return async function compressAnswer(c, next) {
    await next()
    const res = c.res
    if (!res.body || res.headers.has('Content-Encoding') || res.headers.has('ETag')) return
    if (res.status === 204 || res.status === 304 || (res.status >= 300 && res.status < 400)) return
    if (!COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '')) return
    const body = new Uint8Array(await res.arrayBuffer())
    c.res = undefined as unknown as Response
    c.res = sendEncoded(c.req.raw, encodeBody(body), res.status, res.headers)
  }
}
