// The numbers of /stats and of the API, all read from counters: the cost of a read
// does not grow with the number of signatures. Totals are exact; breakdowns follow
// small-groups.ts, and a discipline is named only when listed signatures typed it.
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { type Academy, academyOf } from './academies.js'
import { readCounterGroup, readCounters } from './counters.js'
import { institutionTypeOf } from './institutional-domains.js'
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
  /** Confirmed with a school address (ac-<académie>.fr), where from; undefined when none. */
  schools?: SchoolStatistics
  /**
   * Confirmed with an institutional address, by kind of institution in the order of
   * the config ([[institutions.types]]), then those of no configured kind (key null).
   */
  byInstitutionType: { key: string | null; count: GroupCount }[]
  /** Confirmed signatures by day of confirmation (UTC), oldest first. */
  byDay: { day: string; count: number }[]
  /** The same by period, with running totals, as the chart and its table show it (growth). */
  growth: GrowthPoint[]
}

export interface SchoolStatistics {
  /** Every signature of a school address, exact. */
  total: number
  /**
   * The académies that may be named, largest first: large enough, and leaving, once the
   * domains the institutions' pages name are taken out, nothing or a group large enough.
   */
  byAcademy: { key: string; name: string; count: number }[]
  otherAcademies?: GroupCount
}

/**
 * Signatures of school addresses by académie, from the counts by domain. An académie
 * may gather several domains (a former académie's, subdomains of schools), and the
 * institutions' pages name every domain from min_group_size up: an académie is named
 * only when, less those domains, it leaves nothing or a group large enough, or its
 * count would give away the domains left unnamed. (A breakdown by region was tried and
 * dropped: a region less the académies the institutions' pages name gave away a
 * small académie beside them.)
 */
export function schoolStatistics(
  site: SiteConfig,
  byDomain: Map<string, number>,
): SchoolStatistics | undefined {
  const academies = new Map<Academy, { count: number; namedElsewhere: number }>()
  for (const [domain, n] of byDomain) {
    const academy = academyOf(domain)
    if (!academy) continue
    const a = academies.get(academy) ?? { count: 0, namedElsewhere: 0 }
    a.count += n
    // Named on the institutions' pages, at most (the test errs on the side of hiding).
    if (isLargeEnough(site, n)) a.namedElsewhere += n
    academies.set(academy, a)
  }
  const total = [...academies.values()].reduce((sum, a) => sum + a.count, 0)
  if (total === 0) return undefined
  const byAcademy = [...academies]
    .filter(([, a]) => {
      const left = a.count - a.namedElsewhere
      return isLargeEnough(site, a.count) && (left === 0 || isLargeEnough(site, left))
    })
    .map(([academy, a]) => ({ key: academy.key, name: academy.name, count: a.count }))
  byAcademy.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fr'))
  const namedAcademies = byAcademy.reduce((sum, a) => sum + a.count, 0)
  return {
    total,
    byAcademy,
    ...(total > namedAcademies ? { otherAcademies: publishedCount(site, total - namedAcademies) } : {}),
  }
}

/** Signatures of institutional addresses by kind of institution, from the counts by domain. */
export function institutionTypeStatistics(
  site: SiteConfig,
  byDomain: Map<string, number>,
): Statistics['byInstitutionType'] {
  const byType = new Map<string | null, number>()
  for (const [domain, n] of byDomain) {
    const type = institutionTypeOf(site, domain)
    if (type !== undefined) byType.set(type, (byType.get(type) ?? 0) + n)
  }
  const untyped = byType.get(null) ?? 0
  return [
    ...site.institutionTypes.map((t) => ({
      key: t.key,
      count: publishedCount(site, byType.get(t.key) ?? 0),
    })),
    ...(untyped > 0 ? [{ key: null, count: publishedCount(site, untyped) }] : []),
  ]
}

export async function readStatistics(db: Db, site: SiteConfig): Promise<Statistics> {
  const [totals, categories, disciplines, listedDisciplines, days, domains] = await Promise.all([
    readCounters(db, ['confirmed', 'public', 'verified', 'debate']),
    readCounterGroup(db, 'category:'),
    readCounterGroup(db, 'discipline:'),
    readCounterGroup(db, 'listed_discipline:'),
    readCounterGroup(db, 'day:'),
    readCounterGroup(db, 'domain:'),
  ])
  const schools = schoolStatistics(site, domains)
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
    ...(schools ? { schools } : {}),
    byInstitutionType: institutionTypeStatistics(site, domains),
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
