// /feed.atom: the published news and the milestones reached, newest first, so that
// anyone can follow the campaign from a feed reader without an account anywhere.
import { Hono } from 'hono'
import { localePath } from '../domain/links.js'
import { readMilestones } from '../domain/milestones.js'
import { listPublishedNews } from '../domain/news.js'
import { newsAnchor } from '../views/news-pages.js'
import { latestCheckpoint } from '../domain/transparency/checkpoints.js'
import type { AppEnv } from './env.js'

export const feed = new Hono<AppEnv>()

/** The latest news in the feed: readers keep what they fetched, so older ones are not lost to them. */
const FEED_NEWS = 20

feed.get('/', async (c) => {
  const { ctx, page, locale } = c.var
  const site = ctx.config.site
  const milestones = (await readMilestones(ctx.db, site.milestones)).reverse()
  const home = ctx.config.baseUrl + localePath(site, locale, '/')
  const self = ctx.config.baseUrl + localePath(site, locale, '/feed.atom')
  const host = new URL(ctx.config.baseUrl).hostname
  // The latest checkpoint of the public log: every reader and archive of the feed keeps a
  // copy the site cannot take back (see domain/transparency/checkpoints.ts).
  const checkpoint = await latestCheckpoint(ctx.db)
  const { items: news } = await listPublishedNews(ctx.db, locale, { limit: FEED_NEWS })
  const newsPage = ctx.config.baseUrl + localePath(site, locale, `/${page.m.news.slug}`)
  const latest = [milestones[0] && `${milestones[0].day}T00:00:00Z`, checkpoint?.at, news[0]?.publishedAt]
    .filter(Boolean)
    .sort()
  const updated = latest.at(-1) ?? ctx.now().toISOString()
  const xml = (
    <feed xmlns="http://www.w3.org/2005/Atom" xml:lang={locale}>
      <title>{page.m.feed.title({ site: site.title[locale]! })}</title>
      <id>{self}</id>
      <link rel="self" type="application/atom+xml" href={self} />
      <link rel="alternate" type="text/html" href={home} />
      <updated>{updated}</updated>
      <author>
        <name>{site.organisation}</name>
      </author>
      {checkpoint ? (
        <entry>
          <title>{page.m.transparency.feedTitle({ count: checkpoint.count })}</title>
          <id>{`tag:${host},${checkpoint.at.slice(0, 10)}:checkpoint/${checkpoint.size}`}</id>
          <link
            rel="alternate"
            type="text/html"
            href={ctx.config.baseUrl + localePath(site, locale, '/transparency')}
          />
          <updated>{checkpoint.at}</updated>
          <summary>
            {page.m.transparency.feedBody({
              size: checkpoint.size,
              root: checkpoint.root,
              count: checkpoint.count,
              at: checkpoint.at,
              signature: checkpoint.signature,
            })}
          </summary>
        </entry>
      ) : null}
      {news.map((item) => (
        <entry>
          <title>{item.title}</title>
          <id>{`tag:${host},${item.publishedAt.slice(0, 10)}:news/${item.id}`}</id>
          <link rel="alternate" type="text/html" href={`${newsPage}#${newsAnchor(item.id)}`} />
          <updated>{item.publishedAt}</updated>
          <content type="html">{item.html}</content>
        </entry>
      ))}
      {milestones.map((ms) => (
        <entry>
          <title>{page.m.feed.milestone({ n: ms.threshold })}</title>
          <id>{`tag:${host},${ms.day}:milestone/${ms.threshold}`}</id>
          <link rel="alternate" type="text/html" href={home} />
          <updated>{`${ms.day}T00:00:00Z`}</updated>
          <summary>{page.m.feed.milestoneBody({ n: ms.threshold, date: page.m.date(ms.day) })}</summary>
        </entry>
      ))}
    </feed>
  )
  c.header('Content-Type', 'application/atom+xml; charset=utf-8')
  c.header('Cache-Control', 'public, max-age=300')
  return c.body(`<?xml version="1.0" encoding="utf-8"?>\n${String(xml)}`)
})
