// Milestones of the Atom feed: the day the count of confirmed signatures first
// reached each configured threshold, derived from the counters by day.
import type { Db } from '../db/database.js'
import { readCounterGroup } from './counters.js'

export interface Milestone {
  threshold: number
  /** YYYY-MM-DD (UTC) */
  day: string
}

export function milestonesOf(
  byDay: { day: string; count: number }[],
  thresholds: readonly number[],
): Milestone[] {
  const out: Milestone[] = []
  let cumulative = 0
  let next = 0
  for (const { day, count } of [...byDay].sort((a, b) => (a.day < b.day ? -1 : 1))) {
    cumulative += count
    while (next < thresholds.length && cumulative >= thresholds[next]!)
      out.push({ threshold: thresholds[next++]!, day })
  }
  return out
}

/** The next threshold the count has not reached yet; undefined once every one is passed. */
export function nextMilestone(count: number, thresholds: readonly number[]): number | undefined {
  return thresholds.find((t) => t > count)
}

export async function readMilestones(db: Db, thresholds: readonly number[]): Promise<Milestone[]> {
  const days = await readCounterGroup(db, 'day:')
  return milestonesOf(
    [...days].map(([day, count]) => ({ day, count })),
    thresholds,
  )
}
