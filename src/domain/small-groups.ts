// The one rule for publishing the size of a group of signatories. Signing reveals a
// political opinion, and a small group points at people: «CNRS, 1 signature, 0
// public, Researcher 1» says who signed. Every public breakdown (institutions, the
// categories of an institution, categories and disciplines) publishes a group's size
// only from the configured minimum ([privacy] min_group_size, 5 by default); below
// it, pages say «fewer than 5» and the API answers null. Totals stay exact.
import type { SiteConfig } from '../config.js'

/** A group's size as published: exact from the minimum group size up, else null («fewer than»). */
export type GroupCount = number | null

export function publishedCount(site: SiteConfig, count: number): GroupCount {
  return count >= site.minGroupSize ? count : null
}

/** Whether a group may be shown on its own line with its label. */
export function isLargeEnough(site: SiteConfig, count: number): boolean {
  return count >= site.minGroupSize
}

/**
 * The groups that may be named, largest first, and all the others as one line: a
 * group is named from the minimum up, the others read together, their size itself
 * published by the same rule (undefined when there are none).
 */
export function namedGroups<T extends { count: number }>(
  site: SiteConfig,
  groups: readonly T[],
): { named: T[]; others?: GroupCount } {
  const named = groups
    .filter((g) => g.count > 0 && isLargeEnough(site, g.count))
    .sort((a, b) => b.count - a.count)
  const total = groups.reduce((sum, g) => sum + g.count, 0)
  const others = total - named.reduce((sum, g) => sum + g.count, 0)
  return { named, ...(others > 0 ? { others: publishedCount(site, others) } : {}) }
}

/**
 * The parts of a whole that is itself shown that may be named too: those large
 * enough, as long as what is left of the whole once they are taken out is large
 * enough as well (or nothing). Else the whole minus its named parts would give the
 * size of a small group; the smallest named parts join the rest until it is not small.
 */
export function namedParts<T extends { count: number }>(
  site: SiteConfig,
  whole: number,
  parts: readonly T[],
): T[] {
  const named = parts
    .filter((p) => p.count > 0 && isLargeEnough(site, p.count))
    .sort((a, b) => b.count - a.count)
  let rest = whole - named.reduce((sum, p) => sum + p.count, 0)
  while (rest > 0 && !isLargeEnough(site, rest) && named.length > 0) rest += named.pop()!.count
  return named
}
