// Message catalogues and locale negotiation.
import en from './en.js'
import fr, { type Messages } from './fr.js'

export type { Messages }

const catalogues: Record<string, Messages> = { fr, en }

/** Locales that have a catalogue; the site config may enable any of them. */
export const SUPPORTED_LOCALES = Object.keys(catalogues)

export function messagesFor(locale: string): Messages {
  const m = catalogues[locale]
  if (!m) throw new Error(`no message catalogue for locale "${locale}"`)
  return m
}

/**
 * Picks the best of `locales` for an Accept-Language header (RFC 9110 quality
 * values, primary subtags only), or `fallback` when nothing matches.
 */
/** Whether an Accept-Language header accepts a locale at any weight (`*` accepts every one). */
export function acceptsLocale(header: string | undefined, locale: string): boolean {
  if (!header) return false
  return header.split(',').some((part) => {
    const [range = '', ...params] = part.trim().split(';')
    const tag = range.trim().toLowerCase().split('-')[0]!
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam ? Number.parseFloat(qParam.slice(2)) : 1
    return Number.isFinite(q) && q > 0 && (tag === locale || tag === '*')
  })
}

export function negotiateLocale(
  header: string | undefined,
  locales: readonly string[],
  fallback: string,
): string {
  if (!header) return fallback
  let best = fallback
  let bestQ = 0
  for (const part of header.split(',')) {
    const [range = '', ...params] = part.trim().split(';')
    const tag = range.trim().toLowerCase().split('-')[0]!
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const q = qParam ? Number.parseFloat(qParam.slice(2)) : 1
    if (!Number.isFinite(q) || q <= 0) continue
    const candidate = tag === '*' ? fallback : tag
    if (locales.includes(candidate) && q > bestQ) {
      best = candidate
      bestQ = q
    }
  }
  return best
}
