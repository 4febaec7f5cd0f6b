// Counts are kept up to date by the transactions that change signatures, never
// recomputed from the signatures on a request: reading them costs the same at ten
// signatures or a million. On PostgreSQL each change lands on one of a few rows
// (shards) picked at random, summed on read, so concurrent confirmations do not
// queue behind one row lock.
import { sql, type Db, type Tx } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'

export type CounterName = 'confirmed' | 'public'
/** Tallies kept beside the counts: confirmed signatures withdrawn by their signatories. */
export type TallyName = 'withdrawn'
export const SHARDS = 8

export async function adjustCounters(tx: Tx, deltas: Partial<Record<CounterName | TallyName, number>>, now: Date): Promise<void> {
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

/**
 * Recounts from the signatures themselves: for checks and repairs, never on a request
 * path. The same rules as isCounted and isListed in signature-state.ts.
 */
export async function recount(db: Db | Tx, options: { countBeforeApproval?: boolean } = {}): Promise<{ confirmed: number; public: number }> {
  const countBeforeApproval = options.countBeforeApproval ?? true
  const row = await db
    .selectFrom('signatures')
    .select((eb) => [
      eb.fn.countAll<number>().as('confirmed'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('is_public', '=', 1), eb('approved_at', 'is not', null), eb('hidden_at', 'is', null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('public'),
    ])
    .where('status', '=', 'confirmed')
    .where('invalidated_at', 'is', null)
    .$if(!countBeforeApproval, (qb) => qb.where('approved_at', 'is not', null))
    .executeTakeFirstOrThrow()
  return { confirmed: Number(row.confirmed), public: Number(row.public ?? 0) }
}

/** One counter or tally, summed over its shards. */
export async function readCounter(db: Db | Tx, name: CounterName | TallyName): Promise<number> {
  const row = await db
    .selectFrom('counters')
    .select((eb) => eb.fn.sum<number>('value').as('total'))
    .where('name', '=', name)
    .executeTakeFirst()
  return Number(row?.total ?? 0)
}
