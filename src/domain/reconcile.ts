// The nightly reconciliation: the counts kept by the transactions are compared with
// a recount from the signatures. Any drift is reported (log, audit log, dashboard);
// it would mean a bug or a change of the counting rules in site.toml.
import { recordAudit, SYSTEM_ACTOR } from './audit.js'
import type { DomainContext } from './context.js'
import { readCounts, recount } from './counters.js'

export interface Reconciliation {
  at: string
  kept: { confirmed: number; public: number }
  recounted: { confirmed: number; public: number }
  drift: boolean
}

export async function reconcileCounters(
  ctx: Pick<DomainContext, 'db' | 'transact' | 'config' | 'now'>,
  actor = SYSTEM_ACTOR,
): Promise<Reconciliation> {
  const [counts, recounted] = await Promise.all([
    readCounts(ctx.db),
    recount(ctx.db, { countBeforeApproval: ctx.config.site.moderation.countBeforeApproval }),
  ])
  const kept = { confirmed: counts.confirmed, public: counts.public }
  const drift = kept.confirmed !== recounted.confirmed || kept.public !== recounted.public
  const now = ctx.now()
  const detail = `kept ${kept.confirmed}/${kept.public}, recounted ${recounted.confirmed}/${recounted.public}`
  await ctx.transact((tx) =>
    recordAudit(tx, { actor, action: drift ? 'reconcile.drift' : 'reconcile.ok', detail }, now),
  )
  return { at: now.toISOString(), kept, recounted, drift }
}
