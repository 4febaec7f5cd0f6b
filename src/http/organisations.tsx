// Organisations that sign in their own name (src/domain/organisations.ts):
//   /organisations                       the listed ones, by kind
//   /organisations/sign                  the form (GET, POST), then /organisations/sent
//   /organisations/confirm/:token        the mailed confirmation link (GET shows, POST confirms)
//   /organisations/manage/:token         the mailed manage link: edit, data.json, withdraw
// The form is metered as the sign form is (per network, per mailbox) and answers the
// same whatever the address did before. Links are asked for on /manage, with people's.
import { type Context, Hono } from 'hono'
import { AppError } from '../domain/errors.js'
import {
  confirmOrganisation,
  findManagedOrganisation,
  findOrganisationConfirmation,
  listOrganisations,
  organisationData,
  organisationProfileOf,
  organisationsOpen,
  organisationValuesOf,
  parseOrganisationForm,
  parseOrganisationProfile,
  pickOrganisationValues,
  proposedClaim,
  requestOrganisation,
  updateOrganisation,
  withdrawOrganisation,
} from '../domain/organisations.js'
import { checkCsrf, csrfFor, hashToken } from '../domain/tokens.js'
import {
  OrganisationConfirmPage,
  OrganisationManagePage,
  OrganisationSignPage,
  OrganisationsPage,
} from '../views/organisation-pages.js'
import { MessagePage, TokenInvalidPage } from '../views/pages.js'
import type { AppEnv } from './env.js'
import { keepsForm } from './form-again.js'
import { formText } from './form-body.js'
import { rateLimit } from './rate-limit.js'
import { render } from './render.js'
import { formStampOf, originOf } from './request-facts.js'

export const organisations = new Hono<AppEnv>()

organisations.get('/', async (c) => {
  const { ctx, page } = c.var
  const items = await listOrganisations(ctx.db, ctx.config.site)
  // A site where organisations do not sign has no such page, unless some signed before.
  if (!organisationsOpen(ctx.config.site) && items.length === 0) return c.notFound()
  return render(c, <OrganisationsPage p={page} items={items} />)
})

/** The form is there while signing is open and site.toml names kinds of organisation. */
function formOpen(c: Context<AppEnv>): boolean {
  return c.var.page.signingOpen && organisationsOpen(c.var.ctx.config.site)
}

organisations.get('/sign', (c) => {
  if (!organisationsOpen(c.var.ctx.config.site)) return c.notFound()
  if (!c.var.page.signingOpen) return signingClosed(c)
  return render(c, <OrganisationSignPage p={c.var.page} />)
})

function signingClosed(c: Context<AppEnv>) {
  const { page } = c.var
  return render(
    c,
    <MessagePage p={page} title={page.m.organisations.signTitle}>
      <p>{page.m.sign.closed}</p>
    </MessagePage>,
    403,
  )
}

const signFormAgain = keepsForm(async (c, notice) => (
  <OrganisationSignPage
    p={c.var.page}
    values={pickOrganisationValues(await c.req.parseBody())}
    notice={notice}
  />
))

organisations.post('/sign', signFormAgain, rateLimit('sign'), async (c) => {
  const { ctx, page } = c.var
  if (!organisationsOpen(ctx.config.site)) return c.notFound()
  if (!formOpen(c)) return signingClosed(c)
  const values = pickOrganisationValues(await c.req.parseBody())
  // A bot filled the hidden field: answered as anyone, nothing recorded.
  if ((values.fax ?? '') !== '') return c.redirect(page.href('/organisations/sent'), 303)
  const stamp = formStampOf(c, values.form_ts)
  if (stamp.kind === 'valid' && stamp.ageMs < ctx.config.site.limits.minFillSeconds * 1000)
    return render(c, <OrganisationSignPage p={page} values={values} notice={page.m.abuse.tooFast} />, 422)
  const parsed = parseOrganisationForm(ctx.config.site, values)
  if (!parsed.ok)
    return render(
      c,
      <OrganisationSignPage
        p={page}
        values={values}
        errors={parsed.errors}
        emailSuggestion={parsed.emailSuggestion}
      />,
      422,
    )
  await requestOrganisation(ctx, parsed.value, c.var.locale, originOf(c).network)
  return c.redirect(page.href('/organisations/sent'), 303)
})

organisations.get('/sent', (c) => {
  const m = c.var.page.m
  return render(
    c,
    <MessagePage p={c.var.page} title={m.organisations.sentTitle}>
      <p>{m.organisations.sent}</p>
      <p>{m.organisations.spam}</p>
    </MessagePage>,
  )
})

/** Runs a handler for a mailed link, or shows the «invalid link» page. */
async function withLink(
  c: Context<AppEnv>,
  purpose: 'confirm' | 'manage',
  handle: () => Promise<Response>,
): Promise<Response> {
  c.header('Cache-Control', 'no-store')
  try {
    return await handle()
  } catch (err) {
    if (err instanceof AppError && err.code === 'token_invalid')
      return render(
        c,
        <TokenInvalidPage p={c.var.page} purpose={purpose} signPath="/organisations/sign" />,
        404,
      )
    throw err
  }
}

