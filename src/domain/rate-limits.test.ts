import { describe, expect, it } from 'vitest'
import { canonicalMailbox, mailboxKey, normalizeEmail } from './normalize-email.js'
import {
  formLimits,
  judge,
  limiterOver,
  memoryWindows,
  MINUTE_MS,
  HOUR_MS,
  windowStart,
  type Limit,
} from './rate-limits.js'
import type { LimitsConfig } from '../config.js'

const at = (iso: string) => new Date(iso)
const perMinute = (max: number): Limit => ({ bucket: 'b:m', windowMs: MINUTE_MS, max })
const perHour = (max: number): Limit => ({ bucket: 'b:h', windowMs: HOUR_MS, max })

describe('fixed windows', () => {
  it('starts a window on its boundary, whatever the instant inside it', () => {
    expect(windowStart(at('2026-11-28T10:00:00.000Z'), MINUTE_MS)).toBe(
      at('2026-11-28T10:00:00.000Z').getTime(),
    )
    expect(windowStart(at('2026-11-28T10:00:59.999Z'), MINUTE_MS)).toBe(
      at('2026-11-28T10:00:00.000Z').getTime(),
    )
    expect(windowStart(at('2026-11-28T10:59:30.000Z'), HOUR_MS)).toBe(
      at('2026-11-28T10:00:00.000Z').getTime(),
    )
  })

  it('refuses once a total goes over its maximum, until that window ends', () => {
    const now = at('2026-11-28T10:00:45.200Z')
    expect(judge([perMinute(3)], [3], now)).toEqual({ ok: true })
    expect(judge([perMinute(3)], [4], now)).toEqual({ ok: false, retryAfterSeconds: 15 })
  })

  it('asks to wait for the latest window over its limit, and never less than a second', () => {
    const now = at('2026-11-28T10:30:59.900Z')
    expect(judge([perMinute(1), perHour(1)], [2, 2], now)).toEqual({
      ok: false,
      retryAfterSeconds: 29 * 60 + 1,
    })
    expect(judge([perMinute(1), perHour(9)], [2, 2], now)).toEqual({ ok: false, retryAfterSeconds: 1 })
  })
})

describe('the limiter over windows in memory', () => {
  it('counts weighted hits per window, and starts again in the next window', async () => {
    const limiter = limiterOver(memoryWindows())
    const t0 = at('2026-11-28T10:00:10.000Z')
    expect((await limiter.hit([perMinute(3)], 2, t0)).ok).toBe(true)
    const over = await limiter.hit([perMinute(3)], 2, t0)
    expect(over).toMatchObject({ ok: false, totals: [4] })
    // A refused request still counts.
    expect((await limiter.hit([perMinute(3)], 1, t0)).totals).toEqual([5])
    expect(await limiter.hit([perMinute(3)], 1, at('2026-11-28T10:01:00.000Z'))).toMatchObject({
      ok: true,
      totals: [1],
    })
  })

  it('counts a tally once, beside the limits, and refuses nothing for it', async () => {
    const limiter = limiterOver(memoryWindows())
    const now = at('2026-11-28T10:00:10.000Z')
    for (let i = 0; i < 5; i++) await limiter.hit([], 3, now, [{ bucket: 't', windowMs: MINUTE_MS }])
    expect(await limiter.hit([perMinute(100)], 3, now, [{ bucket: 't', windowMs: MINUTE_MS }])).toEqual({
      ok: true,
      totals: [3, 6],
    })
  })

  it('reports the last hour of signing per network and domain, and forgets older windows', async () => {
    const limiter = limiterOver(memoryWindows())
    const early = at('2026-11-28T08:00:00.000Z')
    const now = at('2026-11-28T10:00:00.000Z')
    await limiter.hit([{ bucket: 'sign:net:AAAA:m', windowMs: MINUTE_MS, max: 99 }], 50, early)
    for (const minute of [1, 2, 3]) {
      await limiter.hit(
        [{ bucket: 'sign:net:AAAA:m', windowMs: MINUTE_MS, max: 99 }],
        2,
        new Date(now.getTime() - minute * MINUTE_MS),
        [{ bucket: 'sign:domain:inria.fr', windowMs: MINUTE_MS }],
      )
    }
    await limiter.hit([{ bucket: 'manage:net:AAAA:m', windowMs: MINUTE_MS, max: 99 }], 50, now)
    expect(await limiter.listOutliers(now, { networkPerHour: 5, domainPerHour: 2 })).toEqual([
      { kind: 'network', subject: 'AAAA', hits: 6 },
      { kind: 'domain', subject: 'inria.fr', hits: 3 },
    ])
    await limiter.purge(now)
    // The 08:00 window is gone: counting there again starts from nothing.
    expect(
      (await limiter.hit([{ bucket: 'sign:net:AAAA:m', windowMs: MINUTE_MS, max: 99 }], 1, early)).totals,
    ).toEqual([1])
  })

  it('keeps memory bounded, forgetting the oldest windows first', async () => {
    const store = memoryWindows(10)
    const now = at('2026-11-28T10:00:00.000Z')
    for (let i = 0; i < 30; i++) await store.add([{ bucket: `b${i}`, windowMs: MINUTE_MS, weight: 1 }], now)
    const left = await store.totalsSince(['b%'], now)
    expect(left.size).toBeLessThanOrEqual(10)
    expect(left.has('b29')).toBe(true)
    expect(left.has('b0')).toBe(false)
  })
})

