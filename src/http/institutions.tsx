// /institutions: the ranking by verified e-mail domain, and each institution's page.
import { type Context, Hono } from 'hono'
import { findInstitution, type InstitutionDetail, listInstitutionSignatures } from '../domain/institutions.js'
import { parseRelayForm, requestRelay } from '../domain/relay.js'
import { decodeCursor } from '../domain/public-list.js'
import { InstitutionPage, InstitutionsPage, type RelayValues } from '../views/institution-pages.js'
import type { AppEnv } from './env.js'
import { keepsForm } from './form-again.js'
import { rateLimit } from './rate-limit.js'
import { originOf } from './request-facts.js'
import { render } from './render.js'
import { formText } from './form-body.js'

export const PAGE_SIZE = 50

export const institutions = new Hono<AppEnv>()

institutions.get('/', async (c) => {
  const { ctx, page } = c.var
  return render(c, <InstitutionsPage p={page} ranking={await ctx.numbers.institutions.get()} />)
})

/** An institution's page with one page of its public signatories, and the contact form as given. */
async function institutionPage(
  c: Context<AppEnv>,
  institution: InstitutionDetail,
  options: {
    cursor?: string
    form?: Pick<Parameters<typeof InstitutionPage>[0], 'values' | 'errors' | 'notice'>
  } = {},
) {
  const { ctx, page } = c.var
  const list = await listInstitutionSignatures(ctx.db, ctx.config.site, institution.domain, {
    cursor: options.cursor,
    limit: PAGE_SIZE,
  })
  return (
    <InstitutionPage
      p={page}
      institution={institution}
      items={list.items}
      next={list.next}
      isFirstPage={!options.cursor}
      {...options.form}
    />
  )
}

institutions.get('/:domain', async (c, next) => {
  const { ctx } = c.var
  const institution = await findInstitution(ctx.db, ctx.config.site, c.req.param('domain'))
  if (!institution) return next()
  const afterParam = c.req.query('after')
  const cursor = afterParam && decodeCursor(afterParam) ? afterParam : undefined
  return render(c, await institutionPage(c, institution, { cursor }))
})

const relayValuesOf = (body: Record<string, unknown>): RelayValues => ({
  name: formText(body, 'name'),
  email: formText(body, 'email'),
  message: formText(body, 'message'),
})

// Needs the institution's page from the database: on a full disk (reads still work) the
// message comes back in its form; with the database unreachable, the error page says so.
const relayFormAgain = keepsForm(async (c, notice) => {
  const { ctx } = c.var
  const institution = await findInstitution(ctx.db, ctx.config.site, c.req.param('domain') ?? '')
  if (!institution) throw new Error('institution gone')
  return institutionPage(c, institution, { form: { values: relayValuesOf(await c.req.parseBody()), notice } })
})

/** The contact form of the debate relay: the message waits for its sender to confirm their address. */
institutions.post('/:domain/contact', relayFormAgain, rateLimit('relay'), async (c, next) => {
  const { ctx, page, locale } = c.var
  const institution = await findInstitution(ctx.db, ctx.config.site, c.req.param('domain'))
  if (!institution?.hasWilling) return next()
  const body = await c.req.parseBody()
  // A bot filled the hidden field: answer as for anyone, relay nothing.
  if (formText(body, 'website')) return c.redirect(page.href('/relay/sent'), 303)
  const values = relayValuesOf(body)
  const parsed = parseRelayForm(ctx.config.site.debateMessageMax, values, institution.domain)
  if (!parsed.ok)
    return render(c, await institutionPage(c, institution, { form: { values, errors: parsed.errors } }), 422)
  await requestRelay(ctx, {
    domain: institution.domain,
    institution: institution.name,
    form: parsed.value,
    locale,
    network: originOf(c).network,
  })
  return c.redirect(page.href('/relay/sent'), 303)
})
