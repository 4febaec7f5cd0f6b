// Encoded answers: how every body this site sends is compressed, tagged and answered,
// written once. A body is an EncodedBody: its bytes, the one ETag that names its
// content, and each compressed form once computed. Its PreparedAnswers are every
// answer it gives (the 304, the body in each encoding), each built on first use with
// its full headers and kept, so that answering is a lookup and a write.
// Three kinds of answer go through it: bodies made once (assets, kit files) are
// prepared by their route, which answers with `answer`; kept pages are prepared once
// per render by the page cache; any other text answer is prepared on its way out by
// the `compression` middleware.
import { createHash } from 'node:crypto'
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib'
import type { Context, MiddlewareHandler } from 'hono'
import { negotiateEncoding, type Encoding } from './accept.js'

export type { Encoding }

/** Below this many bytes, compressing while serving saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1024

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/

/**
 * Brotli quality for everything compressed while serving. Measured on this project's
 * pages (17–20 KB, and a 30 KB cut of two of them) on a small 2-core machine, median:
 * quality 4 takes ~0.4–0.6 ms, 5 ~0.5–0.8 ms, 6–8 about the same as 5 for a few
 * bytes less, 11 takes 20–30 ms for 8–18 % less. A kept page is compressed again each
 * time it is rendered (at most once a second per page), on the event loop: at 11 that
 * stalled every other request ~20 ms a second for `/` and again for `/en/`. 5 keeps
 * it under a millisecond and still beats gzip by about 5 %. Files compressed once for
 * the life of the process (assets, kit artwork: `effort: 'best'`) keep 11.
 */
export const BROTLI_QUALITY = 5
const GZIP_LEVEL = 6

export interface EncodedBody {
  identity: Uint8Array
  etag: string
  /** 'best': compressed once and served for long, so compressed however small. */
  effort: 'serving' | 'best'
  /** The body in this encoding, compressed on first use and kept. */
  encoded(encoding: Encoding): Uint8Array
}

/**
 * The validator of some content: the same content always gives the same tag. Weak,
 * since one tag names the content in every encoding it is sent in.
 */
export function contentEtag(content: Uint8Array | string): string {
  return `W/"${createHash('sha256').update(content).digest('base64url').slice(0, 22)}"`
}

export interface EncodeOptions {
  /** The body's validator when it is not the hash of its bytes (a kept page, see page-cache.ts). */
  etag?: string
  /** 'best' for bodies made once and kept (assets, kit artwork): brotli 11, gzip 9. */
  effort?: 'serving' | 'best'
}

export function encodeBody(body: Uint8Array, options: EncodeOptions = {}): EncodedBody {
  const effort = options.effort ?? 'serving'
  const brotliQuality = effort === 'best' ? zlib.BROTLI_MAX_QUALITY : BROTLI_QUALITY
  const kept: Partial<Record<Encoding, Uint8Array>> = {}
  return {
    identity: body,
    etag: options.etag ?? contentEtag(body),
    effort,
    encoded(encoding) {
      kept[encoding] ??=
        encoding === 'br'
          ? brotliCompressSync(body, {
              params: {
                [zlib.BROTLI_PARAM_QUALITY]: brotliQuality,
                [zlib.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
              },
            })
          : gzipSync(body, { level: effort === 'best' ? 9 : GZIP_LEVEL })
      return kept[encoding]!
    },
  }
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

/** An answer ready to write, to node:http or as a fetch Response. */
export interface PreparedAnswer {
  status: number
  /** Name and value pairs, which writeHead and Response both take (a Set-Cookie each its own). */
  headers: [string, string][]
  /** Absent for a 304. */
  bytes?: Uint8Array
}

/** Every answer a body gives, each built once, on first use, and handed out again. */
export interface PreparedAnswers {
  body: EncodedBody
  status: number
  /** The answer for a request with these headers. */
  for(request: EncodingRequest): PreparedAnswer
}

/** Which of its answers a body gives to a request: 304, or `status` in one encoding. */
type Variant = 'not-modified' | Encoding | 'identity'

/**
 * The answers of a body sent with `status` and `headers` (type, cache, security…,
 * everything but what the encoding decides): 304 to a GET or HEAD that names its ETag,
 * otherwise the smallest encoding the client accepts, with ETag, Vary, Content-Encoding
 * and Content-Length set here and nowhere else.
 */
export function prepareAnswers(body: EncodedBody, status: number, headers: HeadersInit): PreparedAnswers {
  const base = new Headers(headers)
  base.delete('Content-Encoding')
  const compressible =
    COMPRESSIBLE.test(base.get('Content-Type') ?? '') &&
    (body.effort === 'best' || body.identity.byteLength >= COMPRESS_MIN_BYTES)
  // Every answer of a compressible body depends on Accept-Encoding, the plain one too.
  if (compressible) addVary(base, 'Accept-Encoding')
  const kept = new Map<string, PreparedAnswer>()

  function build(variant: Variant, cacheable: boolean): PreparedAnswer {
    const out = new Headers(base)
    if (cacheable) out.set('ETag', body.etag)
    if (variant === 'not-modified') {
      out.delete('Content-Length')
      out.delete('Content-Type')
      return { status: 304, headers: [...out] }
    }
    const bytes = variant === 'identity' ? body.identity : body.encoded(variant)
    if (variant !== 'identity') out.set('Content-Encoding', variant)
    out.set('Content-Length', String(bytes.byteLength))
    return { status, headers: [...out], bytes }
  }

  return {
    body,
    status,
    for(request) {
      // A validator is only given, and a 304 only answered, for what a GET or HEAD may reuse.
      const cacheable = status === 200 && (request.method === 'GET' || request.method === 'HEAD')
      const variant: Variant =
        cacheable && matchesEtag(request.ifNoneMatch, body.etag)
          ? 'not-modified'
          : (compressible && negotiateEncoding(request.acceptEncoding)) || 'identity'
      const key = cacheable ? variant : `${variant}, untagged`
      let answer = kept.get(key)
      if (!answer) {
        answer = build(variant, cacheable)
        kept.set(key, answer)
      }
      return answer
    },
  }
}

/** The answer to a fetch Request. */
export function answerRequest(req: Request, answers: PreparedAnswers): Response {
  const answer = answers.for({
    method: req.method,
    ifNoneMatch: req.headers.get('If-None-Match') ?? undefined,
    acceptEncoding: req.headers.get('Accept-Encoding') ?? undefined,
  })
  return new Response((answer.bytes ?? null) as Uint8Array<ArrayBuffer> | null, {
    status: answer.status,
    headers: answer.headers,
  })
}

/** The answer of a route whose body is prepared. */
export function answer(c: Context, answers: PreparedAnswers): Response {
  return answerRequest(c.req.raw, answers)
}

/**
 * Compresses and tags text answers on their way out. Answers that carry their own
 * Content-Encoding or ETag were prepared already (assets, kit files, kept pages) and
 * pass unchanged.
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
    c.res = answerRequest(c.req.raw, prepareAnswers(encodeBody(body), res.status, res.headers))
  }
}
