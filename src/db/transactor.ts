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
//
// Storage that fails for a moment (PostgreSQL restarting or failing over, a dropped
// connection, another process holding SQLite's write lock) must not cost anyone what
// they typed: a write that failed that way is run again, with growing pauses, for up to
// `retryForMs`, and the request waits meanwhile. Running it again is safe: a failed
// transaction left nothing behind, and every write finds what it needs in the database
// (the address hash and the token rules make a second attempt the same signature).
// A disk too full to take the write is not retried: the answer comes at once (503,
// the form kept), and writes resume by themselves when space comes back.
import { isUnavailable, sql, type Db, type Tx } from './database.js'
import type { StorageGauge } from './storage-gauge.js'
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

export interface TransactorOptions {
  guard?: WriteGuard
  /** How long a write is tried again after a transient failure; 0 never retries. */
  retryForMs?: number
  /** Refuses writes while the disk holding the database is nearly full (SQLite). */
  gauge?: StorageGauge
  sleep?: (ms: number) => Promise<void>
}

const FIRST_PAUSE_MS = 50
const LONGEST_PAUSE_MS = 1000

export function createTransactor(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  options: TransactorOptions = {},
): Transactor {
  const { guard, retryForMs = 0, gauge } = options
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const asTransactorWork = guard ? guard.run : <T>(work: () => T) => work()

  /** Runs `attempt` again after transient failures, until it succeeds or the time is up. */
  async function retrying<T>(attempt: () => Promise<T>): Promise<T> {
    const deadline = performance.now() + retryForMs
    let pause = FIRST_PAUSE_MS
    for (;;) {
      try {
        return await attempt()
      } catch (err) {
        const left = deadline - performance.now()
        if (!isUnavailable(err) || left <= 0) throw err
        await sleep(Math.min(pause, left))
        pause = Math.min(pause * 2, LONGEST_PAUSE_MS)
      }
    }
  }

  if (dialect === 'postgres')
    return { transact: (work) => retrying(() => asTransactorWork(() => db.transaction().execute(work))) }

  const queue: Job[] = []
  let draining = false
  let scheduled = false

  async function runBatch(batch: Job[]): Promise<void> {
    const full = gauge?.refusal()
    if (full) {
      for (const job of batch) job.reject(full)
      return
    }
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

  function enqueue<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      if (!draining && !scheduled) {
        scheduled = true
        setImmediate(() => void asTransactorWork(drain))
      }
    })
  }

  return { transact: (work) => retrying(() => enqueue(work)) }
}
