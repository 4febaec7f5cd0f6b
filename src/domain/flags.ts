// Flags raised automatically when someone signs, for moderators to look at:
// a throwaway address, a burst from one network, the same name many times, a name
// on the watch list. Comments awaiting approval are shown beside them (they are a
// state, not a flag). A flag decides nothing by itself: a moderator does.
import unhomoglyph from 'unhomoglyph'
import type { Config } from '../config.js'
import type { Db, SelectQueryBuilder, Tx } from '../db/database.js'
import type { Database, FlagKind, Signature } from '../db/schema.js'
import { searchKey } from './clean-text.js'
import { isDisposableDomain } from './disposable-domains.js'
import { SignatureStates } from './signature-state.js'

export type { FlagKind }

export const FLAG_KINDS: readonly FlagKind[] = ['disposable', 'burst', 'same_name', 'watch_list']

/**
 * The key two names share when a reader would take them for one name: without case or
 * accents, and with look-alike letters (Cyrillic «а», Greek «α», Latin «a») brought
 * to one by the confusable skeletons of Unicode's confusables.txt (UTS #39), which
 * unhomoglyph applies. The key is for comparing only, never shown: «m» becomes «rn».
 * Changing it means recomputing signatures.name_key (see migration 008).
 */
export function nameKey(text: string): string {
  return searchKey(unhomoglyph(searchKey(text)))
}

/** The same-name key of a signatory: "first last" through nameKey. */
export function nameKeyOf(firstName: string, lastName: string): string {
  return nameKey(`${firstName} ${lastName}`)
}

/**
 * Flags signatures, in ascending id order and one statement per 500: two transactions
 * that flag overlapping groups (a burst from one network, two of its signatures at
 * once) then lock the rows they share in the same order, and one waits for the other.
 * In the order a query happened to return them, each could hold a row the other needs:
 * PostgreSQL then broke the deadlock by failing one signature with a 500.
 */
async function flag(tx: Tx, ids: number[], kind: FlagKind, now: Date): Promise<void> {
  const rows = [...new Set(ids)]
    .sort((a, b) => a - b)
    .map((id) => ({ signature_id: id, flag: kind, created_at: now.toISOString() }))
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('signature_flags')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['signature_id', 'flag']).doNothing())
      .execute()
}

/**
 * Looks at a signature just written (new or resubmitted) and flags it, and the
 * others that make a burst or a repeated name with it. The sizes of both groups are
 * read in one statement (a round trip on PostgreSQL).
 */
export async function raiseFlags(
  tx: Tx,
  config: Config,
  s: Pick<Signature, 'id' | 'email_domain' | 'name_key' | 'network_key'>,
  now: Date,
): Promise<void> {
  const m = config.site.moderation
  if (isDisposableDomain(s.email_domain)) await flag(tx, [s.id], 'disposable', now)
  if (s.name_key && m.watchList.map(nameKey).includes(s.name_key)) await flag(tx, [s.id], 'watch_list', now)
  const groups: Group[] = []
  if (s.name_key) {
    const members = tx
      .selectFrom('signatures')
      .where('name_key', '=', s.name_key)
      .where(SignatureStates.live.where)
    groups.push({ kind: 'same_name', members, threshold: m.sameNameSignatures })
  }
  if (s.network_key) {
    const since = new Date(now.getTime() - m.burstMinutes * 60_000).toISOString()
    const members = tx
      .selectFrom('signatures')
      .where('network_key', '=', s.network_key)
      .where('submitted_at', '>=', since)
    groups.push({ kind: 'burst', members, threshold: m.burstSignatures })
  }
  if (groups.length === 0) return
  const sizes = await tx
    .selectNoFrom((eb) =>
      groups.map((g, i) =>
        eb
          .selectFrom(
            g.members
              .select('id')
              .limit(g.threshold + 1)
              .as('first_members'),
          )
          .select((f) => f.fn.countAll<number>().as('n'))
          .as(`g${i}`),
      ),
    )
    .executeTakeFirstOrThrow()
  for (const [i, g] of groups.entries())
    await flagGroup(tx, g, Number((sizes as Record<string, unknown>)[`g${i}`]), s.id, now)
}

interface Group {
  kind: FlagKind
  members: SelectQueryBuilder<Database, 'signatures', object>
  threshold: number
}

/**
 * Flags a group once it reaches its threshold: all its members the moment it does,
 * then each newcomer alone. Counting first, and no further than one past the
 * threshold, keeps a signature's cost the same however large the burst it belongs to
 * (flagging or counting the whole group on every signature would make a bot's ten
 * thousand signatures cost fifty million rows read or written).
 */
async function flagGroup(tx: Tx, group: Group, size: number, id: number, now: Date): Promise<void> {
  if (size < group.threshold) return
  const ids = size === group.threshold ? (await group.members.select('id').execute()).map((r) => r.id) : [id]
  await flag(tx, ids, group.kind, now)
}

/** Flags of the given signatures, by signature id. */
export async function flagsOf(db: Db | Tx, ids: number[]): Promise<Map<number, FlagKind[]>> {
  const out = new Map<number, FlagKind[]>()
  if (ids.length === 0) return out
  const rows = await db
    .selectFrom('signature_flags')
    .select(['signature_id', 'flag'])
    .where('signature_id', 'in', ids)
    .orderBy('flag')
    .execute()
  for (const r of rows) out.set(r.signature_id, [...(out.get(r.signature_id) ?? []), r.flag])
  return out
}
