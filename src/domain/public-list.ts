// The public list of signatories: what "shown publicly" means, how a listed row is
// shown, and the list itself with its search, newest first by keyset.
import { sql, type Db, type SelectQueryBuilder } from '../db/database.js'
import { decodeCursor, encodeCursor, newestFirstPage, type KeysetPosition } from '../db/keyset.js'
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
  /**
   * A search that stopped at the end of its window (SEARCH_WINDOW) with older
   * signatures left to search: `next` continues it from there.
   */
  searchWindowEnded?: boolean
}

/**
 * A search walks the public list from the newest signature back, reading at most
 * this many signatures for one page of results. Without a bound, a term found
 * nowhere reads the whole list: a quarter of a second of the server's time per
 * request at a million signatures, which a few requests a second would turn into
 * an outage. A page of results says where its window ended and offers to go on.
 */
export const SEARCH_WINDOW = 10_000

/**
 * Rows after a keyset cursor in the public order (newest first). A row-value
 * comparison, which both databases answer with a range scan of the list's index,
 * however deep the page.
 */
function olderThan(after: KeysetPosition) {
  return sql<boolean>`(signatures.confirmed_at, signatures.id) < (${after.confirmedAt}, ${after.id})`
}

/** Rows at or before a position in the public order: the same comparison, turned round. */
function notOlderThan(position: KeysetPosition) {
  return sql<boolean>`(signatures.confirmed_at, signatures.id) >= (${position.confirmedAt}, ${position.id})`
}

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

/** The public list: confirmed and public only, newest first, by keyset (no OFFSET). */
export async function listPublicSignatures(
  db: Db,
  options: { query?: string; cursor?: string; limit: number; searchWindow?: number },
): Promise<SignatoryPage> {
  let q = whereListed(
    db.selectFrom('signatures').select(['id', 'first_name', 'last_name', 'category', 'institution', 'discipline', 'confirmed_at', 'email_domain']),
  )
  const after = options.cursor ? decodeCursor(options.cursor) : undefined
  const term = searchKey(options.query ?? '')
  let windowEnd: KeysetPosition | undefined
  if (term !== '') {
    // Where the window ends, read from the list's index alone (the few hidden or
    // unapproved signatures it counts make the window a little shorter, no more).
    let boundary = db.selectFrom('signatures').select(['confirmed_at', 'id']).where('status', '=', 'confirmed').where('is_public', '=', 1)
    if (after) boundary = boundary.where(olderThan(after))
    const row = await boundary
      .orderBy('confirmed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .offset((options.searchWindow ?? SEARCH_WINDOW) - 1)
      .executeTakeFirst()
    windowEnd = row && { confirmedAt: row.confirmed_at!, id: row.id }
    if (windowEnd) q = q.where(notOlderThan(windowEnd))
    const escaped = term.replace(/[\\%_]/g, (c) => '\\' + c)
    q = q.where(sql<boolean>`search_text like ${`%${escaped}%`} escape '\\'`)
  }
  const page = await newestFirstPage(q, after, options.limit)
  const items = page.rows.map(toPublicSignature)
  if (page.next) return { items, next: page.next }
  if (windowEnd) return { items, next: encodeCursor(windowEnd.confirmedAt, windowEnd.id), searchWindowEnded: true }
  return { items }
}
