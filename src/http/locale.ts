// Each locale is served under its prefix (none for the default one). Without an
// explicit choice, Accept-Language decides; following a link within the site, or
// ?lang=…, is an explicit choice. No cookie is needed for any of it.
import type { MiddlewareHandler } from 'hono'
import { isSigningOpen } from '../domain/signing-open.js'
import type { AppContext } from '../context.js'
import { absoluteUrl, localePath } from '../domain/links.js'
import { issueFormStamp } from '../domain/form-stamp.js'
import { messagesFor } from '../i18n/index.js'
import { acceptsLocale, negotiateLocale } from './accept.js'
import type { PageContext } from '../views/page-context.js'
import { twinPage } from '../content/load.js'
import type { Assets } from './assets.js'
import type { AppEnv } from './env.js'

/** The path without its locale prefix: "/en/signatories" → "/signatories". */
export function unprefixedPath(ctx: AppContext, path: string): { locale: string; path: string } {
  for (const locale of ctx.config.site.locales) {
    if (locale === ctx.config.site.defaultLocale) continue
    if (path === `/${locale}` || path.startsWith(`/${locale}/`))
      return { locale, path: path.slice(locale.length + 1) || '/' }
  }
  return { locale: ctx.config.site.defaultLocale, path }
}

/**
 * What every view of a request needs. Most requests that write answer with a
 * redirect and render nothing: what only a rendered page reads (the footer's pages,
 * the language switch, the form's signed timestamp, the preview's address) is built
 * the first time a view asks for it, not for every request.
 */
export function pageContext(ctx: AppContext, assets: Assets, locale: string, path: string): PageContext {
  const site = ctx.config.site
  return {
    locale,
    m: messagesFor(locale),
    site,
    path,
    href: (p) => localePath(site, locale, p),
    get twins() {
      return versionsOf(ctx, locale, path)
        .filter((v) => v.locale !== locale)
        .map((v) => ({
          locale: v.locale,
          href: localePath(site, v.locale, v.path),
          label: messagesFor(v.locale).nav.otherLanguage,
        }))
    },
    get alternates() {
      const own = versionsOf(ctx, locale, path).map((v) => ({
        hreflang: v.locale,
        href: absoluteUrl(ctx.config, v.locale, v.path),
      }))
      const fallback = own.find((a) => a.hreflang === site.defaultLocale)
      return fallback ? [...own, { hreflang: 'x-default', href: fallback.href }] : own
    },
    get description() {
      return ctx.content.manifesto[locale]?.description ?? ''
    },
    get pages() {
      return [...(ctx.content.pages[locale]?.values() ?? [])].map((doc) => ({
        href: localePath(site, locale, `/${doc.slug}`),
        title: doc.title,
      }))
    },
    stylesheet: assets.stylesheet,
    icon: assets.icon,
    get ogImage() {
      return absoluteUrl(ctx.config, locale, '/og.png')
    },
    signingOpen: isSigningOpen(site, ctx.now(), ctx.settings.signingOpen()),
    get formStamp() {
      return issueFormStamp(ctx.config.secret, ctx.now())
    },
  }
}

/**
 * The same page in another locale, as a path without the locale prefix: a page of the
 * content folder goes to its twin (another slug: /oui-mais-l-iag and /yes-but-genai),
 * the privacy notice to its slug in that language, every other route to the same
 * path. Undefined when the page has no twin in that locale.
 */
/** A page in every locale it exists in, itself included: the locale and the unprefixed path of each. */
export function versionsOf(
  ctx: AppContext,
  locale: string,
  path: string,
): { locale: string; path: string }[] {
  return ctx.config.site.locales.flatMap((l) => {
    const twin = l === locale ? path : twinPath(ctx, locale, path, l)
    return twin === undefined ? [] : [{ locale: l, path: twin }]
  })
}

export function twinPath(ctx: AppContext, from: string, path: string, to: string): string | undefined {
  const slug = /^\/([^/]+)$/.exec(path)?.[1]
  if (slug === undefined) return path
  if (slug === messagesFor(from).privacy.slug) return `/${messagesFor(to).privacy.slug}`
  if (slug === messagesFor(from).news.slug) return `/${messagesFor(to).news.slug}`
  const doc = ctx.content.pages[from]?.get(slug)
  if (!doc) return path
  const twin = twinPage(ctx.content, doc, to)
  return twin ? `/${twin.slug}` : undefined
}

/**
 * Where a GET of a path sends a visitor who made no explicit choice of language and
 * whose browser prefers another one than the default; undefined to stay (always,
 * for a path already under another locale's prefix). `lang` is the ?lang= of the
 * request, an explicit choice; so is following a link of the site.
 */
export function languageRedirect(
  ctx: AppContext,
  requestPath: string,
  header: (name: string) => string | undefined,
  lang?: string,
): string | undefined {
  const site = ctx.config.site
  const { locale, path } = unprefixedPath(ctx, requestPath)
  if (locale !== site.defaultLocale || header('Sec-Fetch-Site') === 'same-origin') return undefined
  // The text's own language is its reference: whoever reads it at all, even as a
  // second choice (en-US,en;q=0.9,fr;q=0.8), gets it rather than a translation.
  if (lang === undefined && acceptsLocale(header('Accept-Language'), site.defaultLocale)) return undefined
  // A shared link never leads to a page that does not exist: to the page's twin, or nowhere.
  // The browser's languages are read among those the page exists in, so that a visitor who
  // reads Spanish, then English, gets the English twin of a page not translated into Spanish.
  const twins = new Map(versionsOf(ctx, locale, path).map((v) => [v.locale, v.path]))
  const preferred = lang ?? negotiateLocale(header('Accept-Language'), [...twins.keys()], site.defaultLocale)
  const twin = twins.get(preferred)
  if (preferred === site.defaultLocale || twin === undefined) return undefined
  return localePath(site, preferred, twin)
}

/**
 * Sets the locale and the page context of a request, after redirecting it to the
 * visitor's language when they made no choice. `cache`, when given, may answer
 * between the two: a page kept in memory needs no page context built for it.
 */
export function withLocale(
  ctx: AppContext,
  assets: Assets,
  locale: string,
  cache?: MiddlewareHandler,
): MiddlewareHandler<AppEnv> {
  const site = ctx.config.site
  return async function localeMiddleware(c, next) {
    const target = unprefixedPath(ctx, c.req.path)
    // The default locale is mounted at the root, so its middleware also sees paths of
    // other locales that matched nothing: leave those to their own locale.
    if (target.locale !== locale) return next()
    const path = target.path
    if (locale === site.defaultLocale && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      // Whether or not this visitor is sent elsewhere, the answer depends on the header.
      c.header('Vary', 'Accept-Language')
      const elsewhere = languageRedirect(ctx, c.req.path, (name) => c.req.header(name), c.req.query('lang'))
      if (elsewhere) return c.redirect(elsewhere + new URL(c.req.url).search, 302)
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