describe('limits per form', () => {
  const l = {
    signPerMinute: 60,
    signPerHour: 600,
    managePerMinute: 20,
    relayPerMinute: 5,
    loginPerMinute: 10,
  } as LimitsConfig
  it('counts each form per network, and an allow-listed network against nothing', () => {
    expect(formLimits('sign', l, { network: 'N', allowListed: false }).map((x) => [x.bucket, x.max])).toEqual(
      [
        ['sign:net:N:m', 60],
        ['sign:net:N:h', 600],
      ],
    )
    expect(formLimits('relay', l, { network: 'N', allowListed: false })[0]!.max).toBe(5)
    expect(formLimits('login', l, { network: 'N', allowListed: false })[0]!.max).toBe(10)
    expect(formLimits('manage', l, { network: 'N', allowListed: true })).toEqual([])
  })
})

describe('one mailbox, whatever its +tag, dots or case', () => {
  const mailbox = (raw: string) => canonicalMailbox(normalizeEmail(raw)!)

  it('folds case and drops the +tag at every provider', () => {
    expect(mailbox('Victim+news@Example.org')).toBe('victim@example.org')
    expect(mailbox('VICTIM@example.org')).toBe('victim@example.org')
    expect(mailbox('victim+a+b@univ-tlse3.fr')).toBe('victim@univ-tlse3.fr')
  })

  it('drops the dots at Gmail, and reads googlemail.com as gmail.com', () => {
    expect(mailbox('v.i.c.t.i.m+1@gmail.com')).toBe('victim@gmail.com')
    expect(mailbox('Victim@GoogleMail.com')).toBe('victim@gmail.com')
  })

  it('keeps the dots elsewhere, where they may name another person', () => {
    expect(mailbox('jean.dupont@cnrs.fr')).toBe('jean.dupont@cnrs.fr')
    expect(mailbox('jeandupont@cnrs.fr')).not.toBe(mailbox('jean.dupont@cnrs.fr'))
  })

  it('keeps a local part that is only a +tag', () => {
    expect(mailbox('+news@example.org')).toBe('+news@example.org')
  })

  it('hashes the mailbox with the secret, never showing it', () => {
    const secret = 'x'.repeat(40)
    const key = mailboxKey(secret, normalizeEmail('Victim+1@gmail.com')!)
    expect(key).toBe(mailboxKey(secret, normalizeEmail('v.ictim@googlemail.com')!))
    expect(key).not.toContain('victim')
    expect(key).not.toBe(mailboxKey('y'.repeat(40), normalizeEmail('victim@gmail.com')!))
  })
})
