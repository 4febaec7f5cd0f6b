// Rate limits per client network on the forms that send mail. Over the limit, the
// visitor gets a localised page saying how long to wait (429 with Retry-After);
// nothing they typed is recorded. Which limits apply, with which settings, is said
// once, in formLimits (src/domain/rate-limits.ts); the moderators' login counts its
// own (src/domain/admin-sessions.ts), as the limits depend on the address typed.
import type { Context, MiddlewareHandler } from 'hono'
import { normalizeEmail } from '../domain/normalize-email.js'
import { formLimits, formStampTally, signDomainTally, type Limit, type Tally } from '../domain/rate-limits.js'
import { ErrorPage } from '../views/pages.js'
import { formStampOf, originOf } from './request-facts.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'
import { formText } from './form-body.js'

export type LimitedRoute = 'sign' | 'manage' | 'relay'

/** The localised 429 page: how long to wait, and that nothing was saved. */
/**
 * How long to wait, as the message says it: in seconds up to a minute and a half, in
 * whole minutes (rounded up) beyond. `minutes` is 0 while seconds are meant.
 */
export function waitOf(seconds: number): { seconds: number; minutes: number } {
  return { seconds, minutes: seconds <= 90 ? 0 : Math.ceil(seconds / 60) }
}

function tooManyRequests(c: Context<AppEnv>, retryAfterSeconds: number) {
  const p = c.var.page
  c.header('Retry-After', String(retryAfterSeconds))
  return render(
    c,
    <ErrorPage
      p={p}
      title={p.m.abuse.tooManyTitle}
      body={p.m.abuse.tooManyBody(waitOf(retryAfterSeconds))}
    />,
    429,
  )
}

/**
 * How a signature counts: once with the form's valid timestamp, `unstamped_weight`
 * times without one, and not at all against its network when its address is in an
 * allow-listed domain. Each is also tallied per e-mail domain, for the hourly report,
 * and each use of a timestamp is tallied: beyond form_stamp_uses, it counts as none.
 */
async function signCount(
  c: Context<AppEnv>,
): Promise<{ weight: number; stamped: boolean; tallies: Tally[] }> {
  const { ctx } = c.var
  const limits = ctx.config.site.limits
  const body = await c.req.parseBody()
  const typed = formText(body, 'email')
  const email = typed === undefined ? undefined : normalizeEmail(typed)
  const tallies = email ? [signDomainTally(email.domain)] : []
  if (email && limits.allowDomains.includes(email.domain)) return { weight: 0, stamped: false, tallies }
  const value = formText(body, 'form_ts')
  if (formStampOf(c, value).kind !== 'valid')
    return { weight: limits.unstampedWeight, stamped: false, tallies }
  return { weight: 1, stamped: true, tallies: [...tallies, formStampTally(value!)] }
}

/** Limits POSTs to a route per client network; mount it before the route's handler. */
export function rateLimit(route: LimitedRoute): MiddlewareHandler<AppEnv> {
  return async function rateLimitMiddleware(c, next) {
    if (c.req.method !== 'POST') return next()
    const { ctx } = c.var
    const l = ctx.config.site.limits
    const now = ctx.now()
    const counted = route === 'sign' ? await signCount(c) : { weight: 1, stamped: false, tallies: [] }
    const limits: Limit[] = counted.weight === 0 ? [] : formLimits(route, l, originOf(c))
    if (limits.length === 0 && counted.tallies.length === 0) return next()
    let outcome = await ctx.limiter.hit(limits, counted.weight, now, counted.tallies)
    // A timestamp used more often than a person would: this use counts as unstamped.
    if (counted.stamped && outcome.totals.at(-1)! > l.formStampUses && l.unstampedWeight > 1) {
      outcome = await ctx.limiter.hit(limits, l.unstampedWeight - 1, now)
    }
    if (outcome.ok) return next()
    return tooManyRequests(c, outcome.retryAfterSeconds)
  }
}
