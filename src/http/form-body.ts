// Every form route reads its fields with c.req.parseBody(). This reads the body once,
// before any route, for every request that carries a form: Hono keeps what it parsed
// for the route's own call, and a body that cannot be parsed (a multipart body
// without its boundary, cut short, or not multipart at all) is answered in one place,
// as a bad request, instead of failing in whichever route met it first.
import type { HttpBindings } from '@hono/node-server'
import type { Context, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { AppError } from '../domain/errors.js'

const FORM = /^\s*(multipart\/form-data|application\/x-www-form-urlencoded)\b/i

export function formBody(): MiddlewareHandler {
  return async function readFormBody(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && FORM.test(c.req.header('Content-Type') ?? '')) {
      try {
        await c.req.parseBody()
      } catch (err) {
        // Too large (413, from bodyLimit) and a client gone mid-upload are answered by the error handler.
        if (err instanceof HTTPException || clientGone(c)) throw err
        throw new AppError('bad_request', 'malformed form body')
      }
    }
    await next()
  }
}

/**
 * Whether the client closed its connection before its request was read whole: a
 * phone losing its signal mid-upload, a tab closed. The body stream then fails with
 * ECONNRESET, the code a lost database connection also has; nothing was written,
 * and nobody is left to read an answer. A client that sent its whole request and
 * left while it was being handled is not this case: what failed then is logged.
 */
export function clientGone(c: Context): boolean {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming
  return (
    incoming !== undefined && !incoming.complete && (incoming.destroyed || c.req.raw.signal?.aborted === true)
  )
}

/**
 * A text field of a parsed form body. A field absent, sent as a file, or repeated
 * (name=a&name=b, which no form of ours sends) is undefined: a route never has to
 * guess what a hand-made request meant.
 */
export function formText(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name]
  return typeof value === 'string' ? value : undefined
}
