// The public JSON API. GET only, readable from any origin.
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { readCounts } from '../domain/counters.js'
import type { AppEnv } from './env.js'

export const api = new Hono<AppEnv>()

api.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }))

api.get('/v1/stats', async (c) => {
  const counts = await readCounts(c.var.ctx.db)
  c.header('Cache-Control', 'public, max-age=10')
  return c.json({ confirmed: counts.confirmed, public: counts.public, updated_at: counts.updatedAt })
})
