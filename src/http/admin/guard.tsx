// Nothing under /admin answers without a live session, but the login pages; every
// admin POST carries the session's CSRF token. No cookie is ever set here: only a
// successful login sets one (login.tsx).
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { checkSessionCsrf, findSession, sessionCsrf } from '../../domain/admin-sessions.js'
import { messagesFor } from '../../i18n/index.js'
import { negotiateLocale } from '../accept.js'
import type { AppContext } from '../../context.js'
import type { AdminPageContext } from '../../views/admin/layout.js'
import { AdminMessagePage } from '../../views/admin/pages.js'
import type { Assets } from '../assets.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'

export const SESSION_COOKIE = 'paraphe_admin'

/** The only admin paths open without a session: asking for a login link and using it. */
export function isPublicAdminPath(path: string): boolean {
  return /^\/admin\/login(\/[^/]+)?\/?$/.test(path)
}

export function adminPageContext(
  ctx: AppContext,
  assets: Assets,
  locale: string,
  extra: Partial<AdminPageContext> = {},
): AdminPageContext {
  const site = ctx.config.site
  const known = site.locales.includes(locale) ? locale : site.defaultLocale
  return {
    locale: known,
    m: messagesFor(known),
    locales: site.locales,
    siteTitle: site.title[known] ?? site.title[site.defaultLocale]!,
    stylesheet: assets.stylesheet,
    icon: assets.icon,
    categoryLabel: (key) => site.categories.find((c) => c.key === key)?.labels[known] ?? key,
    ...extra,
  }
}

export function requireModerator(ctx: AppContext, assets: Assets): MiddlewareHandler<AdminEnv> {
  const site = ctx.config.site
  return async function adminGuard(c, next) {
    c.header('Cache-Control', 'no-store')
    c.set('ctx', ctx)
    if (isPublicAdminPath(c.req.path)) {
      // Before login: the language of ?lang=, or of the browser.
      const locale =
        c.req.query('lang') ??
        negotiateLocale(c.req.header('Accept-Language'), site.locales, site.defaultLocale)
      c.set('admin', adminPageContext(ctx, assets, locale))
      return next()
    }
    const session = await findSession(ctx, getCookie(c, SESSION_COOKIE))
    if (!session) {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') return c.redirect('/admin/login', 303)
      const a = adminPageContext(ctx, assets, site.defaultLocale)
      return render(
        c,
        <AdminMessagePage a={a} title={a.m.admin.forbiddenTitle} body={a.m.admin.forbidden} />,
        403,
      )
    }
    const a = adminPageContext(ctx, assets, session.locale, {
      moderator: session.email,
      csrf: sessionCsrf(ctx.config.secret, session),
    })
    c.set('session', session)
    c.set('admin', a)
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const body = await c.req.parseBody()
      if (!checkSessionCsrf(ctx.config.secret, session, body.csrf)) {
        return render(
          c,
          <AdminMessagePage a={a} title={a.m.admin.forbiddenTitle} body={a.m.admin.forbidden} />,
          403,
        )
      }
    }
    await next()
  }
}
