// Every setting, parsed and validated in one place: the environment (config/env.ts,
// what differs between deployments) and content/site.toml (config/site.ts, what is
// specific to one collective and its text). Reading them changes nothing on disk:
// the data folder and its secret are made at start-up (data-dir.ts).
import { formatSender } from './mail/sender.js'
import { typeset } from './i18n/typeset.js'
import { readEnv, type EnvConfig } from './config/env.js'
import { loadSiteConfig, type SiteConfig } from './config/site.js'

export { ConfigError } from './config/error.js'
export {
  categoryLabel,
  categoryPlural,
  loadSiteConfig,
  type Category,
  type KitConfig,
  type KitMark,
  type KitPalette,
  type KitVariant,
  type LimitsConfig,
  type Locale,
  type ModerationConfig,
  OPTIONAL_FIELDS,
  type OptionalField,
  type RequirableField,
  type SiteConfig,
} from './config/site.js'

/** The settings as read, before start-up: SECRET may be unset, to be generated into DATA_DIR. */
export type LoadedConfig = Readonly<EnvConfig & { mailFrom: string; site: SiteConfig }>

/** The settings of a running server or command: the secret is known. */
export type Config = Readonly<Omit<LoadedConfig, 'secret'> & { secret: string }>

/** Reads and validates every setting; throws ConfigError naming the first wrong one. */
export function loadConfig(env: Record<string, string | undefined> = process.env): LoadedConfig {
  const e = readEnv(env)
  const site = loadSiteConfig(e.contentDir)
  return Object.freeze({
    ...e,
    mailFrom:
      e.mailFrom ??
      formatSender(typeset(site.organisation, site.defaultLocale), `no-reply@${new URL(e.baseUrl).hostname}`),
    site,
  })
}
