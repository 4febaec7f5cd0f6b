// What search engines are told: /robots.txt and /sitemap.xml. The manifesto and its pages
// are meant to be found; the signatory lists, institution pages and exports are not,
// unless the collective says so ([privacy] index_signatories): people agreed to be
// listed on this site, not to have their name tied to the text by a search engine.
import { Hono, type MiddlewareHandler } from 'hono'
import { absoluteUrl, localePath } from '../domain/links.js'
import { messagesFor } from '../i18n/index.js'
import type { AppEnv } from './env.js'
import { versionsOf } from './locale.js'

export const crawlers = new Hono<AppEnv>()

/** Where signatories are named: pages (in every locale) and exports (once). */
const NAMING = {
  pages: ['/signatories', '/testimonies', '/institutions'],
  files: ['/open-data/', '/api/v1/signatories'],
}
/** Behind a mailed link or for moderators: nothing to find there. */
const PRIVATE = {
  pages: [
    '/confirm/',
    '/manage',
    '/relay/',
    '/debate/',
    '/news/stop/',
    '/organisations/confirm/',
    '/organisations/manage/',
  ],
  files: ['/admin'],
}

crawlers.get('/robots.txt', (c) => {
  const { ctx } = c.var
  const site = ctx.config.site
  // Kept out of search engines, unless the collective decides otherwise for the lists.
  const kept = site.indexSignatories ? [PRIVATE] : [NAMING, PRIVATE]
  const paths = kept.flatMap((k) => [
    ...site.locales.flatMap((l) => k.pages.map((p) => localePath(site, l, p))),
    ...k.files,
  ])
  const lines = [
    'User-agent: *',
    ...paths.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${ctx.config.baseUrl}/sitemap.xml`,
    '',
  ]
  c.header('Cache-Control', 'public, max-age=3600')
  return c.text(lines.join('\n'))
})

crawlers.get('/sitemap.xml', (c) => {
  const { ctx } = c.var
  const site = ctx.config.site
  const d = site.defaultLocale
  // Every page meant to be found, from the default locale, with its twins; the lists
  // too when the collective opens them to search engines.
  const paths = [
    '/',
    '/sign',
    '/kit',
    '/stats',
    '/transparency',
    `/${messagesFor(d).news.slug}`,
    `/${messagesFor(d).privacy.slug}`,
    ...[...(ctx.content.pages[d]?.values() ?? [])].map((doc) => `/${doc.slug}`),
    ...(site.indexSignatories ? NAMING.pages : []),
    // Organisations, listed once a moderator approved them, are public bodies: no person is named.
    ...(site.organisationKinds.length > 0 ? ['/organisations', '/organisations/sign'] : []),
  ]
  const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const entries = paths.flatMap((path) => {
    const versions = versionsOf(ctx, d, path).map((v) => ({
      locale: v.locale,
      href: absoluteUrl(ctx.config, v.locale, v.path),
    }))
    const links = versions
      .map((v) => `    <xhtml:link rel="alternate" hreflang="${v.locale}" href="${escapeXml(v.href)}"/>`)
      .join('\n')
    return versions.map((v) => `  <url>\n    <loc>${escapeXml(v.href)}</loc>\n${links}\n  </url>`)
  })
  c.header('Content-Type', 'application/xml; charset=utf-8')
  c.header('Cache-Control', 'public, max-age=3600')
  return c.body(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`,
  )
})

/** Asks search engines not to index an answer that names signatories (exports, API), unless the collective allows it. */
export function noindexUnlessAllowed(): MiddlewareHandler<AppEnv> {
  return async function noindexMiddleware(c, next) {
    await next()
    if (!c.var.ctx.config.site.indexSignatories) c.res.headers.set('X-Robots-Tag', 'noindex')
  }
}
