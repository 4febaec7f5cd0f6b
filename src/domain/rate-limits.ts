// Rate limits: one model for the whole site. Every limit is a fixed window counted per
// bucket ("sign:net:<network hash>:m"); formLimits below names, in one place, what
// each form that sends mail is counted against and with which setting of [limits].
// A university signs from one network: the limits in site.toml are generous, some
// networks and domains are exempt, and an hourly report names what stands out
// instead of refusing it blindly.
//
// Where the windows live depends on who shares them:
// - SQLite: one process owns the database, so the windows are kept in that process's
//   memory (memoryWindows). Counting costs no statement and no disk flush; a restart
//   forgets the current windows, which only opens each budget once more.
// - PostgreSQL: several instances share one budget, so the windows are rows of
//   rate_limits (sharedWindows). The hits of every request that arrives during one
//   turn of the event loop are added by one statement that reads the totals back;
//   each request is judged on exact totals, as if counted alone, so two instances
//   never grant one budget twice. The table is UNLOGGED (migration 006): its writes
//   skip the write-ahead log and their commits wait for no disk flush. A crash of
//   PostgreSQL empties it, which again only opens each budget once more.
import type { QueryResult } from 'kysely'
import { sql, type Db } from '../db/database.js'
import type { Transact } from '../db/transactor.js'
import type { LimitsConfig } from '../config.js'

export const MINUTE_MS = 60_000
export const HOUR_MS = 3600_000
export const DAY_MS = 24 * HOUR_MS

/** What one request is counted against: refused when the window's total goes over `max`. */
export interface Limit {
  /** What is counted: "sign:net:<hash>:m". */
  bucket: string
  windowMs: number
  max: number
}

/** A counter that refuses nothing by itself (the hourly report's tallies, a form stamp's uses). */
export interface Tally {
  bucket: string
  windowMs: number
}

export type LimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number }

// ---------------------------------------------------------------------------
// Every limit of the site
// ---------------------------------------------------------------------------

/** The forms that send mail, each counted per client network. */
export type LimitedForm = 'sign' | 'manage' | 'relay' | 'login'

/** Where a request comes from, as the limits see it. */
export interface Origin {
  /** networkKey of the client address. */
  network: string
  /** In [limits] allow_networks: the limits per network do not apply. */
  allowListed: boolean
}

/**
 * The limits per client network a form's submission is counted against; none for an
 * allow-listed network.
 */
export function formLimits(form: LimitedForm, l: LimitsConfig, origin: Origin): Limit[] {
  if (origin.allowListed) return []
  const network = origin.network
  switch (form) {
    case 'sign':
      return [
        { bucket: `sign:net:${network}:m`, windowMs: MINUTE_MS, max: l.signPerMinute },
        { bucket: `sign:net:${network}:h`, windowMs: HOUR_MS, max: l.signPerHour },
      ]
    case 'manage':
      return [{ bucket: `manage:net:${network}:m`, windowMs: MINUTE_MS, max: l.managePerMinute }]
    case 'relay':
      return [{ bucket: `relay:net:${network}:m`, windowMs: MINUTE_MS, max: l.relayPerMinute }]
    case 'login':
      return [{ bucket: `login:net:${network}:m`, windowMs: MINUTE_MS, max: l.loginPerMinute }]
  }
}

/**
 * Login requests for one mailbox from one network (allow-listed or not): nobody on
 * another network can use up the budget a moderator has on their own.
 */
export function loginPairLimit(l: LimitsConfig, network: string, mailbox: string): Limit {
  return { bucket: `login:pair:${network}:${mailbox}`, windowMs: HOUR_MS, max: l.loginPerAddressPerHour }
}

/** Login mails to one mailbox from every network together, this hour. */
export function loginMailTally(mailbox: string): Tally {
  return { bucket: `login:mail:${mailbox}`, windowMs: HOUR_MS }
}

/**
 * Requests for mail to one mailbox from one network, today. The first of them is
 * never refused by a cap per recipient: whoever floods a mailbox from elsewhere, its
 * owner still gets the mail they ask for from their own network.
 */
export function mailboxFromNetworkTally(network: string, mailbox: string): Tally {
  return { bucket: `mail:pair:${network}:${mailbox}`, windowMs: DAY_MS }
}

/** The uses of one signed form timestamp. A stamp lives a day, so a window of two days holds it whole but for one boundary. */
export function formStampTally(stamp: string): Tally {
  return { bucket: `stamp:${stamp}`, windowMs: 2 * DAY_MS }
}

/** E-mail domains' signing requests, for the hourly report. */
export function signDomainTally(domain: string): Tally {
  return { bucket: `sign:domain:${domain}`, windowMs: MINUTE_MS }
}

// ---------------------------------------------------------------------------
// Window arithmetic
// ---------------------------------------------------------------------------

/** Where the fixed window holding `now` starts, in ms. */
export function windowStart(now: Date, windowMs: number): number {
  return Math.floor(now.getTime() / windowMs) * windowMs
}

