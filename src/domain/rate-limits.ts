// Rate limits per client network, counted in fixed windows in the database so that
// every instance shares them. A university signs from one network: the limits in
// site.toml are generous, some networks and domains are exempt, and an hourly report
// names what stands out instead of refusing it blindly.
import { isIP } from 'node:net'
import { sql, type Db, type Tx } from '../db/database.js'
import type { Transact } from '../db/transactor.js'

export interface Limit {
  /** What is counted: "sign:net:<hash>". */
  bucket: string
  windowMs: number
  max: number
}

export type LimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number }

function windowStart(now: Date, windowMs: number): string {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs).toISOString()
}

/** Adds `weight` hits to a bucket's current window and returns the new total (one atomic statement). */
export async function addHits(db: Tx, bucket: string, windowMs: number, weight: number, now: Date): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ bucket, window_start: windowStart(now, windowMs), hits: weight })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql<number>`rate_limits.hits + ${weight}` }))
    .returning('hits')
    .executeTakeFirstOrThrow()
  return Number(row.hits)
}

/**
 * Counts one request against each limit; refused when any is over. A refused request
 * still counts, so hammering does not reopen the door sooner.
 */
export async function hitLimits(db: Tx, limits: Limit[], weight: number, now: Date): Promise<LimitOutcome> {
  let retryAfterMs = 0
  for (const limit of limits) {
    const hits = await addHits(db, limit.bucket, limit.windowMs, weight, now)
    if (hits > limit.max) {
      const end = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs + limit.windowMs
      retryAfterMs = Math.max(retryAfterMs, end - now.getTime())
    }
  }
  return retryAfterMs > 0 ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { ok: true }
}

/** True when the address lies in one of the CIDR networks ("192.0.2.0/24", "2001:db8::/32"). */
export function inNetworks(address: string, networks: readonly string[]): boolean {
  const ip = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address
  const bits = toBits(ip)
  if (!bits) return false
  return networks.some((cidr) => {
    const [base = '', size = ''] = cidr.split('/')
    const baseBits = toBits(base)
    const prefix = Number(size)
    return baseBits !== undefined && baseBits.length === bits.length && bits.slice(0, prefix) === baseBits.slice(0, prefix)
  })
}

function toBits(ip: string): string | undefined {
  const kind = isIP(ip)
  if (kind === 4) return ip.split('.').map((o) => Number(o).toString(2).padStart(8, '0')).join('')
  if (kind !== 6) return undefined
  const [head = '', tail = ''] = ip.split('::')
  const h = head ? head.split(':') : []
  const t = tail ? tail.split(':') : []
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h
  if (groups.length !== 8 || groups.some((g) => g.includes('.'))) return undefined
  return groups.map((g) => Number.parseInt(g || '0', 16).toString(2).padStart(16, '0')).join('')
}

export interface OutlierLine {
  kind: 'network' | 'domain'
  /** The network's keyed hash, or the e-mail domain. */
  subject: string
  hits: number
}

const HOUR_MS = 3600_000

/**
 * Networks and e-mail domains whose signing rate over the last full hour stands above
 * the reporting thresholds: for a person to look at, not refused by this.
 */
export async function listOutliers(
  db: Db,
  now: Date,
  thresholds: { networkPerHour: number; domainPerHour: number },
): Promise<OutlierLine[]> {
  const since = new Date(now.getTime() - HOUR_MS).toISOString()
  const rows = await db
    .selectFrom('rate_limits')
    .select(['bucket', sql<number>`sum(hits)`.as('total')])
    .where('window_start', '>=', since)
    .where((eb) => eb.or([eb('bucket', 'like', 'sign:net:%:m'), eb('bucket', 'like', 'sign:domain:%')]))
    .groupBy('bucket')
    .execute()
  const lines: OutlierLine[] = []
  for (const row of rows) {
    const total = Number(row.total)
    if (row.bucket.startsWith('sign:net:') && total > thresholds.networkPerHour) {
      lines.push({ kind: 'network', subject: row.bucket.slice('sign:net:'.length, -2), hits: total })
    } else if (row.bucket.startsWith('sign:domain:') && total > thresholds.domainPerHour) {
      lines.push({ kind: 'domain', subject: row.bucket.slice('sign:domain:'.length), hits: total })
    }
  }
  return lines.sort((a, b) => b.hits - a.hits)
}

/** Windows older than two days serve no limit and no report: they go. */
export async function purgeRateLimits(transact: Transact, now: Date): Promise<number> {
  const before = new Date(now.getTime() - 48 * HOUR_MS).toISOString()
  const result = await transact((tx) => tx.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst())
  return Number(result.numDeletedRows)
}
