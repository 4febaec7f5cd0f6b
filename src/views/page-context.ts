import type { SiteConfig } from '../config.js'
import type { Messages } from '../i18n/index.js'

/** What every page view needs to know about the request it answers. */
export interface PageContext {
  locale: string
  m: Messages
  site: SiteConfig
  /** This page's path without the locale prefix ('/signatories'), to mark it in the navigation. */
  path: string
  /** The site path in this locale: href('/signatories') is '/en/signatories' in English. */
  href(path: string): string
  /** The same page in each other locale, for the language switch. */
  twins: { locale: string; href: string; label: string }[]
  /**
   * Absolute addresses of this page in every locale it exists in, itself included, and
   * `x-default` (the default locale's), for the head's `hreflang` links.
   */
  alternates: { hreflang: string; href: string }[]
  /** The description of a page that has none of its own: the manifesto's. */
  description: string
  /** The content pages of this locale (bibliography, legal notice…), for the footer. */
  pages: { href: string; title: string }[]
  stylesheet: string
  icon: string
  /** Absolute address of the social preview image (Open Graph) in this locale. */
  ogImage: string
  signingOpen: boolean
  /** The sign form's signed timestamp (hidden field form_ts), issued when the page is built. */
  formStamp: string
}
