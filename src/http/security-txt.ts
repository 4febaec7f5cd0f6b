// /.well-known/security.txt (RFC 9116): where to report a vulnerability, from the
// collective's contact address in site.toml. A deployment has no other security contact.
import { Hono } from 'hono'
import type { AppEnv } from './env.js'

export const securityTxt = new Hono<AppEnv>()

/** RFC 9116 asks for an expiry under a year away, so that a stale file stops being trusted. */
const VALID_DAYS = 180

securityTxt.get('/.well-known/security.txt', (c) => {
  const { ctx } = c.var
  const site = ctx.config.site
  const expires = new Date(ctx.now().getTime() + VALID_DAYS * 86_400_000)
  expires.setUTCHours(0, 0, 0, 0)
  const lines = [
    `Contact: mailto:${site.contactEmail}`,
    `Expires: ${expires.toISOString().replace('.000Z', 'Z')}`,
    `Preferred-Languages: ${site.locales.join(', ')}`,
    `Canonical: ${ctx.config.baseUrl}/.well-known/security.txt`,
    '',
  ]
  c.header('Cache-Control', 'public, max-age=86400')
  return c.text(lines.join('\n'))
})
