// The home page (the manifesto) and every page of the content folder, at its slug.
import { Hono } from 'hono'
import { twinPage } from '../content/load.js'
import { absoluteUrl, localePath } from '../domain/links.js'
import { messagesFor } from '../i18n/index.js'
import { ContentPage, HomePage, PrivacyPage } from '../views/pages.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'

export const contentPages = new Hono<AppEnv>()

contentPages.get('/', async (c) => {
  const { ctx, page, locale } = c.var
  const counts = await ctx.numbers.counts.get()
  return render(c, <HomePage p={page} manifesto={ctx.content.manifesto[locale]!} count={counts.confirmed} url={absoluteUrl(ctx.config, locale, '/')} />)
})

contentPages.get('/:slug', async (c, next) => {
  const { ctx, page, locale } = c.var
  const slug = c.req.param('slug')
  const site = ctx.config.site
  // The privacy notice is generated from the config, under a slug of each language.
  if (slug === page.m.privacy.slug) {
    const twins = page.twins.map((t) => ({ ...t, href: localePath(site, t.locale, `/${messagesFor(t.locale).privacy.slug}`) }))
    return render(c, <PrivacyPage p={{ ...page, twins }} />)
  }
  const doc = ctx.content.pages[locale]?.get(slug)
  if (!doc) return next()
  const twins = page.twins.flatMap((t) => {
    const twin = twinPage(ctx.content, doc, t.locale)
    return twin ? [{ ...t, href: localePath(site, t.locale, `/${twin.slug}`) }] : []
  })
  return render(c, <ContentPage p={{ ...page, twins }} doc={doc} />)
})
