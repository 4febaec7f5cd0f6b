// News: writing an item in every language, previewing it as the page and as the mail,
// a test to oneself, publishing, sending, and the sending's progress.
import { Hono, type Context } from 'hono'
import {
  countNewsAudience,
  createNews,
  getNews,
  listNews,
  newsProgress,
  parseNewsForm,
  publishNews,
  renderNewsBody,
  sendNewsTest,
  startSendingNews,
  updateNews,
} from '../../domain/news.js'
import { mailSite } from '../../mail/layout.js'
import { renderNewsMail } from '../../mail/news-mail.js'
import { absoluteUrl } from '../../domain/links.js'
import { AppError } from '../../domain/errors.js'
import { NewsFormPage, NewsListPage, NewsPage, NewsPagePreview } from '../../views/admin/news.js'
import { formText } from '../form-body.js'
import { MAIL_PREVIEW_CSP } from '../security-headers.js'
import { keepsForm } from '../form-again.js'
import { render } from '../render.js'
import type { AdminEnv } from './env.js'
import { rowId } from './row-id.js'

export const news = new Hono<AdminEnv>()

function newsId(c: Context<AdminEnv>): number {
  return rowId(c.req.param('id'))
}

async function readTexts(c: Context<AdminEnv>) {
  const body = await c.req.parseBody()
  return parseNewsForm(c.var.ctx.config.site.locales, (field) => formText(body, field))
}

// When storage fails, the texts typed come back in the form with a notice (form-again.ts).
const newsFormAgain = keepsForm(async (c, notice) => {
  const admin = (c as unknown as Context<AdminEnv>).var.admin
  const parsed = await readTexts(c as unknown as Context<AdminEnv>)
  const id = c.req.param('id')
  return <NewsFormPage a={admin} id={id ? Number(id) : undefined} texts={parsed.texts} notice={notice} />
})

news.get('/', async (c) => render(c, <NewsListPage a={c.var.admin} items={await listNews(c.var.ctx.db)} />))

news.get('/new', (c) => render(c, <NewsFormPage a={c.var.admin} texts={{}} />))

news.post('/', newsFormAgain, async (c) => {
  const { ctx, admin, session } = c.var
  const parsed = await readTexts(c)
  if (!parsed.ok)
    return render(c, <NewsFormPage a={admin} texts={parsed.texts} errors={parsed.errors} />, 422)
  const id = await createNews(ctx, session.email, parsed.texts)
  return c.redirect(`/admin/news/${id}?saved=1`, 303)
})

news.get('/:id{[0-9]+}', async (c) => {
  const { ctx, admin } = c.var
  const item = await getNews(ctx.db, newsId(c))
  const progress = item.row.send_started_at ? await newsProgress(ctx.db, item.row) : undefined
  return render(
    c,
    <NewsPage
      a={admin}
      item={item}
      audience={progress ? 0 : await countNewsAudience(ctx.db)}
      perMinute={ctx.config.site.newsMailsPerMinute}
      progress={progress}
      saved={c.req.query('saved') === '1'}
      testSentTo={c.req.query('tested') === '1' ? c.var.session.email : undefined}
    />,
  )
})

news.post('/:id{[0-9]+}', newsFormAgain, async (c) => {
  const { ctx, admin, session } = c.var
  const id = newsId(c)
  const parsed = await readTexts(c)
  if (!parsed.ok)
    return render(c, <NewsFormPage a={admin} id={id} texts={parsed.texts} errors={parsed.errors} />, 422)
  await updateNews(ctx, session.email, id, parsed.texts)
  return c.redirect(`/admin/news/${id}?saved=1`, 303)
})

/** The item as the public page shows it. */
news.get('/:id{[0-9]+}/page/:locale', async (c) => {
  const { ctx, admin } = c.var
  const id = newsId(c)
  const locale = c.req.param('locale')
  const text = (await getNews(ctx.db, id)).texts[locale]
  if (!text) throw new AppError('not_found')
  return render(
    c,
    <NewsPagePreview a={admin} id={id} locale={locale} text={text} html={renderNewsBody(text.body)} />,
  )
})

/** The mail exactly as a recipient of that language receives it: HTML, or its text part. */
news.get('/:id{[0-9]+}/mail/:file', async (c) => {
  const { ctx, session } = c.var
  const id = newsId(c)
  const file = c.req.param('file')
  const locale = file.replace(/\.txt$/, '')
  const text = (await getNews(ctx.db, id)).texts[locale]
  if (!text) throw new AppError('not_found')
  const mail = renderNewsMail({
    site: mailSite(ctx.config, locale, ctx.now()),
    firstName: session.email.split('@')[0]!,
    title: text.title,
    html: renderNewsBody(text.body),
    markdown: text.body,
    stopLink: absoluteUrl(ctx.config, locale, '/news/stop/0/preview'),
  })
  if (file.endsWith('.txt')) {
    c.header('Content-Type', 'text/plain; charset=utf-8')
    return c.body(`${mail.subject}\n\n${mail.text}`)
  }
  c.header('Content-Security-Policy', MAIL_PREVIEW_CSP)
  return c.html(mail.html)
})

news.post('/:id{[0-9]+}/test', async (c) => {
  const { ctx, session } = c.var
  const id = newsId(c)
  await sendNewsTest(ctx, session.email, id)
  return c.redirect(`/admin/news/${id}?tested=1`, 303)
})

news.post('/:id{[0-9]+}/publish', async (c) => {
  const { ctx, session } = c.var
  const id = newsId(c)
  const body = await c.req.parseBody()
  await publishNews(ctx, session.email, id, formText(body, 'publish') === '1')
  return c.redirect(`/admin/news/${id}`, 303)
})

news.post('/:id{[0-9]+}/send', async (c) => {
  const { ctx, session } = c.var
  const id = newsId(c)
  await startSendingNews(ctx, session.email, id)
  return c.redirect(`/admin/news/${id}`, 303)
})
