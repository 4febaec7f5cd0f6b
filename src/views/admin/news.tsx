// News: the list, the form in every language, previews, the test mail, publishing and
// sending, and a sending's progress (the page refreshes itself while it runs).
import { raw } from 'hono/html'
import type { NewsFieldError, NewsItem, NewsProgress, NewsText } from '../../domain/news.js'
import { NEWS_BODY_MAX, NEWS_TITLE_MAX, newsField } from '../../domain/news.js'
import { messagesFor } from '../../i18n/index.js'
import { AdminLayout, Csrf, type AdminPageContext } from './layout.js'
import { AdminTable, dateTime } from './parts.js'

/** How often a sending's progress page loads itself again. */
export const PROGRESS_REFRESH_SECONDS = 10

function titleIn(a: AdminPageContext, texts: Record<string, NewsText>): string {
  return texts[a.locale]?.title ?? Object.values(texts)[0]?.title ?? '—'
}

export function NewsListPage(props: { a: AdminPageContext; items: NewsItem[] }) {
  const { a } = props
  const m = a.m.admin.news
  return (
    <AdminLayout a={a} title={m.title}>
      <p>{m.intro}</p>
      <p>
        <a href="/admin/news/new">{m.create}</a>
      </p>
      {props.items.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <AdminTable
          columns={[...m.columns]}
          rows={props.items}
          cells={(item) => [
            <a href={`/admin/news/${item.row.id}`}>{titleIn(a, item.texts)}</a>,
            dateTime(item.row.created_at),
            item.row.published_at ? dateTime(item.row.published_at) : m.notPublished,
            item.row.send_finished_at
              ? m.sent({ n: item.row.sent_count })
              : item.row.send_started_at
                ? m.sending
                : m.notSent,
          ]}
        />
      )}
    </AdminLayout>
  )
}

/** The texts in every language: a title and a Markdown body each, errors beside their field. */
function NewsFields(props: {
  a: AdminPageContext
  texts: Record<string, NewsText>
  errors: Record<string, NewsFieldError>
  readOnly: boolean
}) {
  const { a } = props
  const m = a.m.admin.news
  return (
    <>
      {a.locales.map((locale) => {
        const lang = messagesFor(locale).langName
        const field = (kind: 'title' | 'body') => {
          const name = newsField(kind, locale)
          const error = props.errors[name]
          const describedBy = [kind === 'body' ? 'hint-news-body' : '', error ? `error-${name}` : '']
            .filter(Boolean)
            .join(' ')
          const value = props.texts[locale]?.[kind] ?? ''
          const common = {
            id: `field-${name}`,
            name,
            lang: locale,
            required: true,
            readonly: props.readOnly,
            'aria-invalid': error ? 'true' : undefined,
            'aria-describedby': describedBy || undefined,
          }
          return (
            <div class={`field${error ? ' has-error' : ''}`}>
              <label for={`field-${name}`}>
                {kind === 'title' ? m.titleLabel({ lang }) : m.bodyLabel({ lang })}
              </label>
              {error ? (
                <p class="field-error" id={`error-${name}`}>
                  {a.m.fieldError[error]}
                </p>
              ) : null}
              {kind === 'title' ? (
                <input type="text" maxlength={NEWS_TITLE_MAX} value={value} {...common} />
              ) : (
                <textarea rows={12} maxlength={NEWS_BODY_MAX} {...common}>
                  {value}
                </textarea>
              )}
            </div>
          )
        }
        return (
          <fieldset>
            <legend>{lang}</legend>
            {field('title')}
            {field('body')}
          </fieldset>
        )
      })}
      <p class="hint" id="hint-news-body">
        {m.bodyHint}
      </p>
    </>
  )
}

export function NewsFormPage(props: {
  a: AdminPageContext
  /** Undefined for a new item. */
  id?: number
  texts: Record<string, NewsText>
  errors?: Record<string, NewsFieldError>
  /** A notice above the form (storage failed: nothing was saved). */
  notice?: string
  status?: number
}) {
  const { a } = props
  const m = a.m.admin.news
  const errors = props.errors ?? {}
  return (
    <AdminLayout a={a} title={props.id === undefined ? m.newTitle : m.editTitle}>
      <p>
        <a href="/admin/news">{m.back}</a>
      </p>
      {props.notice ? (
        <p class="notice" role="alert">
          {props.notice}
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <p class="field-error" role="alert">
          {a.m.sign.errorSummary({ n: Object.keys(errors).length })}
        </p>
      ) : null}
      <form method="post" action={props.id === undefined ? '/admin/news' : `/admin/news/${props.id}`}>
        <Csrf a={a} />
        <NewsFields a={a} texts={props.texts} errors={errors} readOnly={false} />
        <button type="submit">{m.save}</button>
      </form>
    </AdminLayout>
  )
}

