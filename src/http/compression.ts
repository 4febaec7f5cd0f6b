// Compression and validation for text answers: gzip or brotli when the client accepts
// it, a weak ETag (hash of the body, unless the caller names the content otherwise)
// that turns a repeated request into a 304.
// An encoded body keeps each compressed form once computed, so a page cached in
// memory can be kept as an EncodedBody and served without compressing again.
import { createHash } from 'node:crypto'
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'

/** Below this many bytes, compression saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/

/**
 * Brotli quality for everything compressed while serving. Measured on this project's
 * pages (17–20 KB, and a 30 KB cut of two of them) on a small 2-core machine, median:
 * quality 4 takes ~0.4–0.6 ms, 5 ~0.5–0.8 ms, 6–8 about the same as 5 for a few
 * bytes less, 11 takes 20–30 ms for 8–18 % less. A kept page is compressed again each
 * time it is rendered (at most once a second per page), on the event loop: at 11 that
 * stalled every other request ~20 ms a second for `/` and again for `/en/`. 5 keeps
 * it under a millisecond and still beats gzip by about 5 %. Files compressed once at
 * start-up (assets, kit artwork) keep 11.
 */
export const BROTLI_QUALITY = 5
const GZIP_LEVEL = 6

export type Encoding = 'br' | 'gzip'

export interface EncodedBody {
  identity: Uint8Array
  etag: string
  /** The body in this encoding, compressed on first use and kept. */
  encoded(encoding: Encoding): Uint8Array
}

/** A weak validator naming some content: the same content always gives the same tag. */
export function weakEtag(content: Uint8Array | string): string {
  return `W/"${createHash('sha256').update(content).digest('base64url').slice(0, 22)}"`
}

export interface EncodeOptions {
  /** The body's validator when it is not the hash of its bytes (a kept page, see page-cache.ts). */
  etag?: string
}

export function encodeBody(body: Uint8Array, options: EncodeOptions = {}): EncodedBody {
  const kept: Partial<Record<Encoding, Uint8Array>> = {}
  return {
    identity: body,
    etag: options.etag ?? weakEtag(body),
    encoded(encoding) {
      kept[encoding] ??=
        encoding === 'br'
          ? brotliCompressSync(body, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
                [zlib.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
              },
            })
          : gzipSync(body, { level: GZIP_LEVEL })
      return kept[encoding]!
    },
  }
}

/**
 * The best encoding the client accepts (brotli first), or undefined for the plain body.
 * A coding is accepted when listed with a q above 0, or covered by `*` with one;
 * `br;q=0` refuses brotli even when `*` is accepted. Names and parameters are read
 * without regard to case or spaces (`BR ; Q=0`).
 */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const q = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [rawName, ...params] = part.split(';')
    const name = rawName!.trim()
    if (!name) continue
    const qParam = params.map((p) => p.replace(/\s+/g, '')).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    q.set(name, Number.isFinite(value) ? value : 0)
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
  else if (
    !vary
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(name.toLowerCase())
  )
    headers.set('Vary', `${vary}, ${name}`)
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

/** Which of its answers a body gives to a request: 304, or 200 in one encoding. */
type Variant = 'not-modified' | Encoding | 'identity'

/** A validator is only given for what a GET or HEAD may reuse. */
function isCacheable(method: string, status: number): boolean {
  return status === 200 && (method === 'GET' || method === 'HEAD')
}

function variantFor(request: EncodingRequest, body: EncodedBody, status: number): Variant {
  if (isCacheable(request.method, status) && matchesEtag(request.ifNoneMatch, body.etag))
    return 'not-modified'
  if (body.identity.byteLength < COMPRESS_MIN_BYTES) return 'identity'
  return negotiateEncoding(request.acceptEncoding) ?? 'identity'
}

function buildAnswer(
  variant: Variant,
  body: EncodedBody,
  status: number,
  headers: Headers,
  cacheable: boolean,
): EncodedAnswer {
  const out = new Headers(headers)
  if (cacheable) out.set('ETag', body.etag)
  // Every answer of a compressible body depends on Accept-Encoding, the plain one too.
  if (body.identity.byteLength >= COMPRESS_MIN_BYTES) addVary(out, 'Accept-Encoding')
  if (variant === 'not-modified') {
    out.delete('Content-Length')
    out.delete('Content-Type')
    return { status: 304, headers: out }
  }
  const bytes = variant === 'identity' ? body.identity : body.encoded(variant)
  if (variant === 'identity') out.delete('Content-Encoding')
  else out.set('Content-Encoding', variant)
  out.set('Content-Length', String(bytes.byteLength))
  return { status, headers: out, bytes }
}

/**
 * The answer for an encoded body: 304 when the client already has it, otherwise the
 * smallest encoding it accepts. `headers` are those of the answer (type, cache, security…).
 */
export function encodedAnswer(
  request: EncodingRequest,
  body: EncodedBody,
  status: number,
  headers: Headers,
): EncodedAnswer {
  return buildAnswer(
    variantFor(request, body, status),
    body,
    status,
    headers,
    isCacheable(request.method, status),
  )
}

/** An answer ready to write: status, headers as node:http takes them, and the bytes (none for a 304). */
export interface PreparedAnswer {
  status: number
  headers: Record<string, string>
  bytes?: Uint8Array
}

/**
 * Every answer a kept body gives to a GET (the 304, and the body in each encoding),
 * each built once, on first use, and kept with its full headers: answering a request
 * is then a lookup and a write.
 */
export interface PreparedAnswers {
  body: EncodedBody
  status: number
  /** The answer for a GET with these headers. */
  forGet(request: Omit<EncodingRequest, 'method'>): PreparedAnswer
}

export function prepareAnswers(body: EncodedBody, status: number, headers: Headers): PreparedAnswers {
  const kept = new Map<Variant, PreparedAnswer>()
  return {
    body,
    status,
    forGet(request) {
      const variant = variantFor({ method: 'GET', ...request }, body, status)
      let answer = kept.get(variant)
      if (!answer) {
        const built = buildAnswer(variant, body, status, headers, isCacheable('GET', status))
        answer = { status: built.status, headers: Object.fromEntries(built.headers), bytes: built.bytes }
        kept.set(variant, answer)
      }
      return answer
    },
  }
}

/** The same, as a fetch Response. */
export function sendEncoded(req: Request, body: EncodedBody, status: number, headers: Headers): Response {
  const answer = encodedAnswer(
    {
      method: req.method,
      ifNoneMatch: req.headers.get('If-None-Match') ?? undefined,
      acceptEncoding: req.headers.get('Accept-Encoding') ?? undefined,
    },
    body,
    status,
    headers,
  )
  return new Response((answer.bytes ?? null) as Uint8Array<ArrayBuffer> | null, {
    status: answer.status,
    headers: answer.headers,
  })
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
