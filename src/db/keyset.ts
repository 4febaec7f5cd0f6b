// Keyset pagination in the public order of signatures (newest confirmation first):
// a page is read after the (confirmed_at, id) of the last row shown, never with an
// OFFSET, so a page deep in the list costs what the first one does.
import { sql, type Db, type SelectQueryBuilder } from './database.js'
import type { Database } from './schema.js'

/** Where a row stands in the public order. */
export interface KeysetPosition {
  confirmedAt: string
  id: number
}

/**
 * Rows after a keyset cursor in the public order (newest first). A row-value
 * comparison, which both databases answer with a range scan of the list's index,
 * however deep the page.
 */
function olderThan(after: KeysetPosition) {
  return sql<boolean>`(signatures.confirmed_at, signatures.id) < (${after.confirmedAt}, ${after.id})`
}

/** Rows at or before a position in the public order: the same comparison, turned round. */
export function notOlderThan(position: KeysetPosition) {
  return sql<boolean>`(signatures.confirmed_at, signatures.id) >= (${position.confirmedAt}, ${position.id})`
}

/**
 * The position `rows` rows further down the list of confirmed public signatures than
 * `after` (from the top without it), read from the list's index alone; undefined
 * when the list ends sooner. The few hidden or unapproved signatures it counts make
 * the stretch a little shorter in listed rows, no more.
 */
export async function positionFurther(
  db: Db,
  after: KeysetPosition | undefined,
  rows: number,
): Promise<KeysetPosition | undefined> {
  let q = db
    .selectFrom('signatures')
    .select(['confirmed_at', 'id'])
    .where('status', '=', 'confirmed')
    .where('is_public', '=', 1)
  if (after) q = q.where(olderThan(after))
  const row = await q
    .orderBy('confirmed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .offset(rows - 1)
    .executeTakeFirst()
  return row ? { confirmedAt: row.confirmed_at!, id: row.id } : undefined
}

/**
 * One page of a query of signatures in the public order (newest first), after the
 * position a cursor names: the rows, and the cursor of the next page when there is one.
 */
export async function newestFirstPage<O extends { id: number; confirmed_at: string | null }>(
  query: SelectQueryBuilder<Database, 'signatures', O>,
  after: KeysetPosition | undefined,
  limit: number,
): Promise<{ rows: O[]; next?: string }> {
  return latestFirstPage(query, 'confirmed_at', after, limit)
}

/** The timestamps of a signature that a list may be read in, newest first. */
type KeysetColumn = 'confirmed_at' | 'comment_approved_at'

/**
 * The same keyset on another timestamp of the signature: testimonies are read newest
 * approval first. The cursor has the same form, the time being the column's.
 */
export async function latestFirstPage<
  C extends KeysetColumn,
  O extends { id: number } & { [K in C]: string | null },
>(
  query: SelectQueryBuilder<Database, 'signatures', O>,
  column: C,
  after: KeysetPosition | undefined,
  limit: number,
): Promise<{ rows: O[]; next?: string }> {
  const ref = sql.ref<string>(`signatures.${column}`)
  const q = after
    ? query.where(sql<boolean>`(${ref}, signatures.id) < (${after.confirmedAt}, ${after.id})`)
    : query
  const rows = await q
    .orderBy(ref, 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    rows: page,
    next: rows.length > limit && last ? encodeCursor(last[column]!, last.id) : undefined,
  }
}

/** Opaque keyset cursor: the (confirmed_at, id) of the last row shown. */
export function encodeCursor(confirmedAt: string, id: number): string {
  return Buffer.from(`${confirmedAt}|${id}`).toString('base64url')
}

export function decodeCursor(cursor: string): KeysetPosition | undefined {
  const decoded = Buffer.from(cursor, 'base64url').toString()
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(\d{1,12})$/.exec(decoded)
  return m ? { confirmedAt: m[1]!, id: Number(m[2]) } : undefined
}
