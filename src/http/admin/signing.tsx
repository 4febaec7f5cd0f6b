// Closing or reopening signing; the closing date of site.toml applies either way.
import { Hono } from 'hono'
import { isSigningOpen } from '../../domain/signing-open.js'
import { setSigningOpen } from '../../domain/moderation.js'
import { SigningPage } from '../../views/admin/signing.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'

export const signing = new Hono<AdminEnv>()

signing.get('/', async (c) => {
  const { ctx, admin } = c.var
  await ctx.settings.refresh()
  const override = ctx.settings.signingOpen()
  const site = ctx.config.site
  return render(
    c,
    <SigningPage
      a={admin}
      open={isSigningOpen(site, ctx.now(), override)}
      closesAt={site.closesAt}
      overridden={override !== undefined}
    />,
  )
})

signing.post('/', async (c) => {
  const { ctx, session } = c.var
  const body = await c.req.parseBody()
  await setSigningOpen(ctx, session.email, body.open === '1')
  return c.redirect('/admin/signing', 303)
})
