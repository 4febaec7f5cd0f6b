// The public, append-only log of every change of the public count (see entries.ts for
// what an entry says and merkle.ts for the tree).
//
// A change of the count writes a pending entry, without a position, in the transaction
// that makes the change: a rolled-back change leaves nothing behind, a committed one is
// sure to be logged. The sequencer (sequencer.ts) then numbers what has committed, in
// batches, one at a time: it holds the head row while it appends, so positions stay
// dense and the tree is built once per batch. Numbering in the change's own transaction
// made every confirmation wait for the one before it to commit, on PostgreSQL; now the
// changes run side by side and only the sequencer's short batches take turns.
import type { SiteConfig } from '../../config.js'
import { sql, type Db, type Tx } from '../../db/database.js'
import { isPostgres } from '../../db/dialect.js'
import type { Signature } from '../../db/schema.js'
import { isCounted } from '../signature-state.js'
import { commitmentOf, leafData, minuteOf, newSalt, type LogEntry } from './entries.js'
import {
  appendToFrontier,
  consistencyProof,
  inclusionProof,
  leafHash,
  nodesNeeded,
  rootFromFrontier,
  type Hash,
  type NodeKey,
  type NodeReader,
} from './merkle.js'

/** What of a signature the log needs: its id, when it was confirmed, its salt and position if logged. */
export interface LoggedSignature {
  id?: number
  confirmed_at: string | null
  log_salt?: string | null
  log_position?: number | null
  log_pending?: number | null
}

export interface LogHead {
  size: number
  additions: number
  cancellations: number
  frontier: Hash[]
}

function parseFrontier(text: string): Hash[] {
  return text ? text.split(',').map((h) => Buffer.from(h, 'hex')) : []
}

export async function readHead(db: Db | Tx, lock = false): Promise<LogHead> {
  let q = db.selectFrom('transparency_head').selectAll().where('id', '=', 1)
  if (lock && isPostgres(db)) q = q.forUpdate()
  const row = await q.executeTakeFirstOrThrow()
  return {
    size: Number(row.size),
    additions: Number(row.additions),
    cancellations: Number(row.cancellations),
    frontier: parseFrontier(row.frontier),
  }
}

/** The count the log says: additions minus cancellations. */
export function countOf(head: LogHead): number {
  return head.additions - head.cancellations
}

export function rootOfHead(head: LogHead): Hash {
  return rootFromFrontier(head.frontier)
}

type NewEntry = Omit<LogEntry, 'position'>

/**
 * Appends entries at the end of the log, whose head the caller read with its lock;
 * returns the position of the first.
 */
async function append(tx: Tx, head: LogHead, entries: NewEntry[]): Promise<number> {
  let frontier = head.frontier
  let size = head.size
  const rows: LogEntry[] = []
  const nodes: { level: number; idx: number; hash: Buffer }[] = []
  let additions = 0
  for (const e of entries) {
    const entry = { ...e, position: size }
    const step = appendToFrontier(frontier, size, leafHash(leafData(entry)))
    frontier = step.frontier
    for (const n of step.completed) nodes.push({ level: n.level, idx: n.index, hash: n.hash })
    rows.push(entry)
    if (e.kind === 'add') additions += 1
    size += 1
  }
  // Bounded batches keep each statement well under the drivers' parameter limits.
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('transparency_entries')
      .values(rows.slice(i, i + 1000))
      .execute()
  for (let i = 0; i < nodes.length; i += 1000)
    await tx
      .insertInto('transparency_nodes')
      .values(nodes.slice(i, i + 1000))
      .execute()
  await tx
    .updateTable('transparency_head')
    .set({
      size,
      additions: head.additions + additions,
      cancellations: head.cancellations + (entries.length - additions),
      frontier: frontier.map((h) => h.toString('hex')).join(','),
    })
    .where('id', '=', 1)
    .execute()
  return head.size
}

/**
 * Records that a signature starts (`add`) or stops (`cancel`) being counted, in the
 * caller's transaction: the one call applySignatureDelta makes. The entry waits there
 * for the sequencer to number it. An addition commits to the signature with its salt
 * (kept if it had one: counted again after being invalidated, it is the same
 * signature); a cancellation points to that addition, by its position, or by its
 * pending entry when it is not numbered yet.
 */
