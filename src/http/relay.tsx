// The debate relay: the sender's link (GET shows the message and one button, POST
// relays it), and the stop link every relayed mail carries (GET a button, POST stops).
import { Hono, type Context } from 'hono'
import { AppError } from '../domain/errors.js'
import { findInstitution } from '../domain/institutions.js'
import { findPendingRelay, sendRelay, stopDebateMessages } from '../domain/relay.js'
import { checkStopLinkKey } from '../domain/tokens.js'
import { isLargeEnough } from '../domain/small-groups.js'
import { checkCsrf, csrfFor } from '../domain/tokens.js'
import {
  DebateStopPage,
  DebateStoppedPage,
  RelayConfirmPage,
  RelayDonePage,
  RelayInvalidPage,
  RelayLimitedPage,
  RelaySentPage,
} from '../views/relay-pages.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'
import { formText } from './form-body.js'

export const relay = new Hono<AppEnv>()

async function withRelayLink(c: Context<AppEnv>, handle: () => Promise<Response>): Promise<Response> {
  c.header('Cache-Control', 'no-store')
  try {
    return await handle()
  } catch (err) {
    if (err instanceof AppError && err.code === 'token_invalid')
      return render(c, <RelayInvalidPage p={c.var.page} />, 404)
    throw err
  }
}

relay.get('/sent', (c) => render(c, <RelaySentPage p={c.var.page} />))

relay.get('/done', (c) => {
  const n = Number.parseInt(c.req.query('n') ?? '', 10)
  return render(c, <RelayDonePage p={c.var.page} recipients={Number.isFinite(n) && n >= 0 ? n : undefined} />)
})

relay.get('/:token', (c) =>
  withRelayLink(c, async () => {
    const { ctx, page } = c.var
    const token = c.req.param('token')
    const pending = await findPendingRelay(ctx, token)
    const institution = await findInstitution(ctx.db, ctx.config.site, pending.domain)
    return render(
      c,
      <RelayConfirmPage
        p={page}
        institution={institution?.name ?? pending.domain}
        recipients={institution ? institution.willing : 0}
        message={pending.body ?? ''}
        action={page.href(`/relay/${token}`)}
        csrf={csrfFor(ctx.config.secret, pending.tokenHash)}
      />,
    )
  }),
)

relay.post('/:token', (c) =>
  withRelayLink(c, async () => {
    const { ctx, page } = c.var
    const token = c.req.param('token')
    const body = await c.req.parseBody()
    const pending = await findPendingRelay(ctx, token)
    if (!checkCsrf(ctx.config.secret, pending.tokenHash, formText(body, 'csrf')))
      throw new AppError('bad_request', 'csrf')
    const institution = await findInstitution(ctx.db, ctx.config.site, pending.domain)
    const outcome = await sendRelay(ctx, token, institution?.name ?? pending.domain)
    if (!outcome.ok) return render(c, <RelayLimitedPage p={page} />, 429)
    // How many people a message reached says who is willing: only from the minimum group size.
    const reached = isLargeEnough(ctx.config.site, outcome.recipients) ? `?n=${outcome.recipients}` : ''
    return c.redirect(page.href(`/relay/done${reached}`), 303)
  }),
)

export const debateStop = new Hono<AppEnv>()

debateStop.get('/:id/:key', (c) =>
  withRelayLink(c, async () => {
    const { ctx, page } = c.var
    const id = Number(c.req.param('id'))
    checkStopLinkKey(ctx.config.secret, 'debate-stop', id, c.req.param('key'))
    return render(
      c,
      <DebateStopPage p={page} action={page.href(`/debate/stop/${id}/${c.req.param('key')}`)} />,
    )
  }),
)

debateStop.post('/:id/:key', (c) =>
  withRelayLink(c, async () => {
    const { ctx, page } = c.var
    await stopDebateMessages(ctx, Number(c.req.param('id')), c.req.param('key'))
    return render(c, <DebateStoppedPage p={page} />)
  }),
)
