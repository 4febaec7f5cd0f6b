// Matching the search text of signatures (names and institution, lower-case and
// accent-free, see searchKey) through the trigram index of migration 008: FTS5 on
// SQLite, pg_trgm on PostgreSQL. Both find a term anywhere in the text, and both need
// at least three characters to use their index (one trigram); shorter terms are
// refused by the caller rather than sent here, where they would read every row.
import type { RawBuilder } from 'kysely'
import { sql, type Db } from './database.js'
import { isPostgres } from './dialect.js'
import { containsText } from './like.js'

/** The fewest characters a term needs for the index to find it without reading every row. */
export const TRIGRAM = 3

/**
 * On SQLite, a term in at most this many signatures is searched by reading its
 * matches by id and sorting them; one in more, by walking the list in its order
 * (see listPublicSignatures). At 200,000 signatures, reading 500 matches by id takes
 * 2–5 ms; reading 10,000 takes 30–100 ms where walking the list finds a page in 5.
 */
export const READ_BY_ID_MAX = 3000

export type SearchPlan =
  /** The term is in no signature: nothing to read. */
  | { kind: 'none' }
  /**
   * A condition on `signatures` true for rows whose search_text contains the term;
   * `byId`: few matches, to be read by id rather than by walking the list.
   */
  | {
      kind: 'match'
      condition: RawBuilder<boolean>
      byId: boolean
      /** The same test on a row already read, for walking the list (SQLite only). */
      inRow?: RawBuilder<boolean>
    }

/**
 * How to find the signatures whose search_text contains `term` (already folded by
 * searchKey), matched literally: wildcards typed are not wildcards.
 */
export async function planSearch(db: Db, term: string, readByIdMax = READ_BY_ID_MAX): Promise<SearchPlan> {
  if (isPostgres(db)) {
    // pg_trgm's GIN index answers LIKE. The planner knows from its statistics whether
    // to read matches or walk the list.
    return { kind: 'match', condition: containsText('signatures.search_text', term), byId: false }
  }
  // A phrase of consecutive trigrams is the term itself; " is doubled inside a phrase.
  const phrase = `"${term.replaceAll('"', '""')}"`
  // SQLite's planner knows nothing of how many rows a MATCH gives: count them, up to
  // the bound that decides. FTS5 yields matches one by one, so the count stops there:
  // under a millisecond for a common term, a few for a phrase of common trigrams,
  // nothing for a term found nowhere.
  const counted = await sql<{ matches: number }>`
    select count(*) as matches from (select 1 from signatures_search where signatures_search match ${phrase} limit ${readByIdMax + 1})`
    .execute(db)
    .then((r) => Number(r.rows[0]?.matches ?? 0))
  if (counted === 0) return { kind: 'none' }
  return {
    kind: 'match',
    condition: sql<boolean>`signatures.id in (select rowid from signatures_search where signatures_search match ${phrase})`,
    byId: counted <= readByIdMax,
    inRow: sql<boolean>`instr(signatures.search_text, ${term}) > 0`,
  }
}

/**
 * After a bulk load (the seed command): PostgreSQL queues new entries of a GIN index
 * in a pending list that every search reads through until autovacuum merges it (at
 * 200,000 seeded signatures, 30 ms for a term found nowhere instead of 2); merge it
 * now, and refresh the statistics the planner chooses its way with. SQLite keeps
 * nothing pending.
 */
export async function settleSearchIndex(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`vacuum analyze signatures`.execute(db)
}