export async function logCountChange(
  tx: Tx,
  change: 'add' | 'cancel',
  signature: LoggedSignature,
  now: Date,
): Promise<void> {
  if (signature.id === undefined) throw new Error('a signature is logged by its id')
  const at = minuteOf(now.toISOString())
  if (change === 'add') {
    if (!signature.confirmed_at) throw new Error('only a confirmed signature is counted')
    const salt = signature.log_salt ?? newSalt()
    const pending = await tx
      .insertInto('transparency_pending')
      .values({
        at,
        kind: 'add',
        signature_id: signature.id,
        commitment: commitmentOf(salt, signature.id, signature.confirmed_at),
        cancels: null,
        cancels_pending: null,
        position: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await tx
      .updateTable('signatures')
      .set({ log_salt: salt, log_pending: pending.id })
      .where('id', '=', signature.id)
      .execute()
    pendingWritten.add(tx)
    return
  }
  const position = signature.log_position ?? null
  const pending = position === null ? (signature.log_pending ?? null) : null
  // Counted but never logged would mean a write path around applySignatureDelta:
  // better to refuse the change than to let the log and the count part ways.
  if (position === null && pending === null)
    throw new Error(`signature ${signature.id} is counted but not in the log`)
  await tx
    .insertInto('transparency_pending')
    .values({
      at,
      kind: 'cancel',
      signature_id: null,
      commitment: null,
      cancels: position,
      cancels_pending: pending,
      position: null,
    })
    .execute()
  // Withdrawn or deleted, the row is gone already; invalidated, it is kept for a while.
  await tx
    .updateTable('signatures')
    .set({ log_position: null, log_pending: null })
    .where('id', '=', signature.id)
    .execute()
  pendingWritten.add(tx)
}

/** Transactions that wrote pending entries: once committed, the sequencer has work. */
const pendingWritten = new WeakSet<object>()

export function wrotePendingEntries(tx: object): boolean {
  return pendingWritten.has(tx)
}

/** Pending entries numbered in one transaction at most. */
export const NUMBERING_BATCH = 1000

/**
 * Numbers the pending entries that have committed, oldest first, at most a batch:
 * appends them to the log, tells each signature its position. Returns how many were
 * numbered. One runs at a time: the head row's lock is taken first, and what is
 * pending is read after it, so that a second instance waiting for the lock finds
 * only what the first left.
 */
export async function numberPending(tx: Tx, limit = NUMBERING_BATCH): Promise<number> {
  const head = await readHead(tx, true)
  const waiting = await tx
    .selectFrom('transparency_pending')
    .selectAll()
    .where('position', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute()
  if (waiting.length === 0) return 0
  // Cancellations of additions numbered in an earlier batch: their positions.
  const numbered = new Map<number, number>()
  const earlier = waiting.flatMap((w) => (w.cancels_pending === null ? [] : [w.cancels_pending]))
  if (earlier.length > 0)
    for (const r of await tx
      .selectFrom('transparency_pending')
      .select(['id', 'position'])
      .where('id', 'in', earlier)
      .where('position', 'is not', null)
      .execute())
      numbered.set(r.id, Number(r.position))
  const entries: NewEntry[] = []
  const done: { id: number; position: number; signatureId: number | null }[] = []
  for (const w of waiting) {
    const position = head.size + entries.length
    let cancels = w.cancels === null ? null : Number(w.cancels)
    if (w.kind === 'cancel' && cancels === null) {
      const target = numbered.get(Number(w.cancels_pending))
      // An addition is always pending before what cancels it, so it is numbered first;
      // if it ever were not, this entry waits rather than cancel a guessed position.
      if (target === undefined) break
      cancels = target
    }
    entries.push({ at: w.at, kind: w.kind, commitment: w.commitment, cancels })
    numbered.set(w.id, position)
    done.push({ id: w.id, position, signatureId: w.signature_id === null ? null : Number(w.signature_id) })
  }
  if (entries.length === 0) return 0
  await append(tx, head, entries)
  // One statement per thousand rows; "column1…" are the names both databases give to
  // the columns of a VALUES list.
  for (let i = 0; i < done.length; i += 1000) {
    const slice = done.slice(i, i + 1000)
    const values = slice.map((d) => sql`(cast(${d.id} as integer), cast(${d.position} as integer))`)
    await sql`update transparency_pending set position = v.column2, signature_id = null
      from (values ${sql.join(values)}) as v
      where transparency_pending.id = v.column1`.execute(tx)
    const additions = slice.filter((d) => d.signatureId !== null)
    if (additions.length === 0) continue
    // Only if the signature still waits for this very entry: invalidated meanwhile, it
    // waits for none; counted again, for a newer one.
    const counted = additions.map(
      (d) =>
        sql`(cast(${d.signatureId} as integer), cast(${d.id} as integer), cast(${d.position} as integer))`,
    )
    await sql`update signatures set log_position = v.column3, log_pending = null
      from (values ${sql.join(counted)}) as v
      where signatures.id = v.column1 and signatures.log_pending = v.column2
        and signatures.id in (${sql.join(additions.map((d) => d.signatureId))})`.execute(tx)
  }
  return entries.length
}

/** True when entries wait to be numbered: a read, for the sequencer's idle check. */
export async function hasPendingEntries(db: Db | Tx): Promise<boolean> {
  const row = await db
    .selectFrom('transparency_pending')
    .select('id')
    .where('position', 'is', null)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Numbered entries stay a day, for a cancellation written while its addition was being
 * numbered; then only the log keeps them.
 */
export async function forgetNumberedEntries(tx: Tx, before: Date): Promise<number> {
  const result = await tx
    .deleteFrom('transparency_pending')
    .where('position', 'is not', null)
    .where('at', '<', minuteOf(before.toISOString()))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

type UnloggedRow = Pick<
  Signature,
  'id' | 'status' | 'is_public' | 'hidden_at' | 'approved_at' | 'invalidated_at' | 'confirmed_at' | 'log_salt'
>

/**
 * Logs every counted signature that is not in the log yet (nor waiting to be), in id
 * order and in bulk: what the seeders write, and what was counted before the log
 * existed (migration 010). Normally finds nothing, through an index holding nothing.
 * Appends directly, holding the head row like the sequencer.
 */
export async function logUnloggedSignatures(tx: Tx, site: SiteConfig, now: Date): Promise<number> {
  let logged = 0
  let after = 0
  const at = minuteOf(now.toISOString())
  for (;;) {
    // Named, not left to the planner: without statistics SQLite prefers the status index
    // and read every confirmed signature to find the few unlogged ones, for each batch
    // (minutes when seeding a million, a quarter of a second at each start-up). The
    // partial index holds only unlogged rows; `indexed by` fails loudly if the terms
    // below ever stop matching it. PostgreSQL plans with the values and finds it alone.
    const onlyUnlogged = isPostgres(tx) ? sql`` : sql`indexed by signatures_unlogged`
    const { rows } = await sql<UnloggedRow>`select id, status, is_public, hidden_at, approved_at,
        invalidated_at, confirmed_at, log_salt
      from signatures ${onlyUnlogged}
      where status = 'confirmed' and log_position is null and log_pending is null and id > ${after}
      order by id limit 5000`.execute(tx)
    if (rows.length === 0) return logged
    after = rows.at(-1)!.id
    const counted = rows
      .filter((r) => isCounted(r, site) && r.confirmed_at)
      .map((r) => ({ id: r.id, confirmedAt: r.confirmed_at!, salt: r.log_salt ?? newSalt() }))
    if (counted.length === 0) continue
    const first = await append(
      tx,
      await readHead(tx, true),
      counted.map((s) => ({
        at,
        kind: 'add',
        commitment: commitmentOf(s.salt, s.id, s.confirmedAt),
        cancels: null,
      })),
    )
    // One statement per thousand rows; "column1…" are the names both databases give
    // to the columns of a VALUES list. The id list beside the join lets SQLite find the
    // rows by their key: joined alone, it read the whole table for each thousand rows
    // (a million seeded signatures took minutes instead of seconds).
    for (let i = 0; i < counted.length; i += 1000) {
      const slice = counted.slice(i, i + 1000)
      const values = slice.map(
        (s, j) => sql`(cast(${s.id} as integer), ${s.salt}, cast(${first + i + j} as integer))`,
      )
      await sql`update signatures set log_salt = v.column2, log_position = v.column3
        from (values ${sql.join(values)}) as v
        where signatures.id = v.column1 and signatures.id in (${sql.join(slice.map((s) => s.id))})`.execute(
        tx,
      )
    }
    logged += counted.length
  }
}

/** Reads the stored nodes a computation needs, in one query, and runs it. */
async function withNodes<T>(db: Db | Tx, compute: (read: NodeReader) => T): Promise<T> {
  const keys = nodesNeeded(compute)
  const found = new Map<string, Hash>()
  for (let i = 0; i < keys.length; i += 200) {
    const batch = keys.slice(i, i + 200)
    const rows = await db
      .selectFrom('transparency_nodes')
      .select(['level', 'idx', 'hash'])
      .where((eb) => eb.or(batch.map((k) => eb.and([eb('level', '=', k.level), eb('idx', '=', k.index)]))))
      .execute()
    for (const r of rows) found.set(`${r.level}:${r.idx}`, Buffer.from(r.hash))
  }
  return compute((key: NodeKey) => {
    const hash = found.get(`${key.level}:${key.index}`)
    if (!hash) throw new Error(`the log lacks its node ${key.level}:${key.index}`)
    return hash
  })
}

export async function readInclusionProof(db: Db | Tx, position: number, size: number) {
  const proof = await withNodes(db, (read) => ({
    leaf: read({ level: 0, index: position }),
    path: inclusionProof(read, position, size),
  }))
  return proof
}

export async function readConsistencyProof(db: Db | Tx, first: number, second: number): Promise<Hash[]> {
  return withNodes(db, (read) => consistencyProof(read, first, second))
}

export async function listEntries(db: Db | Tx, from: number, to: number): Promise<LogEntry[]> {
  const rows = await db
    .selectFrom('transparency_entries')
    .selectAll()
    .where('position', '>=', from)
    .where('position', '<', to)
    .orderBy('position')
    .execute()
  return rows.map((r) => ({
    position: Number(r.position),
    at: r.at,
    kind: r.kind,
    commitment: r.commitment,
    cancels: r.cancels === null ? null : Number(r.cancels),
  }))
}
