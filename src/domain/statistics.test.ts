import { describe, expect, it } from 'vitest'
import { milestonesOf } from './milestones.js'
import { growth } from './statistics.js'

describe('growth', () => {
  it('accumulates by day over a short campaign', () => {
    expect(
      growth([
        { day: '2026-11-28', count: 3 },
        { day: '2026-11-30', count: 2 },
      ]),
    ).toEqual([
      { start: '2026-11-28', count: 3, cumulative: 3 },
      { start: '2026-11-30', count: 2, cumulative: 5 },
    ])
  })
  it('groups by week, from Monday, over a long one', () => {
    const points = growth(
      [
        { day: '2026-01-01', count: 1 }, // a Thursday
        { day: '2026-01-04', count: 1 }, // the Sunday of the same week
        { day: '2026-06-01', count: 4 }, // a Monday
      ],
      90,
    )
    expect(points).toEqual([
      { start: '2025-12-29', count: 2, cumulative: 2 },
      { start: '2026-06-01', count: 4, cumulative: 6 },
    ])
  })
})

describe('milestonesOf', () => {
  it('dates each threshold by the first day the total reached it', () => {
    const days = [
      { day: '2026-11-29', count: 60 },
      { day: '2026-11-28', count: 50 },
      { day: '2026-11-30', count: 500 },
    ]
    expect(milestonesOf(days, [100, 500, 1000])).toEqual([
      { threshold: 100, day: '2026-11-29' },
      { threshold: 500, day: '2026-11-30' },
    ])
  })
})
