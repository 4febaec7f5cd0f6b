// Every setting, parsed and validated in one place: the environment (deployment)
// and content/site.toml (what is specific to one collective and its text).
// Nothing else in the code reads process.env.
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve, join } from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { z } from 'zod'

/** A setting that stops start-up: the message names the setting and what is wrong. */
export class ConfigError extends Error {
  constructor(setting: string, problem: string) {
    super(`${setting}: ${problem}`)
    this.name = 'ConfigError'
  }
}

// Generous by default: a whole university may sign from one network within minutes.
const LIMIT_DEFAULTS = {
  sign_per_minute: 60,
  sign_per_hour: 600,
  manage_per_minute: 20,
  login_per_minute: 10,
  unstamped_weight: 2,
  min_fill_seconds: 3,
  report_network_per_hour: 200,
  report_domain_per_hour: 300,
}
const CIDR = /^[0-9a-fA-F:.]+\/\d{1,3}$/

const localeCode = z.string().regex(/^[a-z]{2}$/, 'a two-letter language code')

const siteSchema = z.object({
  title: z.string().min(1),
  titles: z.record(localeCode, z.string().min(1)).default({}),
  organisation: z.string().min(1),
  contact_email: z.string().email(),
  default_locale: localeCode,
  locales: z.array(localeCode).min(1),
  signing_open: z.boolean().default(true),
  closes_at: z.union([z.string(), z.date()]).optional(),
  consent_version: z.string().min(1),
  form: z
    .object({
      required: z.array(z.enum(['institution', 'discipline'])).default([]),
      comment_max_length: z.number().int().min(0).max(2000).default(280),
    })
    .default({ required: [], comment_max_length: 280 }),
  retention: z
    .object({
      unconfirmed_days: z.number().int().min(1).default(7),
      manage_link_hours: z.number().int().min(1).default(48),
      max_mails_per_address: z.number().int().min(1).default(5),
    })
    .default({ unconfirmed_days: 7, manage_link_hours: 48, max_mails_per_address: 5 }),
  categories: z
    .array(z.object({ key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes') }).catchall(z.string()))
    .min(1),
  institutions: z.object({ domain_patterns: z.array(z.string().min(1)).default([]) }).default({ domain_patterns: [] }),
  limits: z
    .object({
      sign_per_minute: z.number().int().min(1).default(LIMIT_DEFAULTS.sign_per_minute),
      sign_per_hour: z.number().int().min(1).default(LIMIT_DEFAULTS.sign_per_hour),
      manage_per_minute: z.number().int().min(1).default(LIMIT_DEFAULTS.manage_per_minute),
      login_per_minute: z.number().int().min(1).default(LIMIT_DEFAULTS.login_per_minute),
      unstamped_weight: z.number().int().min(1).max(10).default(LIMIT_DEFAULTS.unstamped_weight),
      min_fill_seconds: z.number().min(0).max(600).default(LIMIT_DEFAULTS.min_fill_seconds),
      allow_networks: z.array(z.string().regex(CIDR, 'a network such as "192.0.2.0/24" or "2001:db8::/32"')).default([]),
      allow_domains: z.array(z.string().min(1)).default([]),
      report_network_per_hour: z.number().int().min(1).default(LIMIT_DEFAULTS.report_network_per_hour),
      report_domain_per_hour: z.number().int().min(1).default(LIMIT_DEFAULTS.report_domain_per_hour),
      known_domains: z.array(z.string().min(1)).default([]),
    })
    .default({ ...LIMIT_DEFAULTS, allow_networks: [], allow_domains: [], known_domains: [] }),
})

export type Locale = string

export interface Category {
  key: string
  labels: Record<Locale, string>
}

export interface SiteConfig {
  title: Record<Locale, string>
  organisation: string
  contactEmail: string
  defaultLocale: Locale
  locales: readonly Locale[]
  signingOpen: boolean
  closesAt?: Date
  consentVersion: string
  requiredFields: ReadonlySet<'institution' | 'discipline'>
  commentMaxLength: number
  unconfirmedDays: number
  manageLinkHours: number
  maxMailsPerAddress: number
  categories: readonly Category[]
  institutionDomainPatterns: readonly string[]
  limits: LimitsConfig
}

/** Rate limits per client network, the form's minimum fill time, and what is exempt. */
export interface LimitsConfig {
  signPerMinute: number
  signPerHour: number
  managePerMinute: number
  loginPerMinute: number
  /** How many hits a submission without a valid form timestamp (an embedded or scripted form) counts for. */
  unstampedWeight: number
  minFillSeconds: number
  /** CIDR networks never limited (a university's proxy, a partner site). */
  allowNetworks: readonly string[]
  /** E-mail domains whose signatures do not count against their network's budget. */
  allowDomains: readonly string[]
  /** The hourly report names networks and domains above these rates. */
  reportNetworkPerHour: number
  reportDomainPerHour: number
  /** Domains that "did you mean" compares typed domains with, besides the built-in common ones. */
  knownDomains: readonly string[]
}

export interface Config {
  port: number
  host: string
  baseUrl: string
  dataDir: string
  contentDir: string
  /** A postgres:// URL, or undefined for the embedded SQLite file in dataDir. */
  databaseUrl?: string
  sqliteFile: string
  /** undefined: mails are written as .eml files to dataDir/mail. */
  smtpUrl?: string
  mailFrom: string
  secret: string
  /**
   * Reverse proxies in front of the server whose X-Forwarded-For can be trusted.
   * 0: the client address is the socket's, and X-Forwarded-For is ignored.
   */
  trustedProxyHops: number
  site: SiteConfig
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  CONTENT_DIR: z.string().min(1).default('./content'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for SQLite)')
    .optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).optional(),
  SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
})

type Env = Record<string, string | undefined>

/** Reads and validates every setting; throws ConfigError naming the first wrong one. */
export function loadConfig(env: Env = process.env): Config {
  // Empty variables are treated as unset, as shells and .env files often produce them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = envSchema.safeParse(cleaned)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ConfigError(String(issue.path[0]), issue.message)
  }
  const e = parsed.data
  const dataDir = resolve(e.DATA_DIR)
  const contentDir = resolve(e.CONTENT_DIR)
  const site = loadSiteConfig(contentDir)
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '')
  mkdirSync(dataDir, { recursive: true })
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    dataDir,
    contentDir,
    databaseUrl: e.DATABASE_URL,
    sqliteFile: join(dataDir, 'paraphe.sqlite'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `${site.organisation.replace(/["<>]/g, '')} <no-reply@${new URL(baseUrl).hostname}>`,
    secret: e.SECRET ?? readOrCreateSecret(dataDir),
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    site,
  })
}

