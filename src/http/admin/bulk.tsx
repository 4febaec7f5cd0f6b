// Bulk invalidation: conditions, a preview of how many match, then the invalidation.
import { Hono } from 'hono'
import { cleanLine } from '../../domain/clean-text.js'
import {
  hasCondition,
  invalidateMatching,
  previewInvalidation,
  type BulkConditions,
} from '../../domain/bulk.js'
import { BulkPage } from '../../views/admin/bulk.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'
import { formText } from '../form-body.js'

export const bulk = new Hono<AdminEnv>()

/** "2026-11-28T10:00" (UTC) or a full ISO instant; anything else is dropped. */
function instant(raw: string): string | undefined {
  if (!raw) return undefined
  const withZone = /[zZ]|[+-]\d{2}:?\d{2}$/.test(raw) ? raw : `${raw}Z`
  const d = new Date(withZone)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

function conditionsOf(body: Record<string, unknown>): BulkConditions {
  const text = (name: string) => cleanLine(formText(body, name) ?? '').slice(0, 200) || undefined
  return {
    network: text('network'),
    domain: text('domain'),
    namePattern: text('namePattern'),
    from: instant(text('from') ?? ''),
    to: instant(text('to') ?? ''),
  }
}

bulk.get('/', (c) =>
  render(
    c,
    <BulkPage
      a={c.var.admin}
      conditions={{}}
      done={c.req.query('done') ? Number(c.req.query('done')) : undefined}
    />,
  ),
)

bulk.post('/preview', async (c) => {
  const { ctx, admin, session } = c.var
  const conditions = conditionsOf(await c.req.parseBody())
  if (!hasCondition(conditions)) return render(c, <BulkPage a={admin} conditions={conditions} missing />, 422)
  const preview = await previewInvalidation(ctx, session.email, conditions)
  return render(c, <BulkPage a={admin} conditions={conditions} preview={preview} />)
})

bulk.post('/invalidate', async (c) => {
  const { ctx, admin, session } = c.var
  const conditions = conditionsOf(await c.req.parseBody())
  if (!hasCondition(conditions)) return render(c, <BulkPage a={admin} conditions={conditions} missing />, 422)
  const n = await invalidateMatching(ctx, session.email, conditions)
  return c.redirect(`/admin/bulk?done=${n}`, 303)
})
