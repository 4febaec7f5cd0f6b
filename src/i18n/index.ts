// Message catalogues: fr.toml (the reference), en.toml and any other <lang>.toml of this
// folder ship with Paraphe; a content folder adds a language, or rewords one, with
// <lang>/messages.toml. Which locale a request gets is negotiated in src/http/accept.ts.
//
// The catalogues are kept here, by locale, rather than passed along with the config:
// mail templates, the kit's images and the views ask for them by locale alone. They are
// set once at start-up, when the site's config is read (loadSiteConfig).
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError } from '../config/error.js'
import { type Catalogue, loadCatalogue, type Messages } from './catalogue.js'

export type { Messages }

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

/** French, the reference every other catalogue is checked against. */
export const reference = loadCatalogue(here('./fr.toml'), 'fr')
const shipped = new Map<string, Catalogue>([['fr', reference]])
for (const file of readdirSync(here('.')).sort()) {
  const locale = /^([a-z]{2})\.toml$/.exec(file)?.[1]
  if (locale && locale !== 'fr') shipped.set(locale, loadCatalogue(here(`./${file}`), locale, reference))
}
const catalogues = new Map(shipped)

/** Locales Paraphe has a catalogue for without any in the content folder. */
export const SHIPPED_LOCALES = [...shipped.keys()]

/** The file a content folder gives a locale's messages in. */
export const contentCatalogueFile = (contentDir: string, locale: string) =>
  join(contentDir, locale, 'messages.toml')

/**
 * Reads the catalogues of a content folder for the site's locales: <lang>/messages.toml
 * when the folder has one, else the one Paraphe ships. Throws a ConfigError naming the
 * file and every missing key when a catalogue lacks any.
 */
export function useCatalogues(contentDir: string, locales: readonly string[]): void {
  for (const locale of locales) {
    const file = contentCatalogueFile(contentDir, locale)
    if (existsSync(file)) catalogues.set(locale, loadCatalogue(file, locale, reference))
    else if (shipped.has(locale)) catalogues.set(locale, shipped.get(locale)!)
    else
      throw new ConfigError(
        file,
        `is missing: "${locale}" is among the locales of site.toml and Paraphe ships messages for ${SHIPPED_LOCALES.join(' and ')} only (copy src/i18n/fr.toml there and translate it)`,
      )
  }
}

export function messagesFor(locale: string): Messages {
  return catalogueOf(locale).messages
}

/** The catalogue of a locale, with its file and the parameters of each message. */
export function catalogueOf(locale: string): Catalogue {
  const c = catalogues.get(locale)
  if (!c) throw new Error(`no message catalogue for locale "${locale}"`)
  return c
}
