// Counts are kept up to date by the transactions that change signatures, never
// recomputed from the signatures on a request: reading them costs the same at ten
// signatures or a million. On PostgreSQL each change lands on one of a few rows
// (shards) picked at random, summed on read, so concurrent confirmations do not
// queue behind one row lock.
//
// Besides the totals ("confirmed", "public"), counters are named by dimension:
//   verified                       confirmed with an institutional address
//   category:<key>                 confirmed, by category
//   discipline:<lower-case text>   confirmed, by discipline as typed
//   day:<YYYY-MM-DD>               confirmed, by day of confirmation (UTC)
//   domain:<d>, domain_public:<d>  confirmed / listed, by e-mail domain (the institution)
//   domain_category:<d>|<key>      confirmed, by domain and category
//   debate, domain_debate:<d>      confirmed and willing to help organise a debate
//   listed_discipline:<text>       listed, by discipline as typed (lower-case)
// A discipline is named publicly only when listed signatures typed it: what a
// signatory who is not listed typed may be counted, never shown. Institutions are
// named by the config alone (verifiedInstitutionOf), never by what anyone typed.
import type { SiteConfig } from '../config.js'
import { sql, type Db, type Tx } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'
import { startsWithText } from '../db/like.js'
import type { Transact } from '../db/transactor.js'
import { isCounted, isListed, SignatureStates, type SignatureState } from './signature-state.js'
import { isInstitutionalDomain } from './institutional-domains.js'
import { logCountChange, type LoggedSignature } from './transparency/log.js'

export type CounterName = string
/** Tallies kept beside the counts: confirmed signatures withdrawn by their signatories. */
export type TallyName = 'withdrawn'
/** Tallies record events, not states: no recount can derive them, and no rebuild erases them. */
export const TALLIES: readonly TallyName[] = ['withdrawn']
export const SHARDS = 8

/**
 * Adds each delta to its counter, in one statement. Names are sorted so that two
 * transactions touching the same rows lock them in the same order (no deadlock).
 */
export async function adjustCounters(
  tx: Tx,
  deltas: Record<CounterName, number | undefined>,
  now: Date,
): Promise<void> {
  const shard = isPostgres(tx) ? Math.floor(Math.random() * SHARDS) : 0
  const rows = Object.entries(deltas)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ({ name, shard, value, updated_at: now.toISOString() }))
  // Bounded batches keep each statement well under the drivers' parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto('counters')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['name', 'shard']).doUpdateSet({
          value: sql<number>`counters.value + excluded.value`,
          updated_at: sql<string>`excluded.updated_at`,
        }),
      )
      .execute()
  }
}

/** What of a signature decides what it counts for. */
export interface CountedSignature extends Partial<Omit<SignatureState, 'status' | 'is_public'>> {
  status: SignatureState['status']
  is_public: number
  wants_debate: number
  category: string
  discipline: string
  institution: string
  email_domain: string
  confirmed_at: string | null
}

/** The discipline as counted: trimmed, lower-case, so "Écologie" and "écologie " are one. */
export function disciplineKey(discipline: string): string {
  return discipline.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr')
}

/**
 * Every counter one signature adds 1 to. A signature counts once confirmed, unless
 * invalidated by the moderators (or, under pre-moderation, not yet approved when the
 * config says so); it counts as public when it is listed (isListed).
 */
export function counterKeys(site: SiteConfig, s: CountedSignature | null | undefined): string[] {
  if (!s?.confirmed_at) return []
  // Rows without the moderation columns (seeds, tests) are as moderators leave them by default.
  const state: SignatureState = {
    status: s.status,
    is_public: s.is_public,
    hidden_at: s.hidden_at ?? null,
    approved_at: s.approved_at === undefined ? s.confirmed_at : s.approved_at,
    invalidated_at: s.invalidated_at ?? null,
  }
  if (!isCounted(state, site)) return []
  const d = s.email_domain.toLowerCase()
  const keys = [
    'confirmed',
    `category:${s.category}`,
    `day:${s.confirmed_at.slice(0, 10)}`,
    `domain:${d}`,
    `domain_category:${d}|${s.category}`,
  ]
  const listed = isListed(state)
  if (listed) keys.push('public', `domain_public:${d}`)
  if (isInstitutionalDomain(site, d)) keys.push('verified')
  const discipline = disciplineKey(s.discipline)
  if (discipline) keys.push(`discipline:${discipline}`)
  if (discipline && listed) keys.push(`listed_discipline:${discipline}`)
  if (s.wants_debate) keys.push('debate', `domain_debate:${d}`)
  return keys
}

/** The counter deltas between two states of one signature (null: does not exist). */
export function signatureDelta(
  site: SiteConfig,
  before: CountedSignature | null | undefined,
  after: CountedSignature | null | undefined,
): Record<string, number> {
  const delta: Record<string, number> = {}
  for (const k of counterKeys(site, before)) delta[k] = (delta[k] ?? 0) - 1
  for (const k of counterKeys(site, after)) delta[k] = (delta[k] ?? 0) + 1
  for (const k of Object.keys(delta)) if (delta[k] === 0) delete delta[k]
  return delta
}

