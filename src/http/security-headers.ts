// Headers every answer carries: nothing loads from elsewhere, nothing runs inline,
// no referrer leaks a token, and pages cannot be framed.
import type { MiddlewareHandler } from 'hono'
import type { Config } from '../config.js'

/** Sets the security headers on a set of answer headers. */
export function applySecurityHeaders(config: Config, h: Headers): void {
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
