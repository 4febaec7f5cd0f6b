// The audit log, and checking the counts against the signatures on demand.
import { Hono } from 'hono'
import { listAudit } from '../../domain/audit.js'
import { reconcileCounters } from '../../domain/reconcile.js'
import { AuditPage } from '../../views/admin/audit.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'

export const audit = new Hono<AdminEnv>()

audit.get('/audit', async (c) => {
  const { ctx, admin } = c.var
  const beforeParam = Number(c.req.query('before'))
  const before = Number.isSafeInteger(beforeParam) && beforeParam > 0 ? beforeParam : undefined
  const page = await listAudit(ctx.db, { before, limit: 100 })
  return render(c, <AuditPage a={admin} entries={page.items} next={page.next} />)
})

audit.post('/reconcile', async (c) => {
  const { ctx, admin, session } = c.var
  const r = await reconcileCounters(ctx, session.email)
  await ctx.settings.set('last_reconciliation', JSON.stringify(r), ctx.now())
  const page = await listAudit(ctx.db, { limit: 100 })
  const summary = admin.m.admin.reconciled({
    ok: !r.drift,
    kept: `${r.kept.confirmed}/${r.kept.public}`,
    recounted: `${r.recounted.confirmed}/${r.recounted.public}`,
  })
  return render(c, <AuditPage a={admin} entries={page.items} next={page.next} reconciled={summary} />)
})
