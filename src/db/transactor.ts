// Write transactions. On SQLite every commit waits for the disk (synchronous=FULL),
// so under a burst of signatures the commits, not the CPU, set the pace. Group
// commit: writes are queued and run together in one transaction, each inside its
// own savepoint, so one failing write rolls back alone; every caller is answered
// only after the commit that holds its write is on disk. On PostgreSQL, which
// commits concurrent transactions in parallel, each write is simply its own
// transaction.
//
// better-sqlite3 is synchronous: a whole batch, commit included, runs without
// giving the event loop a turn. Started at once, a batch would hold the one write
// of the request that started it, and the requests read from the network during
// the next turn would each get a commit of their own. So a batch starts only after
// the current turn of the event loop (setImmediate), and holds every write that
// the requests of that turn asked for.
import { sql, type Db, type Tx } from './database.js'
import type { WriteGuard } from './write-guard.js'

/** Runs a write transaction: the one way the application writes (see write-guard.ts). */
export type Transact = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>

export interface Transactor {
  transact: Transact
}

/** Writes grouped into one transaction at most: bounds the time one commit holds the database. */
export const MAX_BATCH = 256

interface Job {
  work: (tx: Tx) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (err: unknown) => void
}

export function createTransactor(db: Db, dialect: 'sqlite' | 'postgres', guard?: WriteGuard): Transactor {
  const asTransactorWork = guard ? guard.run : <T>(work: () => T) => work()
  if (dialect === 'postgres')
    return { transact: (work) => asTransactorWork(() => db.transaction().execute(work)) }

  const queue: Job[] = []
  let draining = false
  let scheduled = false

  async function runBatch(batch: Job[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; err: unknown })[] = []
    const trx = await db.startTransaction().execute()
    try {
      for (const [i, job] of batch.entries()) {
        const savepoint = sql.raw(`w${i}`)
        await sql`savepoint ${savepoint}`.execute(trx)
        try {
          outcomes.push({ ok: true, value: await job.work(trx) })
          await sql`release ${savepoint}`.execute(trx)
        } catch (err) {
          await sql`rollback to ${savepoint}`.execute(trx)
          await sql`release ${savepoint}`.execute(trx)
          outcomes.push({ ok: false, err })
        }
      }
      await trx.commit().execute()
    } catch (err) {
      // The commit itself failed: nothing of this batch is durable, tell everyone.
      await trx
        .rollback()
        .execute()
        .catch(() => {})
      for (const job of batch) job.reject(err)
      return
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!
      if (outcome.ok) job.resolve(outcome.value)
      else job.reject(outcome.err)
    })
  }

  async function drain(): Promise<void> {
    scheduled = false
    draining = true
    try {
      while (queue.length > 0) await runBatch(queue.splice(0, MAX_BATCH))
    } finally {
      draining = false
    }
  }

  return {
    transact<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
        if (!draining && !scheduled) {
          scheduled = true
          setImmediate(() => void asTransactorWork(drain))
        }
      })
    },
  }
}
