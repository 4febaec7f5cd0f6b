// Rate limits per client network on the routes that write or send mail. Over the
// limit, the visitor gets a localised page saying how long to wait (429 with
// Retry-After); nothing they typed is recorded.
import type { Context, MiddlewareHandler } from 'hono'
import { readFormStamp } from '../domain/form-stamp.js'
import { normalizeEmail } from '../domain/normalize-email.js'
import { networkKey } from '../domain/network.js'
import { addHits, hitLimits, inNetworks, type Limit } from '../domain/rate-limits.js'
import { ErrorPage } from '../views/pages.js'
import { clientAddress } from './client-address.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'

export type LimitedRoute = 'sign' | 'manage' | 'login'

const MINUTE = 60_000
const HOUR = 3600_000

/**
 * A signature counts once with the form's valid timestamp and more without one; it
 * does not count at all when its address is in an allow-listed domain. Each
 * submission is also tallied per e-mail domain, for the hourly report.
 */
async function signWeight(c: Context<AppEnv>): Promise<number> {
  const { ctx } = c.var
  const body = await c.req.parseBody()
  const email = typeof body.email === 'string' ? normalizeEmail(body.email) : undefined
  const limits = ctx.config.site.limits
  if (email) {
    await ctx.transact((tx) => addHits(tx, `sign:domain:${email.domain}`, MINUTE, 1, ctx.now()))
    if (limits.allowDomains.includes(email.domain)) return 0
  }
  const stamp = readFormStamp(ctx.config.secret, typeof body.form_ts === 'string' ? body.form_ts : undefined, ctx.now())
  return stamp.kind === 'valid' ? 1 : limits.unstampedWeight
}

function limitsFor(route: LimitedRoute, c: Context<AppEnv>, net: string): Limit[] {
  const l = c.var.ctx.config.site.limits
  if (route === 'sign') {
    return [
      { bucket: `sign:net:${net}:m`, windowMs: MINUTE, max: l.signPerMinute },
      { bucket: `sign:net:${net}:h`, windowMs: HOUR, max: l.signPerHour },
    ]
  }
  return [{ bucket: `${route}:net:${net}:m`, windowMs: MINUTE, max: route === 'manage' ? l.managePerMinute : l.loginPerMinute }]
}

/** Limits POSTs to a route per client network; mount it before the route's handler. */
export function rateLimit(route: LimitedRoute): MiddlewareHandler<AppEnv> {
  return async function rateLimitMiddleware(c, next) {
    if (c.req.method !== 'POST') return next()
    const { ctx } = c.var
    const address = clientAddress(c, ctx.config.trustedProxyHops)
    if (inNetworks(address, ctx.config.site.limits.allowNetworks)) return next()
    const weight = route === 'sign' ? await signWeight(c) : 1
    if (weight === 0) return next()
    const limits = limitsFor(route, c, networkKey(ctx.config.secret, address))
    const outcome = await ctx.transact((tx) => hitLimits(tx, limits, weight, ctx.now()))
    if (outcome.ok) return next()
    const p = c.var.page
    c.header('Retry-After', String(outcome.retryAfterSeconds))
    return render(c, <ErrorPage p={p} title={p.m.abuse.tooManyTitle} body={p.m.abuse.tooManyBody(outcome.retryAfterSeconds)} />, 429)
  }
}
