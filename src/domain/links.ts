// Every locale but the default one lives under its own prefix: /en/…
import type { Config, SiteConfig } from '../config.js'

/** The site path of `path` ("/signatories") in `locale` ("/en/signatories"). */
export function localePath(site: SiteConfig, locale: string, path: string): string {
  if (locale === site.defaultLocale) return path
  return path === '/' ? `/${locale}/` : `/${locale}${path}`
}

export function absoluteUrl(config: Config, locale: string, path: string): string {
  return config.baseUrl + localePath(config.site, locale, path)
}
