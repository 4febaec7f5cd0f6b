// The CSV export. A POST, because each export is recorded: a GET must change nothing.
import { Hono } from 'hono'
import { exportSignaturesCsv } from '../../domain/exports.js'
import { ExportPage } from '../../views/admin/export.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'

export const exportRoutes = new Hono<AdminEnv>()

exportRoutes.get('/', (c) => render(c, <ExportPage a={c.var.admin} />))

exportRoutes.post('/', async (c) => {
  const { ctx, session } = c.var
  const { csv } = await exportSignaturesCsv(ctx, session.email)
  const day = ctx.now().toISOString().slice(0, 10)
  return c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="signatures-${day}.csv"`,
    'Cache-Control': 'no-store',
  })
})
