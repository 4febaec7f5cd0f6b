import type { Child } from 'hono/jsx'
import type { PageContext } from './page-context.js'

export function Layout(props: {
  p: PageContext
  title?: string
  description?: string
  /** Asks search engines not to index the page (the lists that name signatories, see crawlers.ts). */
  noindex?: boolean
  /** A wider page: the home page, where the sign form stands beside the text on large screens. */
  wide?: boolean
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
      <body class={props.wide ? 'wide' : undefined}>
        <a class="skip" href="#main">
          {p.m.skipToContent}
        </a>
        <header class="site-header">
          {/* On the home page the manifesto's own heading follows at once: the site's title is not said twice. */}
          {p.path === '/' ? null : (
            <a class="brand" href={p.href('/')}>
              {siteTitle}
            </a>
          )}
          {/* Few entries, so that the bar stays on one or two lines on a phone; the rest is in the footer. */}
          <nav aria-label={p.m.nav.label}>
            <ul>
              <NavItem p={p} path="/" label={p.m.nav.manifesto} />
              {p.signingOpen ? <NavItem p={p} path="/sign" label={p.m.nav.sign} /> : null}
              <NavItem p={p} path="/signatories" label={p.m.nav.signatories} />
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

/** A link of a navigation, marked as the current page when it is the one shown. */
function NavItem({ p, path, label }: { p: PageContext; path: string; label: string }) {
  return (
    <li>
      <a href={p.href(path)} aria-current={p.path === path ? 'page' : undefined}>
        {label}
      </a>
    </li>
  )
}

function Footer({ p }: { p: PageContext }) {
  return (
    <footer class="site-footer">
      <ul class="footer-links">
        <NavItem p={p} path={`/${p.m.news.slug}`} label={p.m.news.title} />
        <NavItem p={p} path="/testimonies" label={p.m.testimonies.title} />
        {p.site.organisationKinds.length > 0 ? (
          <NavItem p={p} path="/organisations" label={p.m.organisations.title} />
        ) : null}
        <NavItem p={p} path="/institutions" label={p.m.institutions.title} />
        <NavItem p={p} path="/stats" label={p.m.stats.title} />
        <NavItem p={p} path="/manage" label={p.m.nav.manage} />
        {p.pages.map((page) => (
          <li>
            <a href={page.href}>{page.title}</a>
          </li>
        ))}
        <NavItem p={p} path="/kit" label={p.m.kit.navLabel} />
        <NavItem p={p} path="/transparency" label={p.m.transparency.navLabel} />
        <NavItem p={p} path={`/${p.m.privacy.slug}`} label={p.m.footer.privacy} />
        <li>
          <a href={`mailto:${p.site.contactEmail}`}>{p.m.footer.contact}</a>
        </li>
      </ul>
      <p>{p.m.footer.poweredBy}</p>
    </footer>
  )
}
