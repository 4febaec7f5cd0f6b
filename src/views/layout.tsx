import type { Child } from 'hono/jsx'
import type { PageContext } from './page-context.js'

export function Layout(props: {
  p: PageContext
  title?: string
  description?: string
  /** Asks search engines not to index the page (the lists that name signatories, see crawlers.ts). */
  noindex?: boolean
  children?: Child
}) {
  const { p } = props
  const siteTitle = p.site.title[p.locale]!
  const title = props.title ? `${props.title} — ${siteTitle}` : siteTitle
  return (
    <html lang={p.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={props.description ?? p.description} />
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta name="color-scheme" content="light dark" />
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content={siteTitle} />
        <meta property="og:title" content={props.title ?? siteTitle} />
        <meta property="og:description" content={props.description ?? p.description} />
        <meta property="og:image" content={p.ogImage} />
        <meta property="og:image:width" content="1200" />
        <meta property="og:image:height" content="630" />
        <meta property="og:image:alt" content={siteTitle} />
        <meta name="twitter:card" content="summary_large_image" />
        <link rel="stylesheet" href={p.stylesheet} />
        <link rel="icon" href={p.icon} type="image/svg+xml" />
        <link
          rel="alternate"
          type="application/atom+xml"
          href={p.href('/feed.atom')}
          title={p.m.stats.feed}
        />
        {p.alternates.map((a) => (
          <link rel="alternate" hreflang={a.hreflang} href={a.href} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {p.m.skipToContent}
        </a>
        <header class="site-header">
          <a class="brand" href={p.href('/')}>
            {siteTitle}
          </a>
          <nav aria-label={p.m.nav.label}>
            <ul>
              <li>
                <a href={p.href('/')}>{p.m.nav.manifesto}</a>
              </li>
              {p.signingOpen ? (
                <li>
                  <a href={p.href('/sign')}>{p.m.nav.sign}</a>
                </li>
              ) : null}
              <li>
                <a href={p.href('/signatories')}>{p.m.nav.signatories}</a>
              </li>
              <li>
                <a href={p.href('/institutions')}>{p.m.institutions.title}</a>
              </li>
              <li>
                <a href={p.href('/stats')}>{p.m.stats.title}</a>
              </li>
              <li>
                <a href={p.href('/manage')}>{p.m.nav.manage}</a>
              </li>
              {p.twins.map((t) => (
                <li>
                  <a href={t.href} hreflang={t.locale} lang={t.locale}>
                    {t.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <Footer p={p} />
      </body>
    </html>
  )
}

function Footer({ p }: { p: PageContext }) {
  return (
    <footer class="site-footer">
      <ul class="footer-links">
        {p.pages.map((page) => (
          <li>
            <a href={page.href}>{page.title}</a>
          </li>
        ))}
        <li>
          <a href={p.href('/kit')}>{p.m.kit.navLabel}</a>
        </li>
        <li>
          <a href={p.href('/transparency')}>{p.m.transparency.navLabel}</a>
        </li>
        <li>
          <a href={p.href(`/${p.m.privacy.slug}`)}>{p.m.footer.privacy}</a>
        </li>
        <li>
          <a href={`mailto:${p.site.contactEmail}`}>{p.m.footer.contact}</a>
        </li>
      </ul>
      <p>{p.m.footer.poweredBy}</p>
    </footer>
  )
}
