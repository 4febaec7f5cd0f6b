// Matching the search text of signatures (names and institution, lower-case and
// accent-free, see searchKey) through the trigram index of migration 008: FTS5 on
// SQLite, pg_trgm on PostgreSQL. Both find a term anywhere in the text, and both need
// at least three characters to use their index (one trigram); shorter terms are
// refused by the caller rather than sent here, where they would read every row.
import { sql, type Db } from './database.js'
import { isPostgres } from './dialect.js'

/** The fewest characters a term needs for the index to find it without reading every row. */
export const TRIGRAM = 3

/**
 * A condition on `signatures` true for rows whose search_text contains `term`
 * (already folded by searchKey), matched literally: wildcards typed are not wildcards.
 */
export function searchTextContains(db: Db, term: string) {
  if (isPostgres(db)) {
    // pg_trgm's GIN index answers LIKE; backslash is PostgreSQL's default escape.
    return sql<boolean>`signatures.search_text like ${`%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`}`
  }
  // FTS5 uses its trigram index for LIKE and GLOB, but not for LIKE with an ESCAPE
  // clause: GLOB then, where a metacharacter is matched literally inside brackets
  // (the text is already lower-case, so GLOB's case sensitivity changes nothing).
  const pattern = `*${term.replace(/[*?[\]]/g, (c) => `[${c}]`)}*`
  return sql<boolean>`signatures.id in (select rowid from signatures_search where search_text glob ${pattern})`
}
