// The public news page (newest first) and the stop link of news mails (a button, then done).
import { raw } from 'hono/html'
import type { PublishedNews } from '../domain/news.js'
import { Layout } from './layout.js'
import type { PageContext } from './page-context.js'
import { MessagePage } from './pages.js'

/** The anchor of one item on the page: the feed's entries link to it. */
export function newsAnchor(id: number): string {
  return `news-${id}`
}

export function NewsListPage(props: { p: PageContext; items: PublishedNews[]; olderHref?: string }) {
  const { p } = props
  const m = p.m.news
  return (
    <Layout p={p} title={m.title} description={m.description}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {props.items.length === 0 ? <p>{m.empty}</p> : null}
      {props.items.map((item) => (
        <article
          class="prose news-item"
          id={newsAnchor(item.id)}
          aria-labelledby={`${newsAnchor(item.id)}-title`}
        >
          <h2 id={`${newsAnchor(item.id)}-title`}>{item.title}</h2>
          <p class="hint">
            <time datetime={item.publishedAt}>{m.publishedOn({ date: p.m.date(item.publishedAt) })}</time>
          </p>
          {raw(item.html)}
        </article>
      ))}
      {props.olderHref ? (
        <p>
          <a href={props.olderHref}>{m.older}</a>
        </p>
      ) : null}
      <p>
        <a href={p.href('/feed.atom')} type="application/atom+xml">
          {m.feed}
        </a>
      </p>
    </Layout>
  )
}

export function NewsStopPage({ p, action }: { p: PageContext; action: string }) {
  return (
    <MessagePage p={p} title={p.m.news.stopTitle}>
      <p>{p.m.news.stopLead}</p>
      <form method="post" action={action}>
        <button type="submit">{p.m.news.stopButton}</button>
      </form>
    </MessagePage>
  )
}

export function NewsStoppedPage({ p }: { p: PageContext }) {
  return (
    <MessagePage p={p} title={p.m.news.stoppedTitle}>
      <p>{p.m.news.stoppedBody}</p>
    </MessagePage>
  )
}

export function NewsStopInvalidPage({ p }: { p: PageContext }) {
  return (
    <MessagePage p={p} title={p.m.news.invalidTitle}>
      <p>{p.m.news.invalidBody}</p>
    </MessagePage>
  )
}
