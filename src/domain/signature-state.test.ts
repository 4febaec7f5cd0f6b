import { describe, expect, it } from 'vitest'
import type { SiteConfig } from '../config.js'
import { allowedActions, isCounted, isListed, type ModeratedState, stateBadges } from './signature-state.js'

const site = (countBeforeApproval: boolean) =>
  ({ moderation: { countBeforeApproval } }) as unknown as SiteConfig
const AT = '2026-11-28T11:00:00.000Z'
const confirmed: ModeratedState = {
  status: 'confirmed',
  is_public: 1,
  approved_at: '2026-11-28T10:00:00.000Z',
  hidden_at: null,
  invalidated_at: null,
  comment: '',
  comment_approved_at: null,
  publish_comment: 0,
  initial_signatory: 0,
}

describe('what a signature state means for the counts and the list', () => {
  it('counts and lists a confirmed, approved, public signature', () => {
    expect(isCounted(confirmed, site(true))).toBe(true)
    expect(isListed(confirmed)).toBe(true)
  })
  it('neither counts nor lists a signature before confirmation', () => {
    expect(isCounted({ ...confirmed, status: 'pending' }, site(true))).toBe(false)
    expect(isListed({ ...confirmed, status: 'pending' })).toBe(false)
  })
  it('keeps counting a hidden or private signature without listing it', () => {
    for (const s of [
      { ...confirmed, hidden_at: AT },
      { ...confirmed, is_public: 0 },
    ]) {
      expect(isCounted(s, site(true))).toBe(true)
      expect(isListed(s)).toBe(false)
    }
  })
  it('neither counts nor lists an invalidated signature', () => {
    expect(isCounted({ ...confirmed, invalidated_at: AT }, site(true))).toBe(false)
    expect(isListed({ ...confirmed, invalidated_at: AT })).toBe(false)
  })
  it('lists an unapproved signature never, and counts it only when the config says so', () => {
    expect(isListed({ ...confirmed, approved_at: null })).toBe(false)
    expect(isCounted({ ...confirmed, approved_at: null }, site(true))).toBe(true)
    expect(isCounted({ ...confirmed, approved_at: null }, site(false))).toBe(false)
  })
})

describe('what moderators see of a state and may do', () => {
  it('offers to hide a visible signature, to restore a hidden one, and to delete either', () => {
    expect(stateBadges(confirmed)).toEqual(['confirmed'])
    expect(allowedActions(confirmed)).toEqual(['hide', 'mark_initial', 'delete'])
    expect(stateBadges({ ...confirmed, hidden_at: AT })).toEqual(['confirmed', 'hidden'])
    expect(allowedActions({ ...confirmed, hidden_at: AT })).toEqual(['restore', 'mark_initial', 'delete'])
  })
  it('offers to approve what awaits approval: the signature, its comment', () => {
    const waiting = { ...confirmed, approved_at: null, comment: 'Bravo' }
    expect(stateBadges(waiting)).toEqual(['confirmed', 'awaiting', 'commentAwaiting'])
    expect(allowedActions(waiting)).toEqual(['hide', 'approve', 'approve_comment', 'mark_initial', 'delete'])
  })
  it('marks a confirmed signature among the «Premiers signataires», and takes the mark off whatever its state', () => {
    expect(allowedActions({ ...confirmed, initial_signatory: 1 })).toEqual([
      'hide',
      'unmark_initial',
      'delete',
    ])
    expect(allowedActions({ ...confirmed, invalidated_at: AT, initial_signatory: 1 })).toEqual([
      'unmark_initial',
      'delete',
    ])
  })
  it('offers only to delete an invalidated signature, and shows it as invalidated alone', () => {
    const invalidated = { ...confirmed, approved_at: null, hidden_at: AT, comment: 'x', invalidated_at: AT }
    expect(stateBadges(invalidated)).toEqual(['confirmed', 'invalidated'])
    expect(allowedActions(invalidated)).toEqual(['delete'])
  })
  it('does not ask to approve the comment of a signature nobody confirmed yet', () => {
    const pending = {
      ...confirmed,
      status: 'pending' as const,
      approved_at: null,
      is_public: 0,
      comment: 'x',
    }
    expect(stateBadges(pending)).toEqual(['pending', 'private'])
    expect(allowedActions(pending)).toEqual(['hide', 'delete'])
  })
})