/**
 * Applies to every counter the change from `before` to `after` of one signature, in
 * the caller's transaction. Every change of a signature's state goes through here:
 * confirming (pending → confirmed), editing (confirmed → confirmed), withdrawing
 * (confirmed → null), moderation one by one or in bulk (approving, hiding,
 * invalidating), and leaving the debate relay from a mailed link. When the signature
 * starts or stops being counted, the public log records it first (its lock comes
 * before the counters' rows: see transparency/log.ts).
 */
export async function applySignatureDelta(
  tx: Tx,
  site: SiteConfig,
  before: (CountedSignature & LoggedSignature) | null | undefined,
  after: (CountedSignature & LoggedSignature) | null | undefined,
  now: Date,
): Promise<void> {
  const delta = signatureDelta(site, before, after)
  if (delta.confirmed)
    await logCountChange(
      tx,
      delta.confirmed > 0 ? 'add' : 'cancel',
      (delta.confirmed > 0 ? after : before)!,
      now,
    )
  await adjustCounters(tx, delta, now)
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
    .select((eb) => [
      'name',
      eb.fn.sum<number>('value').as('total'),
      eb.fn.max('updated_at').as('updated_at'),
    ])
    .where('name', 'in', ['confirmed', 'public'])
    .groupBy('name')
    .execute()
  const counts: Counts = { confirmed: 0, public: 0, updatedAt: null }
  for (const row of rows) {
    if (row.name === 'confirmed' || row.name === 'public') counts[row.name] = Number(row.total)
    if (row.updated_at && (counts.updatedAt === null || row.updated_at > counts.updatedAt))
      counts.updatedAt = row.updated_at
  }
  return counts
}

/** Some named counters, summed over their shards; absent ones are 0. */
export async function readCounters(db: Db | Tx, names: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]))
  if (names.length === 0) return out
  const rows = await db
    .selectFrom('counters')
    .select((eb) => ['name', eb.fn.sum<number>('value').as('total')])
    .where('name', 'in', names)
    .groupBy('name')
    .execute()
  for (const row of rows) out[row.name] = Number(row.total)
  return out
}

/**
 * Every counter of one dimension ("domain:", "day:"…), by the rest of its name,
 * summed over shards; counters back at zero are left out.
 */
export async function readCounterGroup(db: Db | Tx, prefix: string): Promise<Map<string, number>> {
  const match = isPostgres(db)
    ? startsWithText('name', prefix)
    : sql<boolean>`name glob ${`${prefix.replace(/[*?[\]]/g, (c) => `[${c}]`)}*`}`
  const rows = await db
    .selectFrom('counters')
    .select((eb) => ['name', eb.fn.sum<number>('value').as('total')])
    .where(match)
    .groupBy('name')
    .execute()
  const out = new Map<string, number>()
  for (const row of rows) {
    const total = Number(row.total)
    if (total !== 0) out.set(row.name.slice(prefix.length), total)
  }
  return out
}

/** Every counter derived from the signatures (tallies aside), summed over shards, without the zeros. */
export async function readAllCounters(db: Db | Tx): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('counters')
    .select((eb) => ['name', eb.fn.sum<number>('value').as('total')])
    .where('name', 'not in', TALLIES)
    .groupBy('name')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.total)]).filter(([, v]) => v !== 0))
}

const COUNTED_COLUMNS = [
  'status',
  'is_public',
  'wants_debate',
  'category',
  'discipline',
  'institution',
  'email_domain',
  'confirmed_at',
  'hidden_at',
  'approved_at',
  'invalidated_at',
] as const

/**
 * Recounts every counter from the signatures themselves, by the same rules: for checks
 * and repairs (after changing domain_patterns), never on a request path.
 */
export async function recountAll(db: Db | Tx, site: SiteConfig): Promise<Record<string, number>> {
  const totals: Record<string, number> = {}
  let after = 0
  for (;;) {
    const rows = await db
      .selectFrom('signatures')
      .select(['id', ...COUNTED_COLUMNS])
      .where(SignatureStates.counted(site.moderation.countBeforeApproval).where)
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute()
    for (const row of rows) for (const k of counterKeys(site, row)) totals[k] = (totals[k] ?? 0) + 1
    if (rows.length < 5000) return totals
    after = rows.at(-1)!.id
  }
}

/** Replaces every counter by a recount, in one transaction; tallies are kept. */
export async function rebuildCounters(
  transact: Transact,
  site: SiteConfig,
  now: Date,
): Promise<Record<string, number>> {
  return transact(async (tx) => {
    const totals = await recountAll(tx, site)
    await tx.deleteFrom('counters').where('name', 'not in', TALLIES).execute()
    await adjustCounters(tx, totals, now)
    return totals
  })
}

/**
 * Recounts the totals from the signatures themselves, by the rules of
 * signature-state.ts: for checks and repairs, never on a request path.
 */
export async function recount(
  db: Db | Tx,
  options: { countBeforeApproval?: boolean } = {},
): Promise<{ confirmed: number; public: number }> {
  const counted = SignatureStates.counted(options.countBeforeApproval ?? true)
  const row = await db
    .selectFrom('signatures')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when(counted.where(eb)).then(1).else(0).end()).as('confirmed'),
      eb.fn.sum<number>(eb.case().when(SignatureStates.listed.where(eb)).then(1).else(0).end()).as('public'),
    ])
    // Neither total counts a signature that is not confirmed: the status index narrows the read.
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow()
  return { confirmed: Number(row.confirmed ?? 0), public: Number(row.public ?? 0) }
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
