// GET /healthz, for load balancers and uptime monitors: whether the database answers,
// whether the mail worker is passing over the outbox, and how the outbox stands. No
// personal data; cheap enough to be asked every few seconds.
import { Hono } from 'hono'
import { sql } from '../db/database.js'
import { outboxHealth } from '../mail/outbox.js'
import type { AppEnv } from './env.js'

export const health = new Hono<AppEnv>()

/** A worker that has not finished a pass for this long is stuck (it polls every few seconds). */
const WORKER_STALE_MS = 5 * 60_000

health.get('/healthz', async (c) => {
  const { ctx } = c.var
  c.header('Cache-Control', 'no-store')
  const now = ctx.now()
  try {
    await sql`select 1`.execute(ctx.db)
  } catch {
    return c.json({ status: 'unavailable', database: 'unavailable' }, 503)
  }
  // Reads still work on a full disk; writes do not, so the site cannot take signatures.
  if (ctx.storageRefusal()) return c.json({ status: 'unavailable', database: 'ok', storage: 'full' }, 503)
  const outbox = await outboxHealth(ctx.db, now)
  const lastPass = ctx.mailWorkerLastPass()
  const workerAlive = lastPass !== undefined && now.getTime() - lastPass.getTime() < WORKER_STALE_MS
  return c.json({
    status: workerAlive ? 'ok' : 'degraded',
    database: 'ok',
    storage: 'ok',
    mail_worker: { alive: workerAlive, last_pass_at: lastPass?.toISOString() ?? null },
    outbox: {
      waiting: outbox.waiting,
      oldest_waiting_seconds: outbox.oldestWaitingSeconds,
      failed: outbox.failed,
    },
  })
})