organisations.get('/confirm/:token', (c) =>
  withLink(c, 'confirm', async () => {
    const { ctx, page } = c.var
    const token = c.req.param('token')
    const target = await findOrganisationConfirmation(ctx, token)
    if (target.organisation.status === 'confirmed')
      return c.redirect(page.href('/organisations/confirmed'), 303)
    return render(
      c,
      <OrganisationConfirmPage
        p={page}
        submission={target.submission}
        domain={target.organisation.email_domain}
        action={page.href(`/organisations/confirm/${token}`)}
        csrf={csrfFor(ctx.config.secret, target.tokenHash)}
      />,
    )
  }),
)

organisations.post('/confirm/:token', (c) =>
  withLink(c, 'confirm', async () => {
    const { ctx, page } = c.var
    const token = c.req.param('token')
    const body = await c.req.parseBody()
    const target = await findOrganisationConfirmation(ctx, token)
    if (!checkCsrf(ctx.config.secret, target.tokenHash, formText(body, 'csrf')))
      throw new AppError('bad_request', 'csrf')
    await confirmOrganisation(ctx, token)
    return c.redirect(page.href('/organisations/confirmed'), 303)
  }),
)

organisations.get('/confirmed', (c) => {
  const m = c.var.page.m.organisations
  return render(
    c,
    <MessagePage p={c.var.page} title={m.confirmedTitle} noindex>
      <p>{m.confirmed}</p>
      <p>
        <a href={c.var.page.href('/organisations')}>{m.title}</a>
      </p>
    </MessagePage>,
  )
})

organisations.get('/withdrawn', (c) => {
  const m = c.var.page.m.organisations
  return render(
    c,
    <MessagePage p={c.var.page} title={m.withdrawnTitle} noindex>
      <p>{m.withdrawn}</p>
    </MessagePage>,
  )
})

/** The manage page's links, all derived from the link itself. */
function managePaths(c: Context<AppEnv>, token: string) {
  const { ctx, page } = c.var
  return {
    action: page.href(`/organisations/manage/${token}`),
    withdrawAction: page.href(`/organisations/manage/${token}/withdraw`),
    dataHref: page.href(`/organisations/manage/${token}/data.json`),
    csrf: csrfFor(ctx.config.secret, hashToken(token)),
  }
}

organisations.get('/manage/:token', (c) =>
  withLink(c, 'manage', async () => {
    const { ctx, page } = c.var
    const token = c.req.param('token')
    const { organisation } = await findManagedOrganisation(ctx, token)
    const saved = c.req.query('saved')
    // A change awaiting the moderators is what the form shows: it is the contact's last word.
    const proposal = proposedClaim(organisation)
    return render(
      c,
      <OrganisationManagePage
        p={page}
        organisation={organisation}
        values={organisationValuesOf({ ...organisationProfileOf(organisation), ...proposal })}
        saved={saved === 'review' ? 'review' : saved === '1' ? 'saved' : undefined}
        {...managePaths(c, token)}
      />,
    )
  }),
)

// Shown again from what was sent alone, since the database may be what failed.
const editFormAgain = keepsForm(async (c, notice) => (
  <OrganisationManagePage
    p={c.var.page}
    values={pickOrganisationValues(await c.req.parseBody())}
    notice={notice}
    {...managePaths(c, c.req.param('token') ?? '')}
  />
))

organisations.post('/manage/:token', editFormAgain, (c) =>
  withLink(c, 'manage', async () => {
    const { ctx, page } = c.var
    const token = c.req.param('token')
    const body = await c.req.parseBody()
    const { organisation, tokenHash } = await findManagedOrganisation(ctx, token)
    if (!checkCsrf(ctx.config.secret, tokenHash, formText(body, 'csrf')))
      throw new AppError('bad_request', 'csrf')
    const values = pickOrganisationValues(body)
    const parsed = parseOrganisationProfile(ctx.config.site, values)
    if (!parsed.ok)
      return render(
        c,
        <OrganisationManagePage
          p={page}
          organisation={organisation}
          values={values}
          errors={parsed.errors}
          {...managePaths(c, token)}
        />,
        422,
      )
    const updated = await updateOrganisation(ctx, token, parsed.value)
    const review = updated.proposed !== null
    return c.redirect(page.href(`/organisations/manage/${token}?saved=${review ? 'review' : '1'}`), 303)
  }),
)

// Everything kept about the signature, as JSON (GDPR access and portability).
organisations.get('/manage/:token/data.json', (c) =>
  withLink(c, 'manage', async () => {
    const { organisation } = await findManagedOrganisation(c.var.ctx, c.req.param('token'))
    c.header('Content-Disposition', 'attachment; filename="organisation-signature.json"')
    return c.json(organisationData(organisation))
  }),
)

organisations.post('/manage/:token/withdraw', (c) =>
  withLink(c, 'manage', async () => {
    const { ctx, page } = c.var
    const token = c.req.param('token')
    const body = await c.req.parseBody()
    const { tokenHash } = await findManagedOrganisation(ctx, token)
    if (!checkCsrf(ctx.config.secret, tokenHash, formText(body, 'csrf')))
      throw new AppError('bad_request', 'csrf')
    await withdrawOrganisation(ctx, token)
    return c.redirect(page.href('/organisations/withdrawn'), 303)
  }),
)