export function NewsPage(props: {
  a: AdminPageContext
  item: NewsItem
  /** How many a sending would reach now (before it starts). */
  audience: number
  perMinute: number
  progress?: NewsProgress
  saved?: boolean
  testSentTo?: string
}) {
  const { a, item } = props
  const m = a.m.admin.news
  const row = item.row
  const id = row.id
  const progress = props.progress
  const running = progress !== undefined && !progress.finished
  return (
    <AdminLayout
      a={a}
      title={`${m.editTitle} — ${titleIn(a, item.texts)}`}
      refreshSeconds={running ? PROGRESS_REFRESH_SECONDS : undefined}
    >
      <p>
        <a href="/admin/news">{m.back}</a>
      </p>
      {props.saved ? (
        <p class="notice" role="status">
          {m.saved}
        </p>
      ) : null}
      {props.testSentTo ? (
        <p class="notice" role="status">
          {m.testSent({ email: props.testSentTo })}
        </p>
      ) : null}

      {progress ? (
        <section aria-labelledby="news-sending">
          <h2 id="news-sending">{m.sendTitle}</h2>
          <p role="status">
            {running ? m.progressRunning : m.progressDone({ date: dateTime(row.send_finished_at) })}
          </p>
          <dl class="progress">
            <dt>{m.progressTotal}</dt>
            <dd>{a.m.number(progress.total)}</dd>
            <dt>{m.progressSent}</dt>
            <dd>{a.m.number(progress.sent)}</dd>
            <dt>{m.progressWaiting}</dt>
            <dd>{a.m.number(progress.waiting)}</dd>
            <dt>{m.progressFailed}</dt>
            <dd>{a.m.number(progress.failed)}</dd>
            <dt>{m.progressSkipped}</dt>
            <dd>{a.m.number(progress.skipped)}</dd>
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="news-preview">
        <h2 id="news-preview">{m.preview}</h2>
        <ul>
          {a.locales.map((locale) => {
            const lang = messagesFor(locale).langName
            return (
              <li>
                <a href={`/admin/news/${id}/page/${locale}`}>{m.previewPage({ lang })}</a> ·{' '}
                <a href={`/admin/news/${id}/mail/${locale}`}>{m.previewMail({ lang })}</a> ·{' '}
                <a href={`/admin/news/${id}/mail/${locale}.txt`}>{m.previewText({ lang })}</a>
              </li>
            )
          })}
        </ul>
        <h3>{m.testTitle}</h3>
        <form method="post" action={`/admin/news/${id}/test`}>
          <Csrf a={a} />
          <p class="hint">{m.testHint({ email: a.moderator ?? '' })}</p>
          <button type="submit">{m.testButton}</button>
        </form>
      </section>

      <section aria-labelledby="news-publish">
        <h2 id="news-publish">{m.publishTitle}</h2>
        {row.published_at ? (
          <p>{m.publishedOn({ date: dateTime(row.published_at) })}</p>
        ) : (
          <p>{m.notPublished}</p>
        )}
        <form method="post" action={`/admin/news/${id}/publish`}>
          <Csrf a={a} />
          <input type="hidden" name="publish" value={row.published_at ? '0' : '1'} />
          <button type="submit">{row.published_at ? m.unpublishButton : m.publishButton}</button>
        </form>
      </section>

      {progress ? null : (
        <section aria-labelledby="news-send">
          <h2 id="news-send">{m.sendTitle}</h2>
          <p>{m.sendHint({ n: props.perMinute })}</p>
          {props.audience > 0 ? (
            <form method="post" action={`/admin/news/${id}/send`}>
              <Csrf a={a} />
              <button type="submit" class="danger">
                {m.sendButton({ n: props.audience })}
              </button>
            </form>
          ) : (
            <p>{m.sendNobody}</p>
          )}
        </section>
      )}

      <section aria-labelledby="news-texts">
        <h2 id="news-texts">{m.editTitle}</h2>
        {progress ? (
          <>
            <p>{m.locked}</p>
            <NewsFields a={a} texts={item.texts} errors={{}} readOnly />
          </>
        ) : (
          <form method="post" action={`/admin/news/${id}`}>
            <Csrf a={a} />
            <NewsFields a={a} texts={item.texts} errors={{}} readOnly={false} />
            <button type="submit">{m.save}</button>
          </form>
        )}
      </section>
    </AdminLayout>
  )
}

/** The item as the public page will show it, inside the admin frame. */
export function NewsPagePreview(props: {
  a: AdminPageContext
  id: number
  locale: string
  text: NewsText
  html: string
}) {
  const { a } = props
  const m = a.m.admin.news
  return (
    <AdminLayout a={a} title={m.previewPage({ lang: messagesFor(props.locale).langName })}>
      <p>
        <a href={`/admin/news/${props.id}`}>{m.editTitle}</a>
      </p>
      <article class="prose news-item" lang={props.locale}>
        <h2>{props.text.title}</h2>
        {raw(props.html)}
      </article>
    </AdminLayout>
  )
}
