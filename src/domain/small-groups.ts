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
