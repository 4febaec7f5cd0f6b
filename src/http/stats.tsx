// /stats: every number from counters (through the snapshot of the public numbers),
// the growth as an SVG chart and a table.
import { Hono } from 'hono'
import { StatsPage } from '../views/stats-page.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'

export const stats = new Hono<AppEnv>()

stats.get('/', async (c) => {
  const { ctx, page } = c.var
  return render(c, <StatsPage p={page} stats={await ctx.numbers.statistics.get()} />)
})
