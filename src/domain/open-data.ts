// Public signatures as open data and through the API: listed ones only (whereListed),
// with whether their address is a verified institutional one, each as its signatory
// chose to appear (display.ts). Never an address.
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { largeInstitutions, shownSignatory } from './display.js'
import { decodeCursor, newestFirstPage } from '../db/keyset.js'
import { PUBLIC_COLUMNS } from './public-list.js'
import { whereListed } from './signature-state.js'

export interface OpenSignatory {
  /** As the signatory chose to appear: `full`, `initials` or `withheld` (see display.ts). */
  display: string
  /** The first name, or its initial(s) («J.-P.»); empty when the name is withheld. */
  first_name: string
  /** The last name, or its initial; empty when the name is withheld. */
  last_name: string
  /** Title or grade, as typed (empty unless the full name is shown). */
  title: string
  /** Unit or laboratory, as typed (empty unless the full name is shown). */
  unit: string
  /** A `key` of the configured categories (empty unless the full name is shown). */
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
  'display',
  'first_name',
  'last_name',
  'title',
  'unit',
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
  const q = whereListed(db.selectFrom('signatures').select([...PUBLIC_COLUMNS]))
  const page = await newestFirstPage(
    q,
    options.cursor ? decodeCursor(options.cursor) : undefined,
    options.limit,
  )
  const large = await largeInstitutions(db, site, page.rows)
  const items = page.rows.map((r) => {
    const shown = shownSignatory(site, r, large)
    const verifiedAs = shown.verifiedInstitution
    const verified = verifiedAs !== undefined
    return {
      display: shown.display,
      first_name: shown.firstName,
      last_name: shown.lastName,
      title: shown.title,
      unit: shown.unit,
      category: shown.category,
      institution: shown.institution,
      discipline: shown.discipline,
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
