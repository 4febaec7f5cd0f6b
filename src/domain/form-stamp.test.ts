import { describe, expect, it } from 'vitest'
import { issueFormStamp, readFormStamp, STAMP_REVALIDATION_MS, stampFreeContent } from './form-stamp.js'

const secret = 'x'.repeat(40)
const t0 = new Date('2026-11-29T10:00:00.000Z')
const later = (ms: number) => new Date(t0.getTime() + ms)

describe('the form timestamp', () => {
  it('tells how long ago the form was shown', () => {
    expect(readFormStamp(secret, issueFormStamp(secret, t0), later(4000))).toEqual({
      kind: 'valid',
      ageMs: 4000,
    })
  })
  it('is worth nothing when missing, forged, signed with another secret or days old', () => {
    const stamp = issueFormStamp(secret, t0)
    expect(readFormStamp(secret, undefined, t0).kind).toBe('missing')
    expect(readFormStamp(secret, stamp.replace(/^\d+/, String(t0.getTime() - 60_000)), t0).kind).toBe(
      'missing',
    )
    expect(readFormStamp('y'.repeat(40), stamp, t0).kind).toBe('missing')
    expect(readFormStamp(secret, stamp, later(3 * 24 * 3600_000)).kind).toBe('missing')
  })
  it("leaves out of a page's validator the stamp, but not the period it was made in", () => {
    const page = (at: Date) =>
      `<form><input type="hidden" name="form_ts" value="${issueFormStamp(secret, at)}"/><p>1 234</p></form>`
    expect(stampFreeContent(page(t0), t0)).toBe(stampFreeContent(page(later(1000)), later(1000)))
    expect(stampFreeContent(page(t0), t0)).not.toBe(stampFreeContent(page(t0).replace('1 234', '1 235'), t0))
    const nextPeriod = later(STAMP_REVALIDATION_MS)
    expect(stampFreeContent(page(t0), t0)).not.toBe(stampFreeContent(page(nextPeriod), nextPeriod))
    // A copy confirmed by a 304 was rendered in the current period: its stamp is still valid.
    expect(readFormStamp(secret, issueFormStamp(secret, t0), later(STAMP_REVALIDATION_MS)).kind).toBe('valid')
  })
})
