// Headers every answer carries: nothing loads from elsewhere, nothing runs inline,
// no referrer leaks a token, and pages cannot be framed.
import type { MiddlewareHandler } from 'hono'
import type { Config } from '../config.js'

export function securityHeaders(config: Config): MiddlewareHandler {
  const https = config.baseUrl.startsWith('https://')
  return async function setSecurityHeaders(c, next) {
    await next()
    const h = c.res.headers
    h.set(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'",
    )
    h.set('X-Content-Type-Options', 'nosniff')
    h.set('Referrer-Policy', 'no-referrer')
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()')
    h.set('Cross-Origin-Opener-Policy', 'same-origin')
    if (https) h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
  }
}
