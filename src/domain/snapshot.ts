// The numbers every visit shows (the count on the home page, the badge other sites
// embed, the API, /stats) change with each confirmation but are read far more often
// than they change. Each process keeps a snapshot of them, read from the database at
// most once per maxAgeMs: however many requests ask in that time, one read answers
// them all, and a request that arrives while a read is under way waits for that read
// instead of starting another. A number shown is at most maxAgeMs old; with several
// processes on one PostgreSQL database, each keeps its own and the same holds for each.
// A maxAgeMs of 0 reads on every request (tests that check a count right after a change).
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { readCounts, type Counts } from './counters.js'
import { countOrganisations } from './organisations.js'
import { listInstitutions, type InstitutionRanking } from './institutions.js'
import { readStatistics, type Statistics } from './statistics.js'
import { HOME_TESTIMONIES, listTestimonies, type Testimony } from './testimonies.js'

export interface Snapshot<T> {
  /** The value, read again first when older than the snapshot's age. */
  get(): Promise<T>
  /** How many times the value was read from its source (for tests and diagnostics). */
  reads(): number
}

export function snapshot<T>(
  read: () => Promise<T>,
  maxAgeMs: number,
  clock: () => number = () => performance.now(),
): Snapshot<T> {
  let kept: { value: T; at: number } | undefined
  let reading: Promise<T> | undefined
  let reads = 0
  const refresh = () => {
    const startedAt = clock()
    reads++
    // A failed read (database unreachable) is not kept: the next request tries again.
    // Meanwhile the last numbers read are shown, a little old, rather than an error:
    // the home page and the badges other sites embed stay up through an outage.
    const current = read().then(
      (value) => {
        kept = { value, at: startedAt }
        if (reading === current) reading = undefined
        return value
      },
      (err: unknown) => {
        if (reading === current) reading = undefined
        if (kept) return kept.value
        throw err
      },
    )
    return current
  }
  return {
    get() {
      if (maxAgeMs <= 0) return refresh()
      if (kept && clock() - kept.at < maxAgeMs) return Promise.resolve(kept.value)
      reading ??= refresh()
      return reading
    },
    reads: () => reads,
  }
}

/** The public numbers of one process, each its own snapshot so that a badge does not read /stats's. */
export interface PublicNumbers {
  counts: Snapshot<Counts>
  statistics: Snapshot<Statistics>
  institutions: Snapshot<InstitutionRanking>
  /** The few latest testimonies the home page shows. */
  testimonies: Snapshot<Testimony[]>
  /** Organisations listed as signatories: counted apart from people. */
  organisations: Snapshot<number>
}

export function publicNumbers(db: Db, site: SiteConfig, maxAgeMs: number): PublicNumbers {
  return {
    counts: snapshot(() => readCounts(db), maxAgeMs),
    statistics: snapshot(() => readStatistics(db, site), maxAgeMs),
    institutions: snapshot(() => listInstitutions(db, site), maxAgeMs),
    testimonies: snapshot(
      () => listTestimonies(db, site, { limit: HOME_TESTIMONIES }).then((page) => page.items),
      maxAgeMs,
    ),
    organisations: snapshot(() => countOrganisations(db), maxAgeMs),
  }
}
