// Institution domains named by the moderators, and blocked domains.
import { Hono } from 'hono'
import { cleanLine } from '../../domain/clean-text.js'
import { cleanDomain, listDomains, setDomain } from '../../domain/moderation.js'
import { DomainsPage } from '../../views/admin/domains.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'
import { formText } from '../form-body.js'

export const domains = new Hono<AdminEnv>()

domains.get('/', async (c) =>
  render(c, <DomainsPage a={c.var.admin} domains={await listDomains(c.var.ctx.db)} />),
)

domains.post('/', async (c) => {
  const { ctx, admin, session } = c.var
  const body = await c.req.parseBody()
  const domain = cleanDomain(formText(body, 'domain') ?? '')
  if (!domain) return render(c, <DomainsPage a={admin} domains={await listDomains(ctx.db)} error />, 422)
  const displayName = cleanLine(formText(body, 'display_name') ?? '').slice(0, 200)
  await setDomain(ctx, session.email, domain, displayName, body.blocked === '1')
  return c.redirect('/admin/domains', 303)
})
