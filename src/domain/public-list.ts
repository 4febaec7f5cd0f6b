// The public list of signatories: how a listed row is shown, and the list itself with
// its search, newest first by keyset. What "listed" means is signature-state.ts's.
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { decodeCursor, encodeCursor, newestFirstPage, notOlderThan, positionFurther } from '../db/keyset.js'
import { planSearch, TRIGRAM } from '../db/search.js'
import type { Signature } from '../db/schema.js'
import { searchKey } from './clean-text.js'
import { largeInstitutions, shownSignatory, type ShownColumns, type ShownSignatory } from './display.js'
import { whereListed, whereSearchable } from './signature-state.js'

/** Cursors are read by the routes that take them from a query string. */
export { decodeCursor } from '../db/keyset.js'

export interface PublicSignature extends ShownSignatory {
  id: number
  confirmedAt: string
  /**
   * What the signatory typed as their institution, shown apart as their own precision
   * beside a verified one («Harvard University, Prix Nobel» typed at univ-tlse3.fr is
   * never shown as verified); empty when it only says the verified name again.
   */
  precision: string
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
 * Whether what was typed only says again the verified name, or a part of it
 * («Université Toulouse III» beside «Université Toulouse III – Paul Sabatier»): no
 * need to repeat it.
 */
function repeats(typed: string, verified: string): boolean {
  const key = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
  return key(verified).includes(key(typed))
}

/** The columns of a listed signature that the public list reads. */
export type PublicRow = ShownColumns & Pick<Signature, 'id' | 'confirmed_at'>

/** A row of the public list as pages show it, as its signatory chose to appear (display.ts). */
export function toPublicSignature(
  site: SiteConfig,
  r: PublicRow,
  large: ReadonlySet<string>,
): PublicSignature {
  const shown = shownSignatory(site, r, large)
  const verified = shown.verifiedInstitution
  return {
    ...shown,
    id: r.id,
    confirmedAt: r.confirmed_at!,
    precision:
      verified !== undefined && shown.institution && !repeats(shown.institution, verified)
        ? shown.institution
        : '',
  }
}

/** Rows of the public list as pages show them: one read of the counters for the whole page. */
export async function toPublicSignatures(
  db: Db,
  site: SiteConfig,
  rows: readonly PublicRow[],
): Promise<PublicSignature[]> {
  const large = await largeInstitutions(db, site, rows)
  return rows.map((r) => toPublicSignature(site, r, large))
}

/** At most this many «Premiers signataires» are shown before the list: a tribune's worth, and more. */
export const INITIAL_MAX = 2000

/**
 * The «Premiers signataires» marked by the moderators and listed, alphabetically by the
 * name as shown (sort_key), as the list shows them before everyone else.
 */
export async function listInitialSignatories(db: Db, site: SiteConfig): Promise<PublicSignature[]> {
  const rows = await whereListed(
    db
      .selectFrom('signatures')
      .select([...PUBLIC_COLUMNS])
      .where('initial_signatory', '=', 1),
  )
    .orderBy('sort_key')
    .orderBy('id')
    .limit(INITIAL_MAX)
    .execute()
  return toPublicSignatures(db, site, rows)
}

/**
 * A search with many candidates on SQLite first looks for its page among this many
 * signatures below the cursor, testing each row as the list's index brings it: a
 * term in one signature in a hundred or more fills its page there, in a few
 * milliseconds whatever the size of the list. Rarer, it then asks the index for every
 * match below that stretch (see listPublicSignatures).
 */
export const SEARCH_STRETCH = 5000

/** The columns of a listed signature that anything public shows (the list, open data, the API). */
export const PUBLIC_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'category',
  'institution',
  'discipline',
  'confirmed_at',
  'email_domain',
  'display',
  'title',
  'unit',
] as const

/**
 * The public list: confirmed and public only, newest first, by keyset (no OFFSET).
 * A search finds its term anywhere in the first name, last name or institution,
 * whatever the case and accents, through the trigram index: every match, in the
 * list's order, a page at a time. How it reads them depends on what the index says
 * of the term (planSearch): nothing when it is in no signature; by id when it is in
 * few (counted up to READ_BY_ID_MAX); otherwise along the list (SQLite), on
 * a stretch first and through the index beyond it, so that neither a common term
 * (reading all its matches) nor a rare phrase of common trigrams (walking the whole
 * list) costs in proportion to the size of the list.
 */
export async function listPublicSignatures(
  db: Db,
  site: SiteConfig,
  options: {
    query?: string
    cursor?: string
    limit: number
    /** See READ_BY_ID_MAX; tests lower it to take every way through a small list. */
    readByIdMax?: number
    /** See SEARCH_STRETCH; tests lower it likewise. */
    stretch?: number
  },
): Promise<SignatoryPage> {
  const term = searchKey(options.query ?? '')
  const after = options.cursor ? decodeCursor(options.cursor) : undefined
  // The «Premiers signataires» come first, on their own (listInitialSignatories); a search finds them too.
  const everyone = whereListed(db.selectFrom('signatures').select([...PUBLIC_COLUMNS])).where(
    'initial_signatory',
    '=',
    0,
  )
  // A search matches names: it reads only those shown under their full name.
  const listed = (o: { rowsById?: boolean } = {}) =>
    whereSearchable(db.selectFrom('signatures').select([...PUBLIC_COLUMNS]), o)
  const done = async (page: { rows: PublicRow[]; next?: string }): Promise<SignatoryPage> => ({
    items: await toPublicSignatures(db, site, page.rows),
    next: page.next,
  })
  if (term === '') return done(await newestFirstPage(everyone, after, options.limit))
  if ([...term].length < SEARCH_MIN_CHARACTERS) return { items: [], termTooShort: true }
  const plan = await planSearch(db, term, options.readByIdMax)
  if (plan.kind === 'none') return { items: [] }
  if (plan.byId || !plan.inRow)
    return done(
      await newestFirstPage(listed({ rowsById: plan.byId }).where(plan.condition), after, options.limit),
    )

  const boundary = await positionFurther(db, after, options.stretch ?? SEARCH_STRETCH)
  let near = listed().where(plan.inRow)
  if (boundary) near = near.where(notOlderThan(boundary))
  const first = await newestFirstPage(near, after, options.limit)
  // The page is full within the stretch, or the stretch reached the end of the list.
  if (first.next || !boundary) return done(first)
  const wanted = options.limit - first.rows.length
  const beyond = await newestFirstPage(listed().where(plan.condition), boundary, Math.max(wanted, 1))
  const rows = [...first.rows, ...beyond.rows.slice(0, wanted)]
  const more = beyond.rows.length > wanted || beyond.next !== undefined
  const last = rows.at(-1)
  return done({ rows, next: more && last ? encodeCursor(last.confirmed_at!, last.id) : undefined })
}
