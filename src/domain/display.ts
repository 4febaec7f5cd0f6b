// How a listed signatory appears: under their full name, their initials («C. D.»), or
// with their name withheld («un·e signataire», still listed and counted). Their choice,
// made on the form and changed from the manage page. Everything public that names
// signatories (the list, institution pages, testimonies, open data, the API, the list
// for publication) shows them through shownSignatory, so that a withheld name cannot
// come back through a column one of them forgot.
//
// Initials and a withheld name protect only if nothing else points at the person: a
// title, a laboratory, a discipline or a category narrow a group to one person, and a
// small institution is such a group by itself. So a signatory who does not show their
// full name shows nothing else but the institution their verified address proves, and
// that only when the institution counts at least min_group_size signatures (the rule
// of small-groups.ts). The public search matches full names only (whereSearchable).
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import type { Signature } from '../db/schema.js'
import { readCounters } from './counters.js'
import { verifiedInstitutionOf } from './institutional-domains.js'
import { isLargeEnough } from './small-groups.js'

export const DISPLAYS = ['full', 'initials', 'withheld'] as const
export type Display = (typeof DISPLAYS)[number]

export function isDisplay(value: string): value is Display {
  return (DISPLAYS as readonly string[]).includes(value)
}

/** A stored value as a display; anything unknown is shown as the most private choice. */
export function displayOf(value: string): Display {
  return isDisplay(value) ? value : 'withheld'
}

/**
 * A name's initials as French typesetting writes them: «Camille» → «C.»,
 * «Jean-Pierre» → «J.-P.», «Marie Anne» → «M. A.»; the family name by its first word
 * only («de La Fontaine» → «D.»), so that particles do not lengthen it into a clue.
 */
export function initialOf(name: string, options: { firstWordOnly?: boolean } = {}): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const kept = options.firstWordOnly ? words.slice(0, 1) : words
  return kept
    .map((word) =>
      word
        .split('-')
        .map((part) => part.match(/\p{L}|\p{N}/u)?.[0]?.toLocaleUpperCase('fr'))
        .filter(Boolean)
        .map((letter) => `${letter}.`)
        .join('-'),
    )
    .filter(Boolean)
    .join(' ')
}

/** Letters and digits only, lower case, accents off: what sorts alike on both databases. */
function foldForSort(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/**
 * Where a signatory stands in an alphabetical list, from the name as it is shown, so
 * that the order gives away no more than the name: by last name then first name;
 * initials by their letters; a withheld name after every named one (its position
 * among names would tell the first letters of the name it hides).
 */
export function sortKeyOf(firstName: string, lastName: string, display: Display): string {
  if (display === 'withheld') return '1'
  if (display === 'initials')
    return `0 ${foldForSort(initialOf(lastName, { firstWordOnly: true }))} ${foldForSort(initialOf(firstName))}`
  return `0 ${foldForSort(lastName)} ${foldForSort(firstName)}`
}

/** What a listed row holds that its public appearance is made from. */
export type ShownColumns = Pick<
  Signature,
  | 'first_name'
  | 'last_name'
  | 'category'
  | 'institution'
  | 'discipline'
  | 'title'
  | 'unit'
  | 'email_domain'
  | 'display'
>

/** A signatory as the public sees them, whatever they chose. */
export interface ShownSignatory {
  display: Display
  /** Full, or initials; empty when the name is withheld (pages then say «un·e signataire»). */
  firstName: string
  lastName: string
  /** Empty unless the full name is shown. */
  category: string
  institution: string
  discipline: string
  title: string
  unit: string
  /**
   * What the confirmed address proves (the institution's canonical name, else its
   * domain), undefined when it proves none; for initials or a withheld name, only
   * when the institution counts at least min_group_size signatures.
   */
  verifiedInstitution?: string
}

/** The counter that decides whether an institution is a large enough group to be named beside a hidden name. */
const domainCounter = (domain: string) => `domain:${domain.toLowerCase()}`

/**
 * The institutions (e-mail domains) of these rows that are large enough to be named
 * beside initials or a withheld name: one read of the counters for a page or a batch.
 */
export async function largeInstitutions(
  db: Db,
  site: SiteConfig,
  rows: readonly Pick<Signature, 'display' | 'email_domain'>[],
): Promise<ReadonlySet<string>> {
  const domains = new Set<string>()
  for (const r of rows)
    if (displayOf(r.display) !== 'full' && verifiedInstitutionOf(site, r.email_domain) !== undefined)
      domains.add(r.email_domain.toLowerCase())
  if (domains.size === 0) return new Set()
  const counts = await readCounters(db, [...domains].map(domainCounter))
  return new Set([...domains].filter((d) => isLargeEnough(site, counts[domainCounter(d)] ?? 0)))
}

/** One row as the public sees it; `large` comes from largeInstitutions for the same rows. */
export function shownSignatory(
  site: SiteConfig,
  r: ShownColumns,
  large: ReadonlySet<string>,
): ShownSignatory {
  const display = displayOf(r.display)
  const verified = verifiedInstitutionOf(site, r.email_domain)
  if (display === 'full')
    return {
      display,
      firstName: r.first_name,
      lastName: r.last_name,
      category: r.category,
      institution: r.institution,
      discipline: r.discipline,
      title: r.title,
      unit: r.unit,
      verifiedInstitution: verified,
    }
  const initials = display === 'initials'
  return {
    display,
    firstName: initials ? initialOf(r.first_name) : '',
    lastName: initials ? initialOf(r.last_name, { firstWordOnly: true }) : '',
    category: '',
    institution: '',
    discipline: '',
    title: '',
    unit: '',
    verifiedInstitution: large.has(r.email_domain.toLowerCase()) ? verified : undefined,
  }
}
