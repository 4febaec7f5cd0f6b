// Each locale is served under its prefix (none for the default one). Without an
// explicit choice, Accept-Language decides; following a link within the site, or
// ?lang=…, is an explicit choice. No cookie is needed for any of it.
import type { MiddlewareHandler } from 'hono'
import { isSigningOpen } from '../config.js'
import type { AppContext } from '../context.js'
import { absoluteUrl, localePath } from '../domain/links.js'
import { issueFormStamp } from '../domain/form-stamp.js'
import { messagesFor, negotiateLocale } from '../i18n/index.js'
import type { PageContext } from '../views/page-context.js'
import type { Assets } from './assets.js'
import type { AppEnv } from './env.js'

/** The path without its locale prefix: "/en/signatories" → "/signatories". */
export function unprefixedPath(ctx: AppContext, path: string): { locale: string; path: string } {
  for (const locale of ctx.config.site.locales) {
    if (locale === ctx.config.site.defaultLocale) continue
    if (path === `/${locale}` || path.startsWith(`/${locale}/`)) return { locale, path: path.slice(locale.length + 1) || '/' }
  }
  return { locale: ctx.config.site.defaultLocale, path }
}

export function pageContext(ctx: AppContext, assets: Assets, locale: string, path: string): PageContext {
  const site = ctx.config.site
  const pages = [...(ctx.content.pages[locale]?.values() ?? [])].map((doc) => ({ href: localePath(site, locale, `/${doc.slug}`), title: doc.title }))
  return {
    locale,
    m: messagesFor(locale),
    site,
    href: (p) => localePath(site, locale, p),
    twins: site.locales
      .filter((l) => l !== locale)
      .map((l) => ({ locale: l, href: localePath(site, l, path), label: messagesFor(l).nav.otherLanguage })),
    pages,
    stylesheet: assets.stylesheet,
    icon: assets.icon,
    kitScript: assets.kitScript,
    ogImage: absoluteUrl(ctx.config, locale, '/og.png'),
    signingOpen: isSigningOpen(site, ctx.now(), ctx.settings.signingOpen()),
    formStamp: issueFormStamp(ctx.config.secret, ctx.now()),
  }
}

/**
 * Sets the locale and the page context of a request, after redirecting it to the
 * visitor's language when they made no choice. `cache`, when given, may answer
 * between the two: a page kept in memory needs no page context built for it.
 */
export function withLocale(ctx: AppContext, assets: Assets, locale: string, cache?: MiddlewareHandler): MiddlewareHandler<AppEnv> {
  const site = ctx.config.site
  return async function localeMiddleware(c, next) {
    const target = unprefixedPath(ctx, c.req.path)
    // The default locale is mounted at the root, so its middleware also sees paths of
    // other locales that matched nothing: leave those to their own locale.
    if (target.locale !== locale) return next()
    const path = target.path
    if (locale === site.defaultLocale && c.req.method === 'GET' && c.req.header('Sec-Fetch-Site') !== 'same-origin') {
      const explicit = c.req.query('lang')
      const preferred = explicit ?? negotiateLocale(c.req.header('Accept-Language'), site.locales, site.defaultLocale)
      c.header('Vary', 'Accept-Language')
      if (preferred !== locale && site.locales.includes(preferred)) {
        const query = new URL(c.req.url).search
        return c.redirect(localePath(site, preferred, path) + query, 302)
      }
    }
    c.set('ctx', ctx)
    c.set('locale', locale)
    const render = async () => {
      await ctx.settings.refresh()
      c.set('page', pageContext(ctx, assets, locale, path))
      await next()
    }
    if (cache) await cache(c, render)
    else await render()
  }
}
