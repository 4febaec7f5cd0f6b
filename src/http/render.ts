import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { JSX } from 'hono/jsx/jsx-runtime'

/**
 * Sends a page with its doctype (hono/jsx leaves it out, which would mean quirks mode).
 * Public pages are `no-cache`: kept, but revalidated with their ETag, since counts
 * change. A route that answers with a secret in its URL sets `no-store` first, and
 * keeps it.
 */
export function render(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200): Response {
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache')
  return c.html(`<!DOCTYPE html>${String(page)}`, status)
}
