// Counts are kept up to date by the transactions that change signatures, never
// recomputed from the signatures on a request: reading them costs the same at ten
// signatures or a million. On PostgreSQL each change lands on one of a few rows
// (shards) picked at random, summed on read, so concurrent confirmations do not
// queue behind one row lock.
import { sql, type Db, type Tx } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'

export type CounterName = 'confirmed' | 'public'
export const SHARDS = 8

export async function adjustCounters(tx: Tx, deltas: Partial<Record<CounterName, number>>, now: Date): Promise<void> {
  const shard = isPostgres(tx) ? Math.floor(Math.random() * SHARDS) : 0
  for (const [name, delta] of Object.entries(deltas)) {
    if (!delta) continue
    await tx
      .insertInto('counters')
      .values({ name, shard, value: delta, updated_at: now.toISOString() })
      .onConflict((oc) =>
        oc.columns(['name', 'shard']).doUpdateSet({
          value: sql<number>`counters.value + excluded.value`,
          updated_at: sql<string>`excluded.updated_at`,
        }),
      )
      .execute()
  }
}

export interface Counts {
  confirmed: number
  public: number
  /** When a count last changed; null before the first confirmation. */
  updatedAt: string | null
}

export async function readCounts(db: Db | Tx): Promise<Counts> {
  const rows = await db
    .selectFrom('counters')
    .select((eb) => ['name', eb.fn.sum<number>('value').as('total'), eb.fn.max('updated_at').as('updated_at')])
    .groupBy('name')
    .execute()
  const counts: Counts = { confirmed: 0, public: 0, updatedAt: null }
  for (const row of rows) {
    if (row.name === 'confirmed' || row.name === 'public') counts[row.name] = Number(row.total)
    if (row.updated_at && (counts.updatedAt === null || row.updated_at > counts.updatedAt)) counts.updatedAt = row.updated_at
  }
  return counts
}

/** Recounts from the signatures themselves: for checks and repairs, never on a request path. */
export async function recount(db: Db | Tx): Promise<{ confirmed: number; public: number }> {
  const row = await db
    .selectFrom('signatures')
    .select((eb) => [
      eb.fn.countAll<number>().as('confirmed'),
      eb.fn.sum<number>(eb.case().when('is_public', '=', 1).then(1).else(0).end()).as('public'),
    ])
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow()
  return { confirmed: Number(row.confirmed), public: Number(row.public ?? 0) }
}

/**
 * Sets the counters from the signatures themselves, in one transaction: after a bulk
 * import, or to repair a drift found by a reconciliation.
 */
export async function rebuildCounters(db: Db, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const actual = await recount(tx)
    await tx.deleteFrom('counters').where('name', 'in', ['confirmed', 'public']).execute()
    await adjustCounters(tx, { confirmed: actual.confirmed, public: actual.public }, now)
  })
}
