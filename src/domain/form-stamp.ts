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
