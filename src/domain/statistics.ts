// The numbers of /stats and of the API, all read from counters: the cost of a read
// does not grow with the number of signatures. Totals are exact; breakdowns follow
// small-groups.ts, and a discipline is named only when listed signatures typed it.
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { readCounterGroup, readCounters } from './counters.js'
import { isLargeEnough, publishedCount, type GroupCount } from './small-groups.js'

export interface Statistics {
  confirmed: number
  public: number
  /** Confirmed with an address of an institutional domain. */
  verified: number
  willing: number
  /** Every category of the config (and any since removed that still counts). */
  byCategory: { key: string; count: GroupCount }[]
  /**
   * The disciplines that may be named, most given first: given by at least
   * min_group_size signatures, and typed by at least one listed signature.
   */
  byDiscipline: { name: string; count: number }[]
  /** Signatures of every other discipline given, together (null: fewer than min_group_size); undefined when none. */
  otherDisciplines?: GroupCount
  /** Confirmed signatures by day of confirmation (UTC), oldest first. */
  byDay: { day: string; count: number }[]
  /** The same by period, with running totals, as the chart and its table show it (growth). */
  growth: GrowthPoint[]
}

export async function readStatistics(db: Db, site: SiteConfig): Promise<Statistics> {
  const [totals, categories, disciplines, listedDisciplines, days] = await Promise.all([
    readCounters(db, ['confirmed', 'public', 'verified', 'debate']),
    readCounterGroup(db, 'category:'),
    readCounterGroup(db, 'discipline:'),
    readCounterGroup(db, 'listed_discipline:'),
    readCounterGroup(db, 'day:'),
  ])
  const known = new Set(site.categories.map((c) => c.key))
  const named = [...disciplines].filter(
    ([name, n]) => isLargeEnough(site, n) && (listedDisciplines.get(name) ?? 0) > 0,
  )
  const others =
    [...disciplines].reduce((sum, [, n]) => sum + n, 0) - named.reduce((sum, [, n]) => sum + n, 0)
  const byDay = [...days]
    .filter(([, n]) => n > 0)
    .map(([day, count]) => ({ day, count }))
    .sort((a, b) => (a.day < b.day ? -1 : 1))
  return {
    confirmed: totals.confirmed!,
    public: totals.public!,
    verified: totals.verified!,
    willing: totals.debate!,
    byCategory: [
      ...site.categories.map((c) => ({
        key: c.key,
        count: publishedCount(site, categories.get(c.key) ?? 0),
      })),
      // Categories since removed from the config still count.
      ...[...categories]
        .filter(([k]) => !known.has(k))
        .map(([key, count]) => ({ key, count: publishedCount(site, count) })),
    ],
    byDiscipline: named
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fr')),
    otherDisciplines: others > 0 ? publishedCount(site, others) : undefined,
    byDay,
    growth: growth(byDay),
  }
}

export interface GrowthPoint {
  /** First day of the period (a day, or the Monday of a week). */
  start: string
  count: number
  cumulative: number
}

const DAY_MS = 86_400_000

/**
 * Growth by period: by day over a short campaign, by week (from Monday) beyond
 * `maxDays` days, so that the chart and its table stay small.
 */
export function growth(byDay: { day: string; count: number }[], maxDays = 90): GrowthPoint[] {
  if (byDay.length === 0) return []
  const first = Date.parse(byDay[0]!.day)
  const last = Date.parse(byDay.at(-1)!.day)
  const weekly = (last - first) / DAY_MS > maxDays
  const buckets = new Map<string, number>()
  for (const { day, count } of byDay) {
    let key = day
    if (weekly) {
      const t = Date.parse(day)
      const weekday = (new Date(t).getUTCDay() + 6) % 7
      key = new Date(t - weekday * DAY_MS).toISOString().slice(0, 10)
    }
    buckets.set(key, (buckets.get(key) ?? 0) + count)
  }
  let cumulative = 0
  return [...buckets].map(([start, count]) => {
    cumulative += count
    return { start, count, cumulative }
  })
}
