import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { JSX } from 'hono/jsx/jsx-runtime'

/** Sends a page with its doctype (hono/jsx leaves it out, which would mean quirks mode). */
export function render(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200): Response {
  c.header('Cache-Control', 'no-cache')
  return c.html('<!DOCTYPE html>' + String(page), status)
}
