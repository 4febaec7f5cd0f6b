// The sign form carries the time it was shown, signed with the server's secret: a
// form sent back sooner than a person could fill it is asked again, and one without
// a valid stamp (embedded on another site, or scripted) still works but counts more
// against its network's rate limit.
import { createHmac, timingSafeEqual } from 'node:crypto'

/** Stamps older than this are treated as missing (a page left open for days). */
const MAX_AGE_MS = 24 * 3600_000

function mac(secret: string, ms: number): string {
  return createHmac('sha256', secret).update(`form:${ms}`).digest('base64url').slice(0, 22)
}

export function issueFormStamp(secret: string, now: Date): string {
  const ms = now.getTime()
  return `${ms}.${mac(secret, ms)}`
}

/**
 * A kept page's ETag (see publicPageCache in app.ts) names the page with its stamp
 * masked, plus the period of this length in which it was rendered. The stamp is made
 * anew at each render, so hashing the page as sent would change the ETag every second
 * and a browser revalidating an unchanged page would never get a 304. Masked alone,
 * though, the ETag would let a 304 confirm a copy kept for days, whose stamp may be
 * past MAX_AGE_MS (and so count as missing, weighing more against the network's rate
 * limit). With the period in it, a 304 only ever confirms a copy rendered within the
 * current period: its stamp is at most an hour old, with 23 hours of validity left.
 * What a stamp means does not change: a page sent in full (200) carries a stamp made
 * at most a page-cache lifetime (a second) before, as before; a 304 lets the visitor
 * keep the stamp it already had, which it could have posted again anyway: a stamp is
 * reusable for its whole validity, and the minimum fill time only ever bounded the
 * time since a stamp was issued.
 */
export const STAMP_REVALIDATION_MS = 3600_000

const STAMP_IN_FORM = /(name="form_ts" value=")\d{1,15}\.[A-Za-z0-9_-]{22}"/g

/** What a rendered page's ETag is computed over: the page with its stamps masked, and the period. */
export function stampFreeContent(html: string, now: Date): string {
  return `${Math.floor(now.getTime() / STAMP_REVALIDATION_MS)}\n${html.replace(STAMP_IN_FORM, '$1stamp"')}`
}

export type StampReading = { kind: 'missing' } | { kind: 'valid'; ageMs: number }

/** Reads a posted stamp: a forged, malformed or stale one is as good as none. */
export function readFormStamp(secret: string, value: string | undefined, now: Date): StampReading {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(value ?? '')
  if (!m) return { kind: 'missing' }
  const ms = Number(m[1])
  const expected = Buffer.from(mac(secret, ms))
  const given = Buffer.from(m[2]!)
  if (!timingSafeEqual(expected, given)) return { kind: 'missing' }
  const ageMs = now.getTime() - ms
  if (ageMs < -60_000 || ageMs > MAX_AGE_MS) return { kind: 'missing' }
  return { kind: 'valid', ageMs: Math.max(0, ageMs) }
}
