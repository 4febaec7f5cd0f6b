// Public signatures as open data and through the API: listed ones only (whereListed),
// with whether their address is a verified institutional one, each as its signatory
// chose to appear (display.ts). Never an address.
// The organisations that sign in their own name likewise: listed ones only
// (listOrganisations), with what their public list shows, never their contact.
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { largeInstitutions, shownSignatory } from './display.js'
import { decodeCursor, newestFirstPage } from '../db/keyset.js'
import { listOrganisations, organisationKindLabel } from './organisations.js'
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

export interface OpenOrganisation {
  name: string
  /** A `key` of the configured kinds of organisation. */
  kind: string
  /** That kind's label in the site's first language. */
  kind_label: string
  /** Its web site as its contact gave it; empty when none was. */
  url: string
  /**
   * The day a moderator approved it (YYYY-MM-DD, UTC): when it joined the list. The
   * instant would say when the moderators work, which is nobody's business.
   */
  approved_on: string
}

export const ORGANISATION_OPEN_COLUMNS = ['name', 'kind', 'kind_label', 'url', 'approved_on'] as const

/** Every listed organisation, by kind then name; they are few, and read whole. */
export async function listOpenOrganisations(db: Db, site: SiteConfig): Promise<OpenOrganisation[]> {
  return (await listOrganisations(db, site)).map((o) => ({
    name: o.name,
    kind: o.kind,
    kind_label: organisationKindLabel(site, o.kind, site.defaultLocale),
    url: o.url,
    approved_on: o.approved_at.slice(0, 10),
  }))
}
