// Mails that failed for good, so a moderator can see that a confirmation never arrived.
import { Hono } from 'hono'
import { listDeadMails } from '../../domain/moderation.js'
import { MailsPage } from '../../views/admin/mails.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'

export const mails = new Hono<AdminEnv>()

mails.get('/', async (c) =>
  render(c, <MailsPage a={c.var.admin} mails={await listDeadMails(c.var.ctx.db)} />),
)
