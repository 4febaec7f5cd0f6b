// The signatory kit. Pages (/kit, /en/kit) are mounted per locale; the images
// (/kit/*.svg|png, the live counter /badge.svg, the social preview /og.png) at the
// root, where any site may embed them.
import { Hono, type Context } from 'hono'
import type { Config } from '../config.js'
import { derivedOnce } from '../derived-once.js'
import { createKitRenderer, formerKitName, type KitFile, type KitRenderer } from '../kit/render.js'
import { mastodonHost, mastodonShareUrl, shareLinks } from '../kit/share.js'
import { buildSnippets } from '../kit/snippets.js'
import { messagesFor } from '../i18n/index.js'
import { KitPage, MastodonPage } from '../views/kit-page.js'
import { answer, encodeBody, prepareAnswers, type PreparedAnswers } from './compression.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'

// One renderer, and so one cache, per configuration: each running server has its own.
const rendererFor = derivedOnce((config: Config): Promise<KitRenderer> => createKitRenderer(config))

/** What every kit file carries: it is made to be embedded by other sites, including those that isolate themselves. */
const EMBEDDABLE = { 'Cross-Origin-Resource-Policy': 'cross-origin', 'Access-Control-Allow-Origin': '*' }

// The answers of each rendered file, prepared on its first request and kept as long
// as the renderer keeps the file (for good, or until the count or preview changes).
const prepared = new WeakMap<KitFile, PreparedAnswers>()

/** Sends a kit file compressed as the client accepts, with its validator. */
function send(c: Context<AppEnv>, file: KitFile, cacheControl: string): Response {
  let answers = prepared.get(file)
  if (!answers) {
    const headers = { 'Content-Type': file.type, 'Cache-Control': cacheControl, ...EMBEDDABLE }
    answers = prepareAnswers(encodeBody(file.body, { effort: 'best' }), 200, headers)
    prepared.set(file, answers)
  }
  return answer(c, answers)
}

/** The locale of a prefixed image path (/en/badge.svg), or undefined for an unknown prefix. */
function prefixedLocale(config: Config, prefix: string): string | undefined {
  return prefix !== config.site.defaultLocale && config.site.locales.includes(prefix) ? prefix : undefined
}

export const kitFiles = new Hono<AppEnv>()

// The slide shows the count: like the social preview, a minute in caches at most.
kitFiles.get('/kit/:name{banner-[a-z0-9-]+-[a-z]{2}\\.(?:svg|png)}', async (c, next) => {
  const { ctx } = c.var
  const readCount = async () => (await ctx.numbers.counts.get()).confirmed
  const renderer = await rendererFor(ctx.config)
  const file = await renderer.banner(c.req.param('name'), readCount, ctx.now().getTime())
  return file ? send(c, file, 'public, max-age=60') : next()
})

kitFiles.get('/kit/:name{[a-z0-9-]+\\.(?:svg|png)}', async (c, next) => {
  const name = c.req.param('name')
  const file = await (await rendererFor(c.var.ctx.config)).file(name)
  if (!file) {
    // An address from before the kit offered several marks, pasted somewhere long ago.
    const today = formerKitName(name, c.var.ctx.config.site.kit.marks[0]!.id)
    return today ? c.redirect(`/kit/${today}`, 301) : next()
  }
  // Their names carry no hash, yet they change only when the content folder does: a
  // week in caches spares the sites that embed them, and the ETag makes the check after it cheap.
  return send(c, file, 'public, max-age=604800')
})

async function counterBadge(c: Context<AppEnv>, locale: string): Promise<Response> {
  const { ctx } = c.var
  const counts = await ctx.numbers.counts.get()
  const renderer = await rendererFor(ctx.config)
  const file = renderer.counter(locale, messagesFor(locale).kit.counter({ n: counts.confirmed }))
  // Sent as it is, for the page cache (app.ts) or the compression middleware to tag
  // and compress as they do pages: the count changes often, so quickly rather than at best.
  return c.body(new Uint8Array(file.body), 200, {
    'Content-Type': file.type,
    'Cache-Control': 'public, max-age=60',
    ...EMBEDDABLE,
  })
}

async function preview(c: Context<AppEnv>, locale: string): Promise<Response> {
  const { ctx } = c.var
  const readLabel = async () =>
    messagesFor(locale).count.signatures({ n: (await ctx.numbers.counts.get()).confirmed })
  const file = await (await rendererFor(ctx.config)).preview(locale, readLabel, ctx.now().getTime())
  return send(c, file, 'public, max-age=60')
}

kitFiles.get('/badge.svg', (c) => counterBadge(c, c.var.ctx.config.site.defaultLocale))
kitFiles.get('/og.png', (c) => preview(c, c.var.ctx.config.site.defaultLocale))
kitFiles.get('/:locale{[a-z]{2}}/badge.svg', (c, next) => {
  const locale = prefixedLocale(c.var.ctx.config, c.req.param('locale'))
  return locale ? counterBadge(c, locale) : next()
})
kitFiles.get('/:locale{[a-z]{2}}/og.png', (c, next) => {
  const locale = prefixedLocale(c.var.ctx.config, c.req.param('locale'))
  return locale ? preview(c, locale) : next()
})

/** /kit and /en/kit, and the Mastodon step, mounted in each locale. */
export const kit = new Hono<AppEnv>()

kit.get('/', async (c, next) => {
  const { ctx, page, locale } = c.var
  const marks = ctx.config.site.kit.marks
  // Each mark has its own page of files and snippets (?mark=<id>); the first mark's is /kit.
  const chosen = c.req.query('mark')
  const mark = chosen === undefined ? marks[0]! : marks.find((m) => m.id === chosen)
  if (!mark) return next()
  const renderer = await rendererFor(ctx.config)
  const badge = renderer.badgeSize(mark, locale, 'colour')
  // The counter is as wide as its count: the page reserves the width it has now, and
  // the image, a minute fresh at most, differs from it by a digit at worst.
  const label = messagesFor(locale).kit.counter({ n: (await ctx.numbers.counts.get()).confirmed })
  const { width, height } = renderer.counter(locale, label)
  return render(
    c,
    <KitPage
      p={page}
      mark={mark}
      previews={await renderer.previews(locale)}
      snippets={buildSnippets(ctx.config, mark, locale, badge)}
      share={shareLinks(ctx.config, locale)}
      badge={badge}
      counter={{ width, height }}
    />,
  )
})

kit.get('/mastodon', (c) => {
  const { ctx, page, locale } = c.var
  const value = (c.req.query('instance') ?? '').slice(0, 300)
  const host = mastodonHost(value)
  if (!host) return render(c, <MastodonPage p={page} value={value.trim()} />, value.trim() ? 422 : 200)
  return render(
    c,
    <MastodonPage p={page} value={value} host={host} shareUrl={mastodonShareUrl(ctx.config, locale, host)} />,
  )
})
