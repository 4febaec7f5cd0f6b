// Institutions, grounded in verified addresses: signatures are grouped by the domain
// of their confirmed e-mail address. Everything here reads counters, except the list
// of an institution's public signatories, which follows whereListed.
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { readCounterGroup, readCounters } from './counters.js'
import { isInstitutionalDomain } from './institutional-domains.js'
import { decodeCursor, newestFirstPage } from '../db/keyset.js'
import { toPublicSignature, whereListed, type SignatoryPage } from './public-list.js'

export interface InstitutionSummary {
  domain: string
  name: string
  /** Confirmed signatures, public or not. */
  total: number
  /** Of which listed publicly. */
  listed: number
  /** Of which willing to help organise a debate. */
  willing: number
}

export interface InstitutionDetail extends InstitutionSummary {
  byCategory: { key: string; count: number }[]
}

/** Plausible domain, checked before any look-up. */
export function looksLikeDomain(value: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z0-9-]{1,63}$/.test(value) && value.length <= 253
}

/** The configured name, else the name its signatories type most often, else the domain. */
function nameFor(site: SiteConfig, domain: string, typed: Map<string, number> | undefined): string {
  const configured = site.institutionNames[domain]
  if (configured) return configured
  let best: string | undefined
  let bestCount = 0
  for (const [name, count] of typed ?? []) {
    if (count > bestCount || (count === bestCount && best !== undefined && name < best)) {
      best = name
      bestCount = count
    }
  }
  return best ?? domain
}

/** Typed names by domain, from the "domain_name:<domain>|<name>" counters. */
async function typedNames(db: Db, prefix = ''): Promise<Map<string, Map<string, number>>> {
  const byDomain = new Map<string, Map<string, number>>()
  for (const [rest, count] of await readCounterGroup(db, `domain_name:${prefix}`)) {
    const full = prefix + rest
    const bar = full.indexOf('|')
    if (bar < 0 || count <= 0) continue
    const domain = full.slice(0, bar)
    let names = byDomain.get(domain)
    if (!names) byDomain.set(domain, (names = new Map()))
    names.set(full.slice(bar + 1), count)
  }
  return byDomain
}

/**
 * Institutions ranked by confirmed signatures: the domains that match the configured
 * patterns or are named in the config (not webmail providers).
 */
export async function listInstitutions(db: Db, site: SiteConfig): Promise<InstitutionSummary[]> {
  const [totals, listed, willing, names] = await Promise.all([
    readCounterGroup(db, 'domain:'),
    readCounterGroup(db, 'domain_public:'),
    readCounterGroup(db, 'domain_debate:'),
    typedNames(db),
  ])
  const out: InstitutionSummary[] = []
  for (const [domain, total] of totals) {
    if (total <= 0 || !isInstitutionalDomain(site, domain)) continue
    out.push({ domain, name: nameFor(site, domain, names.get(domain)), total, listed: listed.get(domain) ?? 0, willing: willing.get(domain) ?? 0 })
  }
  return out.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'fr'))
}

/** One institution's numbers, or undefined when it has no confirmed signature. */
export async function findInstitution(db: Db, site: SiteConfig, domain: string): Promise<InstitutionDetail | undefined> {
  if (!looksLikeDomain(domain) || !isInstitutionalDomain(site, domain)) return undefined
  const [counts, categories, names] = await Promise.all([
    readCounters(db, [`domain:${domain}`, `domain_public:${domain}`, `domain_debate:${domain}`]),
    readCounterGroup(db, `domain_category:${domain}|`),
    typedNames(db, `${domain}|`),
  ])
  const total = counts[`domain:${domain}`]!
  if (total <= 0) return undefined
  const byCategory = site.categories
    .map((c) => ({ key: c.key, count: categories.get(c.key) ?? 0 }))
    .filter((c) => c.count > 0)
  return {
    domain,
    name: nameFor(site, domain, names.get(domain)),
    total,
    listed: counts[`domain_public:${domain}`]!,
    willing: counts[`domain_debate:${domain}`]!,
    byCategory,
  }
}

/** The public signatories of one institution, newest first, by keyset. */
export async function listInstitutionSignatures(db: Db, domain: string, options: { cursor?: string; limit: number }): Promise<SignatoryPage> {
  const q = whereListed(
    db
      .selectFrom('signatures')
      .select(['id', 'first_name', 'last_name', 'category', 'institution', 'discipline', 'confirmed_at', 'email_domain'])
      .where('email_domain', '=', domain),
  )
  const page = await newestFirstPage(q, options.cursor ? decodeCursor(options.cursor) : undefined, options.limit)
  return { items: page.rows.map(toPublicSignature), next: page.next }
}
