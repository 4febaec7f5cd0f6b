import { describe, expect, it } from 'vitest'
import type { SiteConfig } from '../config.js'
import { countersOf, type SignatureState } from './signature-state.js'

const site = (countBeforeApproval: boolean) =>
  ({ moderation: { countBeforeApproval } }) as unknown as SiteConfig
const confirmed: SignatureState = {
  status: 'confirmed',
  is_public: 1,
  approved_at: '2026-11-28T10:00:00.000Z',
  hidden_at: null,
  invalidated_at: null,
}

describe('what a signature state means for the counts', () => {
  it('counts and lists a confirmed, approved, public signature', () => {
    expect(countersOf(confirmed, site(true))).toEqual({ confirmed: 1, public: 1 })
  })
  it('counts nothing before confirmation, or once deleted', () => {
    expect(countersOf({ ...confirmed, status: 'pending' }, site(true))).toEqual({ confirmed: 0, public: 0 })
    expect(countersOf(undefined, site(true))).toEqual({ confirmed: 0, public: 0 })
  })
  it('keeps a hidden signature counted but unlisted', () => {
    expect(countersOf({ ...confirmed, hidden_at: '2026-11-28T11:00:00.000Z' }, site(true))).toEqual({
      confirmed: 1,
      public: 0,
    })
  })
  it('takes an invalidated signature out of every count', () => {
    expect(countersOf({ ...confirmed, invalidated_at: '2026-11-28T11:00:00.000Z' }, site(true))).toEqual({
      confirmed: 0,
      public: 0,
    })
  })
  it('lists an unapproved signature nowhere, and counts it only when the switch says so', () => {
    expect(countersOf({ ...confirmed, approved_at: null }, site(true))).toEqual({ confirmed: 1, public: 0 })
    expect(countersOf({ ...confirmed, approved_at: null }, site(false))).toEqual({ confirmed: 0, public: 0 })
  })
})
