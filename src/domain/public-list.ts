// The public list of signatories: what "shown publicly" means, how a listed row is
// shown, and the list itself with its search, newest first by keyset.
import type { Db, SelectQueryBuilder } from '../db/database.js'
import { decodeCursor, newestFirstPage } from '../db/keyset.js'
import { searchTextContains, TRIGRAM } from '../db/search.js'
import type { Database, Signature } from '../db/schema.js'
import { searchKey } from './clean-text.js'

/** Cursors are read by the routes that take them from a query string. */
export { decodeCursor } from '../db/keyset.js'

export interface PublicSignature {
  id: number
  firstName: string
  lastName: string
  category: string
  institution: string
  discipline: string
  confirmedAt: string
  /** Domain of the confirmed address: views mark institutional ones as verified. */
  emailDomain: string
}

export interface SignatoryPage {
  items: PublicSignature[]
  /** Cursor for the next (older) page, when there is one. */
  next?: string
  /** The term was shorter than SEARCH_MIN_CHARACTERS: nothing was searched. */
  termTooShort?: boolean
}

/**
 * A search term needs this many characters (after folding: "É" is one): the index
 * finds text by its trigrams, and a shorter term would have to read every signature,
 * a quarter of a second at a million during which SQLite holds up the server. The
 * page asks for more characters instead. (Two-letter surnames are found with a first
 * name before them, as the list shows names: "wei li".)
 */
export const SEARCH_MIN_CHARACTERS = TRIGRAM

/**
 * The one definition of "shown publicly", for the list, the exports and the API:
 * confirmed, its signatory chose to be listed, approved (at confirmation, or by a
 * moderator under pre-moderation), neither hidden by a moderator nor invalidated.
 * isListed in signature-state.ts says the same of one row.
 */
export function whereListed<QB extends SelectQueryBuilder<Database, 'signatures', any>>(qb: QB): QB {
  return qb
    .where('signatures.status', '=', 'confirmed')
    .where('signatures.is_public', '=', 1)
    .where('signatures.approved_at', 'is not', null)
    .where('signatures.hidden_at', 'is', null)
    .where('signatures.invalidated_at', 'is', null) as QB
}

/** A row of the public list as pages and the API show it. */
export function toPublicSignature(
  r: Pick<Signature, 'id' | 'first_name' | 'last_name' | 'category' | 'institution' | 'discipline' | 'confirmed_at' | 'email_domain'>,
): PublicSignature {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    category: r.category,
    institution: r.institution,
    discipline: r.discipline,
    confirmedAt: r.confirmed_at!,
    emailDomain: r.email_domain,
  }
}

/**
 * The public list: confirmed and public only, newest first, by keyset (no OFFSET).
 * A search finds its term anywhere in the first name, last name or institution,
 * whatever the case and accents, through the trigram index: every match, in the
 * list's order, a page at a time.
 */
export async function listPublicSignatures(db: Db, options: { query?: string; cursor?: string; limit: number }): Promise<SignatoryPage> {
  let q = whereListed(
    db.selectFrom('signatures').select(['id', 'first_name', 'last_name', 'category', 'institution', 'discipline', 'confirmed_at', 'email_domain']),
  )
  const term = searchKey(options.query ?? '')
  if (term !== '') {
    if ([...term].length < SEARCH_MIN_CHARACTERS) return { items: [], termTooShort: true }
    q = q.where(searchTextContains(db, term))
  }
  const page = await newestFirstPage(q, options.cursor ? decodeCursor(options.cursor) : undefined, options.limit)
  return { items: page.rows.map(toPublicSignature), next: page.next }
}
