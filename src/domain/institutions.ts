// Institutions, grounded in verified addresses: signatures are grouped by the domain
// of their confirmed e-mail address, and an institution is named by the config alone
// (verifiedInstitutionOf), never by what its signatories typed. Everything here reads
// counters, except the list of an institution's public signatories, which follows
// whereListed. Sizes of groups follow small-groups.ts: an institution with fewer than
// min_group_size signatures is not ranked on its own line, and its page gives no
// number by category.
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { readCounterGroup, readCounters } from './counters.js'
import { largeInstitutions } from './display.js'
import { verifiedInstitutionOf } from './institutional-domains.js'
import { decodeCursor, newestFirstPage } from '../db/keyset.js'
import { PUBLIC_COLUMNS, toPublicSignature, type SignatoryPage } from './public-list.js'
import { whereListed } from './signature-state.js'
import { isLargeEnough, publishedCount, type GroupCount } from './small-groups.js'

export interface InstitutionSummary {
  domain: string
  /** The canonical name of the config, else the domain. */
  name: string
  /** Confirmed signatures, public or not: at least min_group_size in the ranking. */
  total: number
  /** Of which listed publicly (each one is on the public list anyway). */
  listed: number
  /** Of which willing to help organise a debate. */
  willing: GroupCount
}

/** The ranking: institutions large enough to be shown, and the others together. */
export interface InstitutionRanking {
  items: InstitutionSummary[]
  /** Institutions with fewer than min_group_size signatures each: how many, and their signatures together. */
  other: { institutions: number; total: GroupCount }
}

export interface InstitutionDetail extends Omit<InstitutionSummary, 'total'> {
  total: GroupCount
  /** Whether anyone is willing to help organise a debate: the relay's form is shown then. */
  hasWilling: boolean
  /** Categories of at least min_group_size signatures; none when the institution itself is smaller. */
  byCategory: { key: string; count: number }[]
  /** The signatures of every other category together, when there are some and the categories are shown. */
  otherCategories?: GroupCount
}

/** Plausible domain, checked before any look-up. */
export function looksLikeDomain(value: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z0-9-]{1,63}$/.test(value) && value.length <= 253
}

/**
 * Institutions ranked by confirmed signatures: the domains named in the config or
 * matching its patterns (not webmail providers). Those with fewer than min_group_size
 * signatures are counted together, not named.
 */
export async function listInstitutions(db: Db, site: SiteConfig): Promise<InstitutionRanking> {
  const [totals, listed, willing] = await Promise.all([
    readCounterGroup(db, 'domain:'),
    readCounterGroup(db, 'domain_public:'),
    readCounterGroup(db, 'domain_debate:'),
  ])
  const items: InstitutionSummary[] = []
  const other = { institutions: 0, total: 0 }
  for (const [domain, total] of totals) {
    const name = total > 0 ? verifiedInstitutionOf(site, domain) : undefined
    if (name === undefined) continue
    if (!isLargeEnough(site, total)) {
      other.institutions++
      other.total += total
      continue
    }
    items.push({
      domain,
      name,
      total,
      listed: listed.get(domain) ?? 0,
      willing: publishedCount(site, willing.get(domain) ?? 0),
    })
  }
  items.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'fr'))
  return { items, other: { institutions: other.institutions, total: publishedCount(site, other.total) } }
}

/** One institution's numbers, or undefined when it has no confirmed signature. */
export async function findInstitution(
  db: Db,
  site: SiteConfig,
  domain: string,
): Promise<InstitutionDetail | undefined> {
  const name = looksLikeDomain(domain) ? verifiedInstitutionOf(site, domain) : undefined
  if (name === undefined) return undefined
  const [counts, categories] = await Promise.all([
    readCounters(db, [`domain:${domain}`, `domain_public:${domain}`, `domain_debate:${domain}`]),
    readCounterGroup(db, `domain_category:${domain}|`),
  ])
  const total = counts[`domain:${domain}`]!
  if (total <= 0) return undefined
  const willing = counts[`domain_debate:${domain}`]!
  const detail: InstitutionDetail = {
    domain,
    name,
    total: publishedCount(site, total),
    listed: counts[`domain_public:${domain}`]!,
    willing: publishedCount(site, willing),
    hasWilling: willing > 0,
    byCategory: [],
  }
  if (!isLargeEnough(site, total)) return detail
  detail.byCategory = site.categories
    .map((c) => ({ key: c.key, count: categories.get(c.key) ?? 0 }))
    .filter((c) => isLargeEnough(site, c.count))
  const rest = total - detail.byCategory.reduce((sum, c) => sum + c.count, 0)
  if (rest > 0) detail.otherCategories = publishedCount(site, rest)
  return detail
}

/**
 * The public signatories of one institution, newest first, by keyset. The page names
 * the institution: those who chose initials or to withhold their name appear on it
 * only when the institution is a large enough group (display.ts); otherwise the page
 * itself would point at them.
 */
export async function listInstitutionSignatures(
  db: Db,
  site: SiteConfig,
  domain: string,
  options: { cursor?: string; limit: number },
): Promise<SignatoryPage> {
  const large = await largeInstitutions(db, site, [{ display: 'initials', email_domain: domain }])
  let q = whereListed(
    db
      .selectFrom('signatures')
      .select([...PUBLIC_COLUMNS])
      .where('email_domain', '=', domain),
  )
  if (!large.has(domain)) q = q.where('display', '=', 'full')
  const page = await newestFirstPage(
    q,
    options.cursor ? decodeCursor(options.cursor) : undefined,
    options.limit,
  )
  return { items: page.rows.map((r) => toPublicSignature(site, r, large)), next: page.next }
}
