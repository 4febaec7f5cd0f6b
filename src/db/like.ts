// LIKE with what a person typed taken literally: a search for «50%» or a name such as
// «Anne_Marie» matches itself only, not every text where % and _ would be wildcards.
// PostgreSQL escapes with a backslash by default but SQLite has no escape character
// unless told: the ESCAPE clause is always written, so a pattern means the same on both.
// (PostgreSQL folds it into the pattern when planning: trigram and prefix indexes still serve.)
import type { RawBuilder } from 'kysely'
import { sql } from './database.js'

/** `text` with LIKE's wildcards (% and _) and the escape character itself escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** `column LIKE pattern`, where the pattern's own % and _ are wildcards and escapeLike's output is literal. */
export function like(column: string, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`
}

/** True where the column contains `text`, literally. */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  return like(column, `%${escapeLike(text)}%`)
}

/** True where the column starts with `text`, literally. */
export function startsWithText(column: string, text: string): RawBuilder<boolean> {
  return like(column, `${escapeLike(text)}%`)
}
