// The sign form: GET shows it, POST records a request and sends the confirmation
// mail. POST /sign takes posts from forms embedded on other sites, so it has no
// CSRF token: the mailed confirmation protects it instead.
import { type Context, Hono } from 'hono'
import { isHoneypotFilled, parseSignForm, pickFormValues } from '../domain/sign-form.js'
import { requestSignature } from '../domain/signatures.js'
import { SentPage, SignPage } from '../views/pages.js'
import type { AppEnv } from './env.js'
import { keepsForm } from './form-again.js'
import { rateLimit } from './rate-limit.js'
import { render } from './render.js'
import { formStampOf, originOf } from './request-facts.js'

export const sign = new Hono<AppEnv>()

sign.get('/', async (c) => {
  const counts = await c.var.ctx.numbers.counts.get()
  return render(c, <SignPage p={c.var.page} count={counts.confirmed} />)
})

/** The count shown beside a form shown again during an outage: the last one known, or none. */
async function lastKnownCount(c: Context<AppEnv>): Promise<number> {
  return (await c.var.ctx.numbers.counts.get().catch(() => undefined))?.confirmed ?? 0
}

const signFormAgain = keepsForm(async (c, notice) => (
  <SignPage
    p={c.var.page}
    values={pickFormValues(await c.req.parseBody())}
    notice={notice}
    count={await lastKnownCount(c)}
  />
))

sign.post('/', signFormAgain, rateLimit('sign'), async (c) => {
  const { ctx, page } = c.var
  const values = pickFormValues(await c.req.parseBody())
  if (!page.signingOpen) {
    const counts = await ctx.numbers.counts.get()
    return render(c, <SignPage p={page} count={counts.confirmed} />, 403)
  }
  // A bot filled the hidden field: answer as for anyone, record nothing.
  if (isHoneypotFilled(values)) return c.redirect(page.href('/sign/sent'), 303)
  // Sent sooner than a person could fill it in: asked again, with a fresh timestamp.
  const stamp = formStampOf(c, values.form_ts)
  if (stamp.kind === 'valid' && stamp.ageMs < ctx.config.site.limits.minFillSeconds * 1000) {
    const counts = await ctx.numbers.counts.get()
    return render(
      c,
      <SignPage p={page} values={values} notice={page.m.abuse.tooFast} count={counts.confirmed} />,
      422,
    )
  }
  const parsed = parseSignForm(ctx.config.site, values)
  if (!parsed.ok) {
    const counts = await ctx.numbers.counts.get()
    return render(
      c,
      <SignPage
        p={page}
        values={values}
        errors={parsed.errors}
        emailSuggestion={parsed.emailSuggestion}
        count={counts.confirmed}
      />,
      422,
    )
  }
  await requestSignature(ctx, parsed.value, c.var.locale, originOf(c).network)
  return c.redirect(page.href('/sign/sent'), 303)
})

sign.get('/sent', (c) => render(c, <SentPage p={c.var.page} />))
