// Public signatures as open data and through the API: listed ones only (whereListed),
// with whether their address is a verified institutional one. Never an address.
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { verifiedInstitutionOf } from './institutional-domains.js'
import { decodeCursor, newestFirstPage } from '../db/keyset.js'
import { whereListed } from './public-list.js'

export interface OpenSignatory {
  first_name: string
  last_name: string
  /** A `key` of the configured categories. */
  category: string
  /** As typed by the signatory: their own words, not verified (see verified_institution). */
  institution: string
  discipline: string
  /** Date of confirmation, ISO 8601 UTC. */
  signed_at: string
  /** True when the confirmed address belongs to an institutional domain. */
  verified: boolean
  /** That domain, when verified; empty otherwise (a webmail domain says nothing). */
  institution_domain: string
  /** What the verified address proves: the canonical name of its institution in the config, else its domain; empty when not verified. */
  verified_institution: string
}

export const OPEN_COLUMNS = [
  'first_name',
  'last_name',
  'category',
  'institution',
  'discipline',
  'signed_at',
  'verified',
  'institution_domain',
  'verified_institution',
] as const

/** One page of public signatures, newest first, by keyset. */
export async function listOpenSignatories(
  db: Db,
  site: SiteConfig,
  options: { cursor?: string; limit: number },
): Promise<{ items: OpenSignatory[]; next?: string }> {
  const q = whereListed(
    db
      .selectFrom('signatures')
      .select([
        'id',
        'first_name',
        'last_name',
        'category',
        'institution',
        'discipline',
        'email_domain',
        'confirmed_at',
      ]),
  )
  const page = await newestFirstPage(
    q,
    options.cursor ? decodeCursor(options.cursor) : undefined,
    options.limit,
  )
  const items = page.rows.map((r) => {
    const verifiedAs = verifiedInstitutionOf(site, r.email_domain)
    const verified = verifiedAs !== undefined
    return {
      first_name: r.first_name,
      last_name: r.last_name,
      category: r.category,
      institution: r.institution,
      discipline: r.discipline,
      signed_at: r.confirmed_at!,
      verified,
      institution_domain: verified ? r.email_domain : '',
      verified_institution: verifiedAs ?? '',
    }
  })
  return { items, next: page.next }
}

/** Every public signature, a batch at a time, for the exports. */
export async function* allOpenSignatories(
  db: Db,
  site: SiteConfig,
  batch = 1000,
): AsyncGenerator<OpenSignatory[]> {
  let cursor: string | undefined
  do {
    const page = await listOpenSignatories(db, site, { cursor, limit: batch })
    if (page.items.length > 0) yield page.items
    cursor = page.next
  } while (cursor)
}
