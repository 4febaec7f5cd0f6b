// Message catalogues. Which locale a request gets is negotiated in src/http/accept.ts.
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
