// Matching the search text of signatures (names and institution, lower-case and
// accent-free, see searchKey) through the trigram index of migration 008: FTS5 on
// SQLite, pg_trgm on PostgreSQL. Both find a term anywhere in the text, and both need
// at least three characters to use their index (one trigram); shorter terms are
// refused by the caller rather than sent here, where they would read every row.
import type { RawBuilder } from 'kysely'
import { sql, type Db } from './database.js'
import { isPostgres } from './dialect.js'

/** The fewest characters a term needs for the index to find it without reading every row. */
export const TRIGRAM = 3

/**
 * On SQLite, a search with at most this many candidates reads them by id and sorts
 * them; with more, it walks the list in its order and stops once a page is full.
 * Reading one candidate by id costs about as much as stepping over a few dozen rows
 * of the list's index, so below a few thousand candidates the first way wins (at 200,000
 * signatures: a term with 500 matches, 2–5 ms either way; 10,000 matches, 5 ms walking
 * against 30–100 ms reading them all).
 */
export const READ_BY_ID_MAX = 3000

export type SearchPlan =
  /** The term is in no signature: nothing to read. */
  | { kind: 'none' }
  /**
   * A condition on `signatures` true for rows whose search_text contains the term;
   * `byId`: few candidates, to be read by id rather than by walking the list.
   */
  | { kind: 'match'; condition: RawBuilder<boolean>; byId: boolean }

/**
 * How to find the signatures whose search_text contains `term` (already folded by
 * searchKey), matched literally: wildcards typed are not wildcards.
 */
export async function planSearch(db: Db, term: string, readByIdMax = READ_BY_ID_MAX): Promise<SearchPlan> {
  if (isPostgres(db)) {
    // pg_trgm's GIN index answers LIKE; backslash is PostgreSQL's default escape. The
    // planner knows from its statistics whether to read matches or walk the list.
    const pattern = `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`
    return { kind: 'match', condition: sql<boolean>`signatures.search_text like ${pattern}`, byId: false }
  }
  // Every match holds every trigram of the term: the rarest one bounds their number
  // (0 when one of them is in no signature at all, the usual case for a term found
  // nowhere). SQLite's planner cannot know this, FTS5 tells it nothing.
  const chars = [...term]
  const trigrams = [...new Set(chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join('')))]
  const row = await sql<{ found: number; fewest: number | null }>`
    select count(*) as found, min(doc) as fewest from signatures_search_terms where term in (${sql.join(trigrams)})`
    .execute(db)
    .then((r) => r.rows[0])
  if (!row || row.found < trigrams.length) return { kind: 'none' }
  // A phrase of consecutive trigrams is the term itself; " is doubled inside a phrase.
  const phrase = `"${term.replaceAll('"', '""')}"`
  return {
    kind: 'match',
    condition: sql<boolean>`signatures.id in (select rowid from signatures_search where signatures_search match ${phrase})`,
    byId: (row.fewest ?? 0) <= readByIdMax,
  }
}
