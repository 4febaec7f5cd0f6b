// One signature: its details, flags and states, and what a moderator can do to it.
import { Hono } from 'hono'
import { AppError } from '../../domain/errors.js'
import { cleanLine } from '../../domain/clean-text.js'
import {
  getSignatureForModeration,
  moderateSignature,
  type ModerationAction,
} from '../../domain/moderation.js'
import { AdminMessagePage } from '../../views/admin/parts.js'
import { SignaturePage } from '../../views/admin/signatures.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'
import { rowId } from './row-id.js'
import { formText } from '../form-body.js'

export const signatures = new Hono<AdminEnv>()

const ACTIONS: Record<string, ModerationAction> = {
  hide: 'hide',
  restore: 'restore',
  approve: 'approve',
  'approve-comment': 'approve_comment',
  'mark-initial': 'mark_initial',
  'unmark-initial': 'unmark_initial',
  delete: 'delete',
}

signatures.get('/:id', async (c) => {
  const s = await getSignatureForModeration(c.var.ctx.db, c.var.ctx.config.site, rowId(c.req.param('id')))
  return render(c, <SignaturePage a={c.var.admin} s={s} done={c.req.query('done')} />)
})

signatures.post('/:id/:action', async (c) => {
  const { ctx, admin, session } = c.var
  const id = rowId(c.req.param('id'))
  const action = ACTIONS[c.req.param('action')]
  if (!action) throw new AppError('not_found')
  const body = await c.req.parseBody()
  const reason = cleanLine(formText(body, 'reason') ?? '').slice(0, 200)
  const applied = await moderateSignature(
    ctx,
    session.email,
    id,
    action,
    reason,
    formText(body, 'seen') ?? '',
  )
  // Its signatory changed it since the page was shown: read it again before deciding.
  if (!applied) return c.redirect(`/admin/signatures/${id}?done=stale`, 303)
  if (action === 'delete')
    return render(c, <AdminMessagePage a={admin} title={admin.m.admin.done} body={admin.m.admin.deleted} />)
  return c.redirect(`/admin/signatures/${id}?done=${action}`, 303)
})
