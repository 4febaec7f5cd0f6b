// Sharing without trackers: plain links to each service's own "compose" page. Nothing
// is loaded from those sites until the visitor follows a link.
import type { Config } from '../config.js'
import { absoluteUrl } from '../domain/links.js'
import { messagesFor } from '../i18n/index.js'

export interface ShareLinks {
  url: string
  email: string
  bluesky: string
  linkedin: string
}

export function shareLinks(config: Config, locale: string): ShareLinks {
  const m = messagesFor(locale)
  const title = config.site.title[locale]!
  const url = absoluteUrl(config, locale, '/')
  const text = m.kit.shareText({ title, url })
  return {
    url,
    email: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(text)}`,
    bluesky: `https://bsky.app/intent/compose?text=${encodeURIComponent(text)}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`,
  }
}

/**
 * The host of a Mastodon instance as people type it: "mastodon.social",
 * "https://mastodon.social/", "@me@mastodon.social". Undefined when it is not a host name.
 */
export function mastodonHost(input: string): string | undefined {
  let host = input.trim().toLowerCase()
  host = host.replace(/^https?:\/\//, '').replace(/\/.*$/, '')
  if (host.includes('@')) host = host.slice(host.lastIndexOf('@') + 1)
  if (host.length > 253) return undefined
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : undefined
}

/** The compose page of an instance, with the manifesto's title and link filled in. */
export function mastodonShareUrl(config: Config, locale: string, host: string): string {
  const text = messagesFor(locale).kit.shareText({
    title: config.site.title[locale]!,
    url: absoluteUrl(config, locale, '/'),
  })
  return `https://${host}/share?text=${encodeURIComponent(text)}`
}
