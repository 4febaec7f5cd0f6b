// The public news page, and the stop link every news mail carries: GET shows a button
// (a link scanner that follows it changes nothing), POST stops, whether the reader
// pressed the button or their mail client sent RFC 8058's one-click POST.
import { Hono, type Context } from 'hono'
import { AppError } from '../domain/errors.js'
import { listPublishedNews, stopNews } from '../domain/news.js'
import { checkStopLinkKey } from '../domain/tokens.js'
import { NewsListPage, NewsStopInvalidPage, NewsStoppedPage, NewsStopPage } from '../views/news-pages.js'
import type { AppEnv } from './env.js'
import { formText } from './form-body.js'
import { render } from './render.js'

/** Items on one page of news; older ones follow by keyset. */
const PER_PAGE = 10

export const newsPage = new Hono<AppEnv>()

newsPage.get('/', async (c) => {
  const { ctx, page, locale } = c.var
  const before = c.req.query('before')
  const valid = before && !Number.isNaN(Date.parse(before)) ? before : undefined
  const { items, next } = await listPublishedNews(ctx.db, locale, { limit: PER_PAGE, before: valid })
  const path = `/${page.m.news.slug}`
  return render(
    c,
    <NewsListPage
      p={page}
      items={items}
      olderHref={next ? `${page.href(path)}?before=${encodeURIComponent(next)}` : undefined}
    />,
  )
})

export const newsStop = new Hono<AppEnv>()

async function withStopLink(c: Context<AppEnv>, handle: () => Promise<Response>): Promise<Response> {
  // The link is personal: no cache keeps the page.
  c.header('Cache-Control', 'no-store')
  try {
    return await handle()
  } catch (err) {
    if (err instanceof AppError && err.code === 'token_invalid')
      return render(c, <NewsStopInvalidPage p={c.var.page} />, 404)
    throw err
  }
}

newsStop.get('/:id/:key', (c) =>
  withStopLink(c, async () => {
    const { ctx, page } = c.var
    const id = Number(c.req.param('id'))
    const key = c.req.param('key')
    checkStopLinkKey(ctx.config.secret, 'news-stop', id, key)
    return render(c, <NewsStopPage p={page} action={page.href(`/news/stop/${id}/${key}`)} />)
  }),
)

newsStop.post('/:id/:key', (c) =>
  withStopLink(c, async () => {
    const { ctx, page } = c.var
    const body = await c.req.parseBody()
    // A mail client's one-click POST carries this body (RFC 8058); the page's button, none.
    const method = formText(body, 'List-Unsubscribe') === 'One-Click' ? 'one-click' : 'page'
    await stopNews(ctx, Number(c.req.param('id')), c.req.param('key'), method)
    return render(c, <NewsStoppedPage p={page} />)
  }),
)
