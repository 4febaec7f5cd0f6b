// Logging in by mailed link: the form asks for an address and always answers the
// same; the link's page shows one button (mail scanners open links, they must not
// log anyone in); pressing it opens a session and sets the only cookie Paraphe sets.
import { Hono, type Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import {
  checkLoginCsrf,
  findLoginLink,
  logIn,
  loginCsrf,
  logOut,
  requestLoginLink,
  setSessionLocale,
} from '../../domain/admin-sessions.js'
import { messagesFor } from '../../i18n/index.js'
import type { AdminPageContext } from '../../views/admin/layout.js'
import { LoginConfirmPage, LoginPage, LoginSentPage } from '../../views/admin/login.js'
import { AdminMessagePage } from '../../views/admin/parts.js'
import { originOf } from '../request-facts.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'
import { SESSION_COOKIE } from './guard.js'
import { formText } from '../form-body.js'
import { waitOf } from '../rate-limit.js'

export const login = new Hono<AdminEnv>()

login.get('/login', (c) => render(c, <LoginPage a={c.var.admin} />))

login.post('/login', async (c) => {
  const { ctx, admin } = c.var
  const body = await c.req.parseBody()
  const email = (formText(body, 'email') ?? '').slice(0, 254)
  const asked = formText(body, 'locale')
  const locale = asked !== undefined && ctx.config.site.locales.includes(asked) ? asked : admin.locale
  const outcome = await requestLoginLink(ctx, email, originOf(c), locale)
  if (!outcome.ok) {
    c.header('Retry-After', String(outcome.retryAfterSeconds))
    return render(
      c,
      <AdminMessagePage
        a={admin}
        title={admin.m.abuse.tooManyTitle}
        body={admin.m.abuse.tooManyBody(waitOf(outcome.retryAfterSeconds))}
      />,
      429,
    )
  }
  return c.redirect(`/admin/login/sent?lang=${locale}`, 303)
})

login.get('/login/sent', (c) => render(c, <LoginSentPage a={c.var.admin} />))

login.get('/login/:token', async (c) => {
  const { ctx } = c.var
  const link = await findLoginLink(ctx, c.req.param('token'))
  if (!link) return invalid(c)
  const a = inLocale(c.var.admin, link.locale)
  return render(
    c,
    <LoginConfirmPage
      a={a}
      action={`/admin/login/${c.req.param('token')}`}
      csrf={loginCsrf(ctx.config.secret, link.tokenHash)}
    />,
  )
})

login.post('/login/:token', async (c) => {
  const { ctx } = c.var
  const token = c.req.param('token')
  const link = await findLoginLink(ctx, token)
  const body = await c.req.parseBody()
  if (!link || !checkLoginCsrf(ctx.config.secret, link.tokenHash, formText(body, 'csrf'))) return invalid(c)
  const session = await logIn(ctx, token)
  if (!session) return invalid(c)
  setCookie(c, SESSION_COOKIE, session.sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/admin',
    secure: ctx.config.baseUrl.startsWith('https://'),
    expires: session.expiresAt,
  })
  return c.redirect('/admin', 303)
})

login.post('/logout', async (c) => {
  await logOut(c.var.ctx, c.var.session)
  deleteCookie(c, SESSION_COOKIE, { path: '/admin', secure: c.var.ctx.config.baseUrl.startsWith('https://') })
  return c.redirect('/admin/login', 303)
})

login.post('/language', async (c) => {
  const { ctx } = c.var
  const body = await c.req.parseBody()
  const locale = formText(body, 'locale')
  if (locale !== undefined && ctx.config.site.locales.includes(locale))
    await setSessionLocale(ctx, c.var.session, locale)
  return c.redirect('/admin', 303)
})

/** The login link's page speaks the language the link was asked in. */
function inLocale(a: AdminPageContext, locale: string): AdminPageContext {
  return a.locales.includes(locale) ? { ...a, locale, m: messagesFor(locale) } : a
}

function invalid(c: Context<AdminEnv>) {
  const a = c.var.admin
  return render(
    c,
    <AdminMessagePage a={a} title={a.m.admin.loginInvalidTitle} body={a.m.admin.loginInvalid} />,
    404,
  )
}