/**
 * The verdict on totals just counted (totals[i] for limits[i]): refused when any is
 * over its maximum, to be tried again when the last window over it ends.
 */
export function judge(limits: readonly Limit[], totals: readonly number[], now: Date): LimitOutcome {
  let retryAfterMs = 0
  limits.forEach((limit, i) => {
    if (totals[i]! > limit.max)
      retryAfterMs = Math.max(retryAfterMs, windowStart(now, limit.windowMs) + limit.windowMs - now.getTime())
  })
  return retryAfterMs > 0
    ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) }
    : { ok: true }
}

// ---------------------------------------------------------------------------
// The limiter and its two stores
// ---------------------------------------------------------------------------

/** One addition to a bucket's current window. */
export interface Hit {
  bucket: string
  windowMs: number
  weight: number
}

/** Where windows are counted: adds hits and reads back each new total, in order. */
export interface WindowStore {
  add(hits: readonly Hit[], now: Date): Promise<number[]>
  /** Totals per bucket of the windows that start at or after `since`, for buckets matching one of the SQL LIKE patterns. */
  totalsSince(patterns: readonly string[], since: Date): Promise<Map<string, number>>
  /** Forgets windows that ended before `before`. */
  purge(before: Date): Promise<void>
  /** Finishes what is under way. */
  close(): Promise<void>
}

export interface RateLimiter {
  /**
   * Counts a request of `weight` against each limit, and once against each tally;
   * refused when any limit is over. A refused request still counts, so hammering
   * does not reopen the door sooner. `totals` are the new totals of the limits, then
   * of the tallies, in order.
   */
  hit(
    limits: readonly Limit[],
    weight: number,
    now: Date,
    tallies?: readonly Tally[],
  ): Promise<LimitOutcome & { totals: number[] }>
  /** Networks and e-mail domains above the report thresholds over the last hour. */
  listOutliers(
    now: Date,
    thresholds: { networkPerHour: number; domainPerHour: number },
  ): Promise<OutlierLine[]>
  /** Forgets the windows no limit and no report reads any more. */
  purge(now: Date): Promise<void>
  close(): Promise<void>
}

export function createRateLimiter(db: Db, dialect: 'sqlite' | 'postgres', transact: Transact): RateLimiter {
  return limiterOver(dialect === 'postgres' ? sharedWindows(db, transact) : memoryWindows())
}

export function limiterOver(store: WindowStore): RateLimiter {
  return {
    async hit(limits, weight, now, tallies = []) {
      const totals = await store.add(
        [
          ...limits.map((l) => ({ bucket: l.bucket, windowMs: l.windowMs, weight })),
          ...tallies.map((t) => ({ ...t, weight: 1 })),
        ],
        now,
      )
      return { ...judge(limits, totals, now), totals }
    },
    async listOutliers(now, thresholds) {
      const totals = await store.totalsSince(
        ['sign:net:%:m', 'sign:domain:%'],
        new Date(now.getTime() - HOUR_MS),
      )
      const lines: OutlierLine[] = []
      for (const [bucket, total] of totals) {
        if (bucket.startsWith('sign:net:') && total > thresholds.networkPerHour) {
          lines.push({ kind: 'network', subject: bucket.slice('sign:net:'.length, -2), hits: total })
        } else if (bucket.startsWith('sign:domain:') && total > thresholds.domainPerHour) {
          lines.push({ kind: 'domain', subject: bucket.slice('sign:domain:'.length), hits: total })
        }
      }
      return lines.sort((a, b) => b.hits - a.hits)
    },
    // The report reads the last hour; a day-long window (a stamp's uses) ends later.
    purge: (now) => store.purge(new Date(now.getTime() - HOUR_MS)),
    close: () => store.close(),
  }
}

/**
 * Windows held by this process. Memory stays bounded: windows that ended more than
 * an hour ago go at each purge, and beyond MEMORY_WINDOWS the oldest go first (a
 * flood from more networks than that could reopen some budgets early; it already
 * has that many budgets).
 */
export const MEMORY_WINDOWS = 200_000

interface MemoryWindow {
  bucket: string
  start: number
  end: number
  hits: number
}

export function memoryWindows(maxWindows = MEMORY_WINDOWS): WindowStore {
  // Map keeps insertion order: the first entries are the oldest windows.
  const windows = new Map<string, MemoryWindow>()
  function sweep(before: number) {
    for (const [key, w] of windows) if (w.end < before) windows.delete(key)
  }
  return {
    async add(hits, now) {
      return hits.map((hit) => {
        const start = windowStart(now, hit.windowMs)
        const key = `${hit.bucket}@${start}`
        let w = windows.get(key)
        if (!w) {
          if (windows.size >= maxWindows) {
            sweep(now.getTime() - HOUR_MS)
            for (const oldest of windows.keys()) {
              if (windows.size < maxWindows * 0.9) break
              windows.delete(oldest)
            }
          }
          w = { bucket: hit.bucket, start, end: start + hit.windowMs, hits: 0 }
          windows.set(key, w)
        }
        w.hits += hit.weight
        return w.hits
      })
    },
    async totalsSince(patterns, since) {
      const matchers = patterns.map(likeMatcher)
      const totals = new Map<string, number>()
      for (const w of windows.values()) {
        if (w.start < since.getTime() || !matchers.some((m) => m(w.bucket))) continue
        totals.set(w.bucket, (totals.get(w.bucket) ?? 0) + w.hits)
      }
      return totals
    },
    async purge(before) {
      sweep(before.getTime())
    },
    async close() {},
  }
}

