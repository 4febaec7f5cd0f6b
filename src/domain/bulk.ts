// Bulk invalidation after an attack: the moderator states conditions (network,
// domain, name pattern, time range; at least one), sees how many signatures match,
// then invalidates them. Invalidated signatures leave the counts at once and are
// deleted after a while. Both steps are audited.
import { isIP } from 'node:net'
import type { Db, Tx } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'
import { escapeLike, like } from '../db/like.js'
import type { Signature } from '../db/schema.js'
import { recordAudit } from './audit.js'
import { searchKey } from './clean-text.js'
import type { DomainContext } from './context.js'
import { networkKey } from './network.js'
import { applySignatureDelta } from './counters.js'

export interface BulkConditions {
  /** An address of the network (IPv4 or IPv6) or a network key as shown in the admin. */
  network?: string
  domain?: string
  /** Name or institution, without case or accents; * matches anything. */
  namePattern?: string
  /** ISO-8601 instants bounding submitted_at. */
  from?: string
  to?: string
}

export function hasCondition(c: BulkConditions): boolean {
  return Boolean(c.network || c.domain || c.namePattern || c.from || c.to)
}

export function describeConditions(c: BulkConditions): string {
  return Object.entries(c)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ')
}

function matching(db: Db | Tx, secret: string, c: BulkConditions) {
  let q = db.selectFrom('signatures').where('invalidated_at', 'is', null)
  if (c.network) q = q.where('network_key', '=', isIP(c.network) ? networkKey(secret, c.network) : c.network)
  if (c.domain) q = q.where('email_domain', '=', c.domain.trim().toLowerCase())
  if (c.namePattern) {
    // The moderator's * is the one wildcard: % and _ in the pattern are literal.
    q = q.where(like('search_text', `%${escapeLike(searchKey(c.namePattern)).replace(/\*/g, '%')}%`))
  }
  if (c.from) q = q.where('submitted_at', '>=', c.from)
  if (c.to) q = q.where('submitted_at', '<=', c.to)
  return q
}

export interface BulkPreview {
  count: number
  sample: Pick<Signature, 'id' | 'first_name' | 'last_name' | 'email_domain' | 'submitted_at' | 'status'>[]
}

export async function previewInvalidation(
  ctx: DomainContext,
  actor: string,
  c: BulkConditions,
): Promise<BulkPreview> {
  if (!hasCondition(c)) throw new Error('at least one condition is required')
  const count = await matching(ctx.db, ctx.config.secret, c)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const sample = await matching(ctx.db, ctx.config.secret, c)
    .select(['id', 'first_name', 'last_name', 'email_domain', 'submitted_at', 'status'])
    .orderBy('id', 'desc')
    .limit(20)
    .execute()
  await ctx.transact((tx) =>
    recordAudit(
      tx,
      { actor, action: 'bulk.preview', detail: `${describeConditions(c)} → ${Number(count.n)}` },
      ctx.now(),
    ),
  )
  return { count: Number(count.n), sample }
}

/** Invalidates every signature matching, in one transaction; returns how many. */
export async function invalidateMatching(
  ctx: DomainContext,
  actor: string,
  c: BulkConditions,
): Promise<number> {
  if (!hasCondition(c)) throw new Error('at least one condition is required')
  return ctx.transact(async (tx) => {
    const now = ctx.now()
    let q = matching(tx, ctx.config.secret, c).selectAll()
    if (isPostgres(tx)) q = q.forUpdate()
    const rows = await q.execute()
    for (const before of rows) {
      const after = await tx
        .updateTable('signatures')
        .set({ invalidated_at: now.toISOString() })
        .where('id', '=', before.id)
        .returningAll()
        .executeTakeFirstOrThrow()
      await applySignatureDelta(tx, ctx.config.site, before, after, now)
      // Nothing more is mailed to an invalidated signature.
      await tx
        .deleteFrom('outbox')
        .where('signature_id', '=', before.id)
        .where('status', '=', 'pending')
        .execute()
    }
    await recordAudit(
      tx,
      { actor, action: 'bulk.invalidate', detail: `${describeConditions(c)} → ${rows.length}` },
      now,
    )
    return rows.length
  })
}
