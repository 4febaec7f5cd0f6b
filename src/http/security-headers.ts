// Headers every answer carries: nothing loads from elsewhere, nothing runs inline,
// no referrer leaks a token, and pages cannot be framed.
import type { MiddlewareHandler } from 'hono'
import type { Config } from '../config.js'

/**
 * What a mail shown as it will arrive may use (the moderators' preview of a news mail):
 * its own inline styles, as mail clients read them, and nothing else at all: no script,
 * no form, no request anywhere.
 */
export const MAIL_PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

/** Sets the security headers on a set of answer headers. */
export function applySecurityHeaders(config: Config, h: Headers): void {
  // The mail preview's policy is kept: it allows inline styles and denies everything else.
  if (h.get('Content-Security-Policy') !== MAIL_PREVIEW_CSP)
    h.set(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'",
    )
  h.set('X-Content-Type-Options', 'nosniff')
  h.set('Referrer-Policy', 'no-referrer')
  h.set(
    'Permissions-Policy',
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  )
  h.set('Cross-Origin-Opener-Policy', 'same-origin')
  if (config.baseUrl.startsWith('https://'))
    h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
}

export function securityHeaders(config: Config): MiddlewareHandler {
  return async function setSecurityHeaders(c, next) {
    await next()
    applySecurityHeaders(config, c.res.headers)
  }
}