/** A SQL LIKE pattern ("sign:net:%:m") as a test on a string. */
function likeMatcher(pattern: string): (s: string) => boolean {
  const re = new RegExp(
    '^' +
      pattern
        .split('%')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\_]/g, (c) => (c === '_' ? '.' : `\\${c}`)))
        .join('.*') +
      '$',
    's',
  )
  return (s) => re.test(s)
}

interface PendingAdd {
  hits: readonly Hit[]
  now: Date
  resolve: (totals: number[]) => void
  reject: (err: unknown) => void
}

/**
 * Windows in the rate_limits table, shared by every instance. Additions made during
 * one turn of the event loop go to the database together, in one statement; while
 * it runs, the next ones gather. The rows are written in one order (sorted), so two
 * instances' statements never wait on each other crosswise. Like every write, the
 * statement goes through the transactor.
 */
export function sharedWindows(db: Db, transact: Transact): WindowStore {
  let queue: PendingAdd[] = []
  let scheduled = false
  let running: Promise<void> | undefined

  async function flush(batch: PendingAdd[]): Promise<void> {
    // Sum the batch per (bucket, window): one row may appear once in an upsert.
    const deltas = new Map<string, { bucket: string; start: string; delta: number }>()
    const keysOf = batch.map((p) =>
      p.hits.map((h) => {
        const start = new Date(windowStart(p.now, h.windowMs)).toISOString()
        const key = `${h.bucket}@${start}`
        const row = deltas.get(key) ?? { bucket: h.bucket, start, delta: 0 }
        row.delta += h.weight
        deltas.set(key, row)
        return key
      }),
    )
    const rows = [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r)
    let result: QueryResult<{ bucket: string; window_start: string; hits: number }>
    try {
      result = await transact((tx) =>
        sql<{ bucket: string; window_start: string; hits: number }>`
        insert into rate_limits (bucket, window_start, hits)
        select * from unnest(${rows.map((r) => r.bucket)}::text[], ${rows.map((r) => r.start)}::text[], ${rows.map((r) => r.delta)}::int[])
        on conflict (bucket, window_start) do update set hits = rate_limits.hits + excluded.hits
        returning bucket, window_start, hits`.execute(tx),
      )
    } catch (err) {
      for (const p of batch) p.reject(err)
      return
    }
    // Each request sees the totals as if counted alone, in the order they arrived.
    const counted = new Map<string, number>()
    for (const r of result.rows) {
      const key = `${r.bucket}@${r.window_start}`
      counted.set(key, Number(r.hits) - deltas.get(key)!.delta)
    }
    for (const [i, p] of batch.entries())
      p.resolve(
        p.hits.map((h, j) => {
          const key = keysOf[i]![j]!
          const total = counted.get(key)! + h.weight
          counted.set(key, total)
          return total
        }),
      )
  }

  function schedule() {
    if (scheduled || running || queue.length === 0) return
    scheduled = true
    setImmediate(() => {
      scheduled = false
      const batch = queue
      queue = []
      running = flush(batch).finally(() => {
        running = undefined
        schedule()
      })
    })
  }

  return {
    add(hits, now) {
      if (hits.length === 0) return Promise.resolve([])
      return new Promise((resolve, reject) => {
        queue.push({ hits, now, resolve, reject })
        schedule()
      })
    },
    async totalsSince(patterns, since) {
      const rows = await db
        .selectFrom('rate_limits')
        .select(['bucket', sql<number>`sum(hits)`.as('total')])
        .where('window_start', '>=', since.toISOString())
        .where((eb) => eb.or(patterns.map((p) => eb('bucket', 'like', p))))
        .groupBy('bucket')
        .execute()
      return new Map(rows.map((r) => [r.bucket, Number(r.total)]))
    },
    async purge(before) {
      // A window is kept until it has ended; the longest lasts two days.
      const oldest = new Date(before.getTime() - 2 * DAY_MS).toISOString()
      await transact((tx) => tx.deleteFrom('rate_limits').where('window_start', '<', oldest).execute())
    },
    async close() {
      while (running || scheduled) await (running ?? new Promise((r) => setImmediate(r)))
    },
  }
}

export interface OutlierLine {
  kind: 'network' | 'domain'
  /** The network's keyed hash, or the e-mail domain. */
  subject: string
  hits: number
}
