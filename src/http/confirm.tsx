// The mailed confirmation link. GET only shows a button: mail scanners open links,
// and must not confirm anyone. The POST confirms, once.
import { Hono } from 'hono'
import type { AppContext } from '../context.js'
import type { Signature } from '../db/schema.js'
import { displayOf } from '../domain/display.js'
import { AppError } from '../domain/errors.js'
import { verifiedInstitutionOf } from '../domain/institutional-domains.js'
import { absoluteUrl } from '../domain/links.js'
import { confirmSignature, findConfirmation } from '../domain/signatures.js'
import { findReceipt, type Receipt } from '../domain/transparency/receipt.js'
import { checkCsrf, csrfFor } from '../domain/tokens.js'
import { ConfirmedPage, ConfirmPage, TokenInvalidPage } from '../views/pages.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'
import { formText } from './form-body.js'

export const confirm = new Hono<AppEnv>()

confirm.get('/:token', async (c) => {
  const { ctx, page } = c.var
  c.header('Cache-Control', 'no-store')
  try {
    const target = await findConfirmation(ctx, c.req.param('token'))
    if (target.signature.status === 'confirmed')
      return c.redirect(page.href(`/confirmed?${doneQuery(target.signature)}`), 303)
    const domain = target.signature.email_domain
    const verifiedInstitution = verifiedInstitutionOf(ctx.config.site, domain)
    return render(
      c,
      <ConfirmPage
        p={page}
        submission={target.submission}
        domain={domain}
        verifiedInstitution={verifiedInstitution}
        action={page.href(`/confirm/${c.req.param('token')}`)}
        csrf={csrfFor(ctx.config.secret, target.tokenHash)}
      />,
    )
  } catch (err) {
    if (err instanceof AppError && err.code === 'token_invalid')
      return render(c, <TokenInvalidPage p={page} purpose="confirm" />, 404)
    throw err
  }
})

confirm.post('/:token', async (c) => {
  const { ctx, page } = c.var
  const token = c.req.param('token')
  const body = await c.req.parseBody()
  try {
    const target = await findConfirmation(ctx, token)
    if (!checkCsrf(ctx.config.secret, target.tokenHash, formText(body, 'csrf'))) {
      throw new AppError('bad_request', 'csrf')
    }
    const signature = await confirmSignature(ctx, token)
    // The link, still valid for a while, is what shows its owner their receipt.
    return c.redirect(page.href(`/confirmed?${doneQuery(signature)}&receipt=${token}`), 303)
  } catch (err) {
    if (err instanceof AppError && err.code === 'token_invalid')
      return render(c, <TokenInvalidPage p={page} purpose="confirm" />, 404)
    throw err
  }
})

/** What the page after a confirmation says of the signature: listed or not, and under which name. */
function doneQuery(s: Pick<Signature, 'is_public' | 'display'>): string {
  const display = displayOf(s.display)
  return `listed=${s.is_public}${display === 'full' ? '' : `&display=${display}`}`
}

/** Where a confirmation lands: thanks, the count, and what to do next. */
export const confirmed = new Hono<AppEnv>()

confirmed.get('/', async (c) => {
  const { ctx, page, locale } = c.var
  const counts = await ctx.numbers.counts.get()
  const receipt = await receiptOfLink(c.var.ctx, c.req.query('receipt'))
  // A receipt holds the signatory's salt: no cache anywhere keeps it.
  if (receipt) c.header('Cache-Control', 'no-store')
  return render(
    c,
    <ConfirmedPage
      p={page}
      listed={c.req.query('listed') === '1'}
      display={displayOf(c.req.query('display') ?? 'full')}
      count={counts.confirmed}
      manifestoUrl={absoluteUrl(ctx.config, locale, '/')}
      receipt={receipt && { receipt, siteUrl: ctx.config.baseUrl }}
    />,
  )
})

/** The receipt of the signature a confirmation link confirmed; nothing for any other link. */
async function receiptOfLink(ctx: AppContext, token: string | undefined): Promise<Receipt | undefined> {
  if (!token) return undefined
  try {
    const target = await findConfirmation(ctx, token)
    return target.signature.status === 'confirmed'
      ? await findReceipt(ctx.db, target.signature.id, ctx.logSequencer)
      : undefined
  } catch (err) {
    if (err instanceof AppError && err.code === 'token_invalid') return undefined
    throw err
  }
}
