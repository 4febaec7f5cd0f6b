// Managing one's signature: ask for a link by address, then edit, hide or withdraw
// from the page behind it. Every form here carries a CSRF value bound to the link.
import { listNewsStops } from '../domain/news.js'
import { Hono, type Context } from 'hono'
import { AppError } from '../domain/errors.js'
import { normalizeEmail } from '../domain/normalize-email.js'
import { parseProfile, pickFormValues } from '../domain/sign-form.js'
import {
  findManagedSignature,
  requestManageLink,
  updateSignature,
  withdrawSignature,
} from '../domain/signatures.js'
import { flagsOf } from '../domain/flags.js'
import { findReceipt } from '../domain/transparency/receipt.js'
import { signatureData } from '../domain/my-data.js'
import { formValuesOf, profileOf } from '../domain/profile.js'
import { checkCsrf, csrfFor, hashToken } from '../domain/tokens.js'
import { ManagePage, ManageRequestPage } from '../views/manage-pages.js'
import { MessagePage, TokenInvalidPage } from '../views/pages.js'
import type { AppEnv } from './env.js'
import { rateLimit } from './rate-limit.js'
import { originOf } from './request-facts.js'
import { keepsForm } from './form-again.js'
import { render } from './render.js'
import { formText } from './form-body.js'

export const manage = new Hono<AppEnv>()

manage.get('/', (c) => render(c, <ManageRequestPage p={c.var.page} />))

const requestFormAgain = keepsForm(async (c, notice) => {
  const body = await c.req.parseBody()
  return (
    <ManageRequestPage
      p={c.var.page}
      email={typeof body.email === 'string' ? body.email : ''}
      notice={notice}
    />
  )
})

manage.post('/', requestFormAgain, rateLimit('manage'), async (c) => {
  const { ctx, page } = c.var
  const body = await c.req.parseBody()
  const raw = formText(body, 'email') ?? ''
  const email = normalizeEmail(raw)
  if (!email)
    return render(
      c,
      <ManageRequestPage p={page} email={raw} error={raw.trim() ? 'email_invalid' : 'required'} />,
      422,
    )
  // The link is sent after the answer (the same answer whether or not the address
  // signed), too late to tell anyone it could not be: a full disk is said now.
  const full = ctx.storageRefusal()
  if (full) throw full
  await requestManageLink(ctx, email, originOf(c).network)
  return c.redirect(page.href('/manage/sent'), 303)
})

manage.get('/sent', (c) => {
  const m = c.var.page.m.manage
  return render(
    c,
    <MessagePage p={c.var.page} title={m.requestSentTitle}>
      <p>{m.requestSent}</p>
    </MessagePage>,
  )
})

manage.get('/withdrawn', (c) => {
  const m = c.var.page.m.manage
  return render(
    c,
    <MessagePage p={c.var.page} title={m.withdrawnTitle}>
      <p>{m.withdrawnBody}</p>
    </MessagePage>,
  )
})

/** Runs a handler for a live manage link, or shows the "invalid link" page. */
async function withLink(c: Context<AppEnv>, handle: () => Promise<Response>): Promise<Response> {
  c.header('Cache-Control', 'no-store')
  try {
    return await handle()
  } catch (err) {
    if (err instanceof AppError && err.code === 'token_invalid')
      return render(c, <TokenInvalidPage p={c.var.page} purpose="manage" />, 404)
    throw err
  }
}

manage.get('/:token', (c) =>
  withLink(c, async () => {
    const { ctx, page } = c.var
    const token = c.req.param('token')
    const { signature, tokenHash } = await findManagedSignature(ctx, token)
    const receipt = await findReceipt(ctx.db, signature.id, ctx.logSequencer)
    return render(
      c,
      <ManagePage
        p={page}
        values={formValuesOf(profileOf(signature))}
        action={page.href(`/manage/${token}`)}
        withdrawAction={page.href(`/manage/${token}/withdraw`)}
        dataHref={page.href(`/manage/${token}/data.json`)}
        csrf={csrfFor(ctx.config.secret, tokenHash)}
        askEmailForUpdates={signature.email === null}
        pending={signature.status === 'pending'}
        saved={c.req.query('saved') === '1'}
        receipt={receipt && { receipt, siteUrl: ctx.config.baseUrl }}
      />,
    )
  }),
)

// Shown again from what was sent alone, since the database may be what failed: the
// link's CSRF value is derived from the link itself, and the address field is there
// only if the form asked for it.
const editFormAgain = keepsForm(async (c, notice) => {
  const { ctx, page } = c.var
  const token = c.req.param('token') ?? ''
  const body = await c.req.parseBody()
  return (
    <ManagePage
      p={page}
      values={pickFormValues(body)}
      notice={notice}
      action={page.href(`/manage/${token}`)}
      withdrawAction={page.href(`/manage/${token}/withdraw`)}
      dataHref={page.href(`/manage/${token}/data.json`)}
      csrf={csrfFor(ctx.config.secret, hashToken(token))}
      askEmailForUpdates={'email' in body}
      pending={false}
      saved={false}
    />
  )
})

manage.post('/:token', editFormAgain, (c) =>
  withLink(c, async () => {
    const { ctx, page } = c.var
    const token = c.req.param('token')
    const body = await c.req.parseBody()
    const { signature, tokenHash } = await findManagedSignature(ctx, token)
    if (!checkCsrf(ctx.config.secret, tokenHash, formText(body, 'csrf')))
      throw new AppError('bad_request', 'csrf')
    const values = pickFormValues(body)
    const parsed = parseProfile(ctx.config.site, values)
    const outcome = parsed.ok ? await updateSignature(ctx, token, parsed.value, values.email) : undefined
    if (outcome?.ok) return c.redirect(page.href(`/manage/${token}?saved=1`), 303)
    const errors = parsed.ok ? { email: 'email_mismatch' as const } : parsed.errors
    return render(
      c,
      <ManagePage
        p={page}
        values={values}
        errors={errors}
        action={page.href(`/manage/${token}`)}
        withdrawAction={page.href(`/manage/${token}/withdraw`)}
        dataHref={page.href(`/manage/${token}/data.json`)}
        csrf={csrfFor(ctx.config.secret, tokenHash)}
        askEmailForUpdates={signature.email === null}
        pending={signature.status === 'pending'}
        saved={false}
      />,
      422,
    )
  }),
)

// The signatory's own data, as JSON (GDPR access and portability). Reading changes nothing.
manage.get('/:token/data.json', (c) =>
  withLink(c, async () => {
    const { signature } = await findManagedSignature(c.var.ctx, c.req.param('token'))
    const flags = (await flagsOf(c.var.ctx.db, [signature.id])).get(signature.id) ?? []
    c.header('Content-Disposition', 'attachment; filename="my-signature.json"')
    return c.json(signatureData(signature, flags, await listNewsStops(c.var.ctx.db, signature.id)))
  }),
)

manage.post('/:token/withdraw', (c) =>
  withLink(c, async () => {
    const { ctx, page } = c.var
    const token = c.req.param('token')
    const body = await c.req.parseBody()
    const { tokenHash } = await findManagedSignature(ctx, token)
    if (!checkCsrf(ctx.config.secret, tokenHash, formText(body, 'csrf')))
      throw new AppError('bad_request', 'csrf')
    await withdrawSignature(ctx, token)
    return c.redirect(page.href('/manage/withdrawn'), 303)
  }),
)
