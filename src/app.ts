// The route table: every area of the site and the prefix it answers under, in the order
// they are tried, with the middlewares around them. The paths of an area are in its own
// file under src/http/, next to their handlers; an area mounted at the root names its
// paths in its first lines.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import type { AppContext } from './context.js'
import { stampFreeContent } from './domain/form-stamp.js'
import { adminRoutes } from './http/admin/index.js'
import { api } from './http/api.js'
import { loadAssets } from './http/assets.js'
import { confirm, confirmed } from './http/confirm.js'
import { contentPages } from './http/content-pages.js'
import type { AppEnv } from './http/env.js'
import { compression, contentEtag } from './http/compression.js'
import { errorHandler, notFoundHandler } from './http/errors.js'
import { kit, kitFiles } from './http/kit.js'
import { feed } from './http/feed.js'
import { formBody } from './http/form-body.js'
import { institutions } from './http/institutions.js'
import { languageRedirect, withLocale } from './http/locale.js'
import { createPageCache, type PageCache } from './http/page-cache.js'
import { crawlers, noindexUnlessAllowed } from './http/crawlers.js'
import { health } from './http/health.js'
import { measureRequests, metricsRoute } from './http/metrics.js'
import { noMetrics, type EnabledMetrics } from './metrics.js'
import { securityTxt } from './http/security-txt.js'
import { manage } from './http/manage.js'
import { newsPage, newsStop } from './http/news.js'
import { messagesFor } from './i18n/index.js'
import { silentLogger, type Logger } from './log.js'
import { debateStop, relay } from './http/relay.js'
import { openData } from './http/open-data.js'
import { organisations } from './http/organisations.js'
import { signatories } from './http/signatories.js'
import { testimonies } from './http/testimonies.js'
import { stats } from './http/stats.js'
import { sign } from './http/sign.js'
import { transparencyData, transparencyPage } from './http/transparency.js'
import { applySecurityHeaders, securityHeaders } from './http/security-headers.js'

/** Forms are small: anything larger than this is refused before it is read. */
export const MAX_BODY_BYTES = 16 * 1024
/**
 * But a news item, written by a moderator in every language: NEWS_BODY_MAX characters
 * each, up to nine bytes a character once form-encoded (%C3%A9…).
 */
export const MAX_NEWS_BODY_BYTES = 512 * 1024

export interface AppOptions {
  /** Rendered public pages kept in memory (see publicPageCache); without it, every request renders. */
  pageCache?: PageCache
  /** GET /metrics on the site's port, for a scraper bearing the token (METRICS_TOKEN without METRICS_PORT). */
  metrics?: { metrics: EnabledMetrics; token: string }
}

/**
 * The cache of public pages for this site, keeping each for `ttlMs`. Pages it answers
 * early carry the headers of every answer, and a visitor about to be sent to their
 * own language is never answered with the page they asked for. A page's ETag changes
 * with its content, not with the sign form's timestamp (see STAMP_REVALIDATION_MS).
 */
export function publicPageCache(ctx: AppContext, ttlMs: number): PageCache {
  const decoder = new TextDecoder()
  return createPageCache({
    ttlMs,
    outerHeaders: (headers) => applySecurityHeaders(ctx.config, headers),
    divert: (path, header) => languageRedirect(ctx, path, header) !== undefined,
    etagOf: (body) => contentEtag(stampFreeContent(decoder.decode(body), ctx.now())),
    answeredEarly: ctx.metrics === noMetrics ? undefined : ctx.metrics.request,
  })
}

export function createApp(
  ctx: AppContext,
  logger: Logger = silentLogger,
  options: AppOptions = {},
): Hono<AppEnv> {
  const assets = loadAssets(ctx.config.site.kit)
  const app = new Hono<AppEnv>({ strict: false })
  if (ctx.metrics !== noMetrics) app.use('*', measureRequests(ctx.metrics))
  app.use('*', securityHeaders(ctx.config))
  app.use('*', compression())
  app.use('*', async function provideContext(c, next) {
    c.set('ctx', ctx)
    await next()
  })
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new HTTPException(413)
      },
    })
  const formLimit = limitBody(MAX_BODY_BYTES)
  const newsLimit = limitBody(MAX_NEWS_BODY_BYTES)
  app.use('*', function limitBodies(c, next) {
    return (c.req.path.startsWith('/admin/news') ? newsLimit : formLimit)(c, next)
  })

  app.use('*', formBody())

  app.route('/', assets.routes)
  // The numbers other sites poll and embed: kept like pages, at most a page cache's age old.
  if (options.pageCache) {
    for (const path of ['/api/v1/stats', '/badge.svg', '/:locale{[a-z]{2}}/badge.svg'])
      app.use(path, options.pageCache.middleware)
  }
  app.route('/', crawlers)
  app.route('/', securityTxt)
  app.route('/', health)
  if (options.metrics) app.route('/', metricsRoute(options.metrics.metrics, options.metrics.token))
  app.use('/open-data/*', noindexUnlessAllowed())
  app.use('/api/v1/signatories', noindexUnlessAllowed())
  app.route('/api', api)
  app.route('/', kitFiles)
  app.route('/open-data', openData)
  app.route('/transparency', transparencyData)
  app.route('/admin', adminRoutes(ctx, assets))

  // The same pages in every locale; the default one at the root, the others under /xx.
  const site = ctx.config.site
  const ordered = [...site.locales.filter((l) => l !== site.defaultLocale), site.defaultLocale]
  for (const locale of ordered) {
    const pages = new Hono<AppEnv>({ strict: false })
    pages.use('*', withLocale(ctx, assets, locale, options.pageCache?.middleware))
    pages.route('/sign', sign)
    pages.route('/confirm', confirm)
    pages.route('/confirmed', confirmed)
    pages.route('/manage', manage)
    pages.route('/signatories', signatories)
    pages.route('/organisations', organisations)
    pages.route('/testimonies', testimonies)
    pages.route('/kit', kit)
    pages.route('/institutions', institutions)
    pages.route('/stats', stats)
    pages.route('/transparency', transparencyPage)
    pages.route('/feed.atom', feed)
    pages.route('/relay', relay)
    pages.route('/debate/stop', debateStop)
    pages.route('/news/stop', newsStop)
    // The news page has a slug in each language (/actualites, /en/news), as the privacy notice.
    pages.route(`/${messagesFor(locale).news.slug}`, newsPage)
    pages.route('/', contentPages)
    app.route(locale === site.defaultLocale ? '/' : `/${locale}`, pages)
  }

  app.notFound(notFoundHandler(ctx, assets))
  app.onError(errorHandler(ctx, assets, logger))
  return app
}
