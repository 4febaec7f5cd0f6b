// The home page (the manifesto) and every page of the content folder, at its slug.
import { Hono } from 'hono'
import { absoluteUrl } from '../domain/links.js'
import { ContentPage, HomePage, PrivacyPage } from '../views/pages.js'
import type { AppEnv } from './env.js'
import { render } from './render.js'

export const contentPages = new Hono<AppEnv>()

contentPages.get('/', async (c) => {
  const { ctx, page, locale } = c.var
  const [counts, testimonies, institutions, organisations] = await Promise.all([
    ctx.numbers.counts.get(),
    ctx.numbers.testimonies.get(),
    ctx.numbers.institutions.get(),
    ctx.numbers.organisations.get(),
  ])
  return render(
    c,
    <HomePage
      p={page}
      manifesto={ctx.content.manifesto[locale]!}
      appendices={[...(ctx.content.pages[locale]?.values() ?? [])].filter((doc) => doc.appendixHtml)}
      count={counts.confirmed}
      organisations={organisations}
      testimonies={testimonies}
      institutions={institutions.items.length + institutions.other.institutions}
      url={absoluteUrl(ctx.config, locale, '/')}
    />,
  )
})

contentPages.get('/:slug', async (c, next) => {
  const { ctx, page, locale } = c.var
  const slug = c.req.param('slug')
  // The privacy notice is generated from the config, under a slug of each language.
  // The language switch of these pages leads to their twins (twinPath in locale.ts).
  if (slug === page.m.privacy.slug) return render(c, <PrivacyPage p={page} />)
  const doc = ctx.content.pages[locale]?.get(slug)
  if (!doc) return next()
  return render(c, <ContentPage p={page} doc={doc} />)
})