/** The HMAC key for e-mail hashes and form signatures: generated once, readable by the owner only. */
function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret')
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim()
    if (secret.length < 32) throw new ConfigError('SECRET', `${file} holds fewer than 32 characters`)
    return secret
  }
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
  chmodSync(file, 0o600)
  return secret
}

export function loadSiteConfig(contentDir: string): SiteConfig {
  const file = join(contentDir, 'site.toml')
  let raw: unknown
  try {
    raw = parseToml(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new ConfigError(file, (err as Error).message.split('\n')[0]!)
  }
  const parsed = siteSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ConfigError(`${file} ${issue.path.join('.')}`, issue.message)
  }
  const s = parsed.data
  if (!s.locales.includes(s.default_locale)) {
    throw new ConfigError(`${file} default_locale`, `"${s.default_locale}" is not among locales`)
  }
  const categories = s.categories.map((c) => {
    const labels: Record<string, string> = {}
    for (const locale of s.locales) {
      const label = c[locale]
      if (typeof label !== 'string' || label === '') {
        throw new ConfigError(`${file} categories`, `"${c.key}" has no label for "${locale}"`)
      }
      labels[locale] = label
    }
    return { key: c.key, labels }
  })
  let closesAt: Date | undefined
  if (s.closes_at !== undefined) {
    closesAt = new Date(String(s.closes_at instanceof Date ? s.closes_at.toISOString() : s.closes_at))
    if (Number.isNaN(closesAt.getTime())) throw new ConfigError(`${file} closes_at`, 'is not a date')
  }
  const title: Record<string, string> = {}
  for (const locale of s.locales) title[locale] = s.titles[locale] ?? s.title
  return Object.freeze({
    title,
    organisation: s.organisation,
    contactEmail: s.contact_email,
    defaultLocale: s.default_locale,
    locales: Object.freeze([...s.locales]),
    signingOpen: s.signing_open,
    closesAt,
    consentVersion: s.consent_version,
    requiredFields: new Set(s.form.required),
    commentMaxLength: s.form.comment_max_length,
    unconfirmedDays: s.retention.unconfirmed_days,
    manageLinkHours: s.retention.manage_link_hours,
    maxMailsPerAddress: s.retention.max_mails_per_address,
    categories: Object.freeze(categories),
    institutionDomainPatterns: Object.freeze([...s.institutions.domain_patterns]),
    limits: Object.freeze({
      signPerMinute: s.limits.sign_per_minute,
      signPerHour: s.limits.sign_per_hour,
      managePerMinute: s.limits.manage_per_minute,
      loginPerMinute: s.limits.login_per_minute,
      unstampedWeight: s.limits.unstamped_weight,
      minFillSeconds: s.limits.min_fill_seconds,
      allowNetworks: Object.freeze([...s.limits.allow_networks]),
      allowDomains: Object.freeze(s.limits.allow_domains.map((d) => d.toLowerCase())),
      reportNetworkPerHour: s.limits.report_network_per_hour,
      reportDomainPerHour: s.limits.report_domain_per_hour,
      knownDomains: Object.freeze(s.limits.known_domains.map((d) => d.toLowerCase())),
    }),
  })
}

/** Whether the form accepts signatures at this instant. */
export function isSigningOpen(site: SiteConfig, now: Date): boolean {
  return site.signingOpen && (site.closesAt === undefined || now < site.closesAt)
}
