// The frame of every admin page: its own short navigation, the moderator's
// address, log out and the language switch. Works without JavaScript.
import type { Child } from 'hono/jsx'
import { messagesFor, type Messages } from '../../i18n/index.js'

/** What every admin view needs about the request it answers. */
export interface AdminPageContext {
  locale: string
  m: Messages
  locales: readonly string[]
  siteTitle: string
  stylesheet: string
  icon: string
  categoryLabel(key: string): string
  /** Present once logged in. */
  moderator?: string
  csrf?: string
}

/** The hidden CSRF field every admin form carries. */
export function Csrf({ a }: { a: AdminPageContext }) {
  return <input type="hidden" name="csrf" value={a.csrf ?? ''} />
}

export function AdminLayout(props: {
  a: AdminPageContext
  title: string
  /** Seconds after which the page loads itself again (a sending's progress), without JavaScript. */
  refreshSeconds?: number
  children?: Child
}) {
  const { a } = props
  const m = a.m.admin
  const links: [string, string][] = [
    ['/admin', m.nav.dashboard],
    ['/admin/organisations', m.nav.organisations],
    ['/admin/domains', m.nav.domains],
    ['/admin/signing', m.nav.signing],
    ['/admin/export', m.nav.export],
    ['/admin/news', m.nav.news],
    ['/admin/bulk', m.nav.bulk],
    ['/admin/mails', m.nav.mails],
    ['/admin/audit', m.nav.audit],
  ]
  return (
    <html lang={a.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        {props.refreshSeconds ? <meta http-equiv="refresh" content={String(props.refreshSeconds)} /> : null}
        <title>{`${props.title} — ${m.title} — ${a.siteTitle}`}</title>
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href={a.stylesheet} />
        <link rel="icon" href={a.icon} type="image/svg+xml" />
      </head>
      <body class="admin">
        <a class="skip" href="#main">
          {a.m.skipToContent}
        </a>
        <header class="site-header">
          <span class="brand">
            {m.title} · {a.siteTitle}
          </span>
          {a.moderator ? (
            <nav aria-label={m.nav.label}>
              <ul>
                {links.map(([href, label]) => (
                  <li>
                    <a href={href}>{label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {a.moderator ? (
            <div class="admin-session">
              <span>{m.loggedInAs({ email: a.moderator })}</span>
              {a.locales
                .filter((l) => l !== a.locale)
                .map((l) => (
                  <form method="post" action="/admin/language" class="inline">
                    <Csrf a={a} />
                    <input type="hidden" name="locale" value={l} />
                    <button type="submit" class="link" lang={l}>
                      {messagesFor(l).langName}
                    </button>
                  </form>
                ))}
              <form method="post" action="/admin/logout" class="inline">
                <Csrf a={a} />
                <button type="submit" class="link">
                  {m.logout}
                </button>
              </form>
            </div>
          ) : null}
        </header>
        <main id="main" tabindex={-1}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  )
}
