// Every setting, parsed and validated in one place: the environment (deployment)
// and content/site.toml (what is specific to one collective and its text).
// Nothing else in the code reads process.env.
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseToml } from 'smol-toml'
import { z } from 'zod'
import { PRIVATE_DIR, PRIVATE_FILE } from './data-dir.js'

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
  login_per_address_per_hour: 5,
  login_mails_per_hour: 10,
  relay_per_minute: 5,
  form_stamp_uses: 20,
  unstamped_weight: 2,
  min_fill_seconds: 3,
  report_network_per_hour: 200,
  report_domain_per_hour: 300,
}
const CIDR = /^[0-9a-fA-F:.]+\/\d{1,3}$/

const localeCode = z.string().regex(/^[a-z]{2}$/, 'a two-letter language code')

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #rrggbb')
const palette = z.object({ accent: colour, ink: colour, paper: colour })

// The signatory kit: the mark (an SVG file of the content folder whose colours are
// the placeholders {{accent}}, {{ink}} and {{paper}}), its three palettes, and the
// words of the badge in each language (" · " splits them over two lines).
const kitSchema = z.object({
  mark: z.string().min(1).optional(),
  badge: z.record(localeCode, z.string().min(1).max(80)).default({}),
  colour: palette.default({ accent: '#a4161a', ink: '#1b1b1b', paper: '#ffffff' }),
  dark: palette.default({ accent: '#ff6b61', ink: '#f5f3ee', paper: '#1b1b1b' }),
  mono: palette.default({ accent: '#000000', ink: '#000000', paper: '#ffffff' }),
})

// An address a collective may not have yet: empty means «none», and the words that
// would link to it stay plain text.
const optionalUrl = z.union([
  z.literal(''),
  z.string().regex(/^https?:\/\/[^\s]+$/, 'an http(s) address or ""'),
])

const siteSchema = z.object({
  title: z.string().min(1),
  titles: z.record(localeCode, z.string().min(1)).default({}),
  organisation: z.string().min(1),
  organisation_url: optionalUrl.default(''),
  companion_url: optionalUrl.default(''),
  publication: z
    .object({
      date: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as 2025-12-09'), z.date()]).optional(),
      venue: z.string().default(''),
      title: z.string().default(''),
      url: optionalUrl.default(''),
    })
    .default({ venue: '', title: '', url: '' }),
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
    .array(
      z
        .object({ key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes') })
        .catchall(z.string()),
    )
    .min(1),
  kit: kitSchema.default(kitSchema.parse({})),
  institutions: z
    .object({
      domain_patterns: z.array(z.string().min(1)).default([]),
      // Canonical names of institutions by e-mail domain; they win over content/institutions.toml.
      names: z
        .record(z.string().regex(/^[a-z0-9.-]+$/, 'a lower-case domain'), z.string().min(1))
        .default({}),
    })
    .default({ domain_patterns: [], names: {} }),
  privacy: z
    .object({
      // A public breakdown shows a group (an institution, a category, a discipline) only
      // from this many signatures; 1 shows every group, which only a test should want.
      min_group_size: z.number().int().min(1).max(1000).default(5),
      // Signatories consented to be listed on the site, not to have their name tied to
      // the text by search engines: the lists, institution pages and exports ask them not
      // to index, unless the collective decides otherwise here.
      index_signatories: z.boolean().default(false),
    })
    .default({ min_group_size: 5, index_signatories: false }),
  reliability: z
    .object({
      // A write that fails because the database is away for a moment (restart, failover,
      // a dropped connection) is tried again for this long while the visitor waits.
      write_retry_seconds: z.number().min(0).max(60).default(10),
      // Writes are refused (503, the form kept) while the disk holding DATA_DIR has less
      // free space than this, so that a full disk never reaches the database (SQLite).
      disk_headroom_mb: z.number().min(0).max(100_000).default(64),
    })
    .default({ write_retry_seconds: 10, disk_headroom_mb: 64 }),
  open_data: z
    .object({
      licence: z.string().min(1).default('ODbL-1.0'),
      licence_url: z.url().default('https://opendatacommons.org/licenses/odbl/1-0/'),
    })
    .default({ licence: 'ODbL-1.0', licence_url: 'https://opendatacommons.org/licenses/odbl/1-0/' }),
  milestones: z
    .object({
      thresholds: z.array(z.number().int().min(1)).default([100, 500, 1000, 5000, 10000, 50000, 100000]),
    })
    .default({ thresholds: [100, 500, 1000, 5000, 10000, 50000, 100000] }),
  debate: z
    .object({
      max_per_sender_per_day: z.number().int().min(1).default(2),
      max_per_institution_per_day: z.number().int().min(1).default(5),
      message_max_length: z.number().int().min(100).max(5000).default(2000),
    })
    .default({ max_per_sender_per_day: 2, max_per_institution_per_day: 5, message_max_length: 2000 }),
  moderation: z
    .object({
      pre_moderation: z.boolean().default(false),
      count_before_approval: z.boolean().default(true),
      watch_list: z.array(z.string().min(1)).default([]),
      burst_signatures: z.number().int().min(2).default(10),
      burst_minutes: z.number().int().min(1).default(10),
      same_name_signatures: z.number().int().min(2).default(3),
      network_trace_days: z.number().int().min(1).max(30).default(3),
      invalidated_days: z.number().int().min(1).default(30),
      audit_days: z.number().int().min(30).default(365),
      session_hours: z.number().int().min(1).max(72).default(12),
      login_link_minutes: z.number().int().min(5).max(1440).default(20),
    })
    .default({
      pre_moderation: false,
      count_before_approval: true,
      watch_list: [],
      burst_signatures: 10,
      burst_minutes: 10,
      same_name_signatures: 3,
      network_trace_days: 3,
      invalidated_days: 30,
      audit_days: 365,
      session_hours: 12,
      login_link_minutes: 20,
    }),
  limits: z
    .object({
      sign_per_minute: z.number().int().min(1).default(LIMIT_DEFAULTS.sign_per_minute),
      sign_per_hour: z.number().int().min(1).default(LIMIT_DEFAULTS.sign_per_hour),
      manage_per_minute: z.number().int().min(1).default(LIMIT_DEFAULTS.manage_per_minute),
      login_per_minute: z.number().int().min(1).default(LIMIT_DEFAULTS.login_per_minute),
      login_per_address_per_hour: z.number().int().min(1).default(LIMIT_DEFAULTS.login_per_address_per_hour),
      login_mails_per_hour: z.number().int().min(1).default(LIMIT_DEFAULTS.login_mails_per_hour),
      relay_per_minute: z.number().int().min(1).default(LIMIT_DEFAULTS.relay_per_minute),
      form_stamp_uses: z.number().int().min(1).default(LIMIT_DEFAULTS.form_stamp_uses),
      unstamped_weight: z.number().int().min(1).max(10).default(LIMIT_DEFAULTS.unstamped_weight),
      min_fill_seconds: z.number().min(0).max(600).default(LIMIT_DEFAULTS.min_fill_seconds),
      allow_networks: z
        .array(z.string().regex(CIDR, 'a network such as "192.0.2.0/24" or "2001:db8::/32"'))
        .default([]),
      allow_domains: z.array(z.string().min(1)).default([]),
      report_network_per_hour: z.number().int().min(1).default(LIMIT_DEFAULTS.report_network_per_hour),
      report_domain_per_hour: z.number().int().min(1).default(LIMIT_DEFAULTS.report_domain_per_hour),
      known_domains: z.array(z.string().min(1)).default([]),
      refuse_disposable: z.boolean().default(true),
    })
    .default({
      ...LIMIT_DEFAULTS,
      allow_networks: [],
      allow_domains: [],
      known_domains: [],
      refuse_disposable: true,
    }),
})

export type Locale = string

export interface Category {
  key: string
  labels: Record<Locale, string>
}

export type KitVariant = 'colour' | 'dark' | 'mono'
export interface KitPalette {
  accent: string
  ink: string
  paper: string
}
export interface KitConfig {
  /** The mark's SVG source, with {{accent}}, {{ink}} and {{paper}} for its colours. */
  markSvg: string
  /** The badge's words per locale, e.g. «Objection de conscience · IA générative». */
  badge: Record<Locale, string>
  palettes: Record<KitVariant, KitPalette>
}

/** What moderators decide and how suspicious signatures are spotted ([moderation] in site.toml). */
export interface ModerationConfig {
  /** A signature appears publicly only once a moderator approved it. */
  preModeration: boolean
  /** Under pre-moderation: whether a confirmed signature is counted before approval. */
  countBeforeApproval: boolean
  /** Names that raise a flag when signed (compared without case or accents). */
  watchList: readonly string[]
  /** A burst: this many signatures from one network within burstMinutes. */
  burstSignatures: number
  burstMinutes: number
  /** The same first and last name signed this many times raises a flag. */
  sameNameSignatures: number
  /** Days the keyed network hash of a signature is kept. */
  networkTraceDays: number
  /** Days an invalidated signature is kept (as evidence of an attack) before it is deleted. */
  invalidatedDays: number
  /** Days an entry of the moderators' audit log is kept. */
  auditDays: number
  sessionHours: number
  loginLinkMinutes: number
}

export interface SiteConfig {
  title: Record<Locale, string>
  organisation: string
  /** The collective's own site, '' when it has none to give. */
  organisationUrl: string
  /** Where the collective publishes its answers to common objections, '' if nowhere yet. */
  companionUrl: string
  /** Where and when the text first appeared: shown on the manifesto page. */
  publication: { date?: string; venue: string; title: string; url: string }
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
  kit: KitConfig
  /**
   * Canonical name of an institution by e-mail domain: content/institutions.toml, then
   * [institutions.names] of site.toml over it. A domain named here is institutional.
   */
  institutionNames: Readonly<Record<string, string>>
  /** Public breakdowns show a group only from this many signatures ([privacy] min_group_size). */
  minGroupSize: number
  reliability: { writeRetrySeconds: number; diskHeadroomMb: number }
  /** Search engines may index the signatory lists, institution pages and exports ([privacy] index_signatories). */
  indexSignatories: boolean
  openDataLicence: string
  openDataLicenceUrl: string
  /** Counts of confirmed signatures announced in the Atom feed, ascending. */
  milestones: readonly number[]
  debateMaxPerSender: number
  debateMaxPerInstitution: number
  debateMessageMax: number
  moderation: ModerationConfig
  limits: LimitsConfig
}

/** Rate limits per client network, the form's minimum fill time, and what is exempt. */
export interface LimitsConfig {
  signPerMinute: number
  signPerHour: number
  managePerMinute: number
  /** Login requests per client network and minute. */
  loginPerMinute: number
  /** Login requests for one address from one network, per hour. */
  loginPerAddressPerHour: number
  /**
   * Login mails to one mailbox per hour from every network together; the first request
   * from a network that has not asked for it this hour is mailed all the same.
   */
  loginMailsPerHour: number
  /** Posts of the debate relay's contact form per client network and minute. */
  relayPerMinute: number
  /** Submissions one signed form timestamp counts for once; beyond, it counts as none. */
  formStampUses: number
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
  /** true: throwaway addresses are refused at signing; false: accepted and flagged for the moderators. */
  refuseDisposable: boolean
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
  /** Moderators named by the deployment (ADMIN_EMAILS), lower-case; more can be added with npm run admin. */
  adminEmails: readonly string[]
  /** NODE_ENV=production: nothing meant for a developer at work (such as live links in the log) is shown. */
  production: boolean
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
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  NODE_ENV: z.string().optional(),
  ADMIN_EMAILS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.email({ error: 'must be a comma-separated list of e-mail addresses' })))
    .default([]),
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
  // Readable by the server's user only: see data-dir.ts for what it holds.
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR })
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    dataDir,
    contentDir,
    databaseUrl: e.DATABASE_URL,
    sqliteFile: join(dataDir, 'paraphe.sqlite'),
    smtpUrl: e.SMTP_URL,
    mailFrom:
      e.MAIL_FROM ?? `${site.organisation.replace(/["<>]/g, '')} <no-reply@${new URL(baseUrl).hostname}>`,
    secret: e.SECRET ?? readOrCreateSecret(dataDir),
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    adminEmails: Object.freeze([...e.ADMIN_EMAILS]),
    production: e.NODE_ENV === 'production',
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
  writeFileSync(file, `${secret}\n`, { mode: PRIVATE_FILE, flag: 'wx' })
  chmodSync(file, PRIVATE_FILE)
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
    organisationUrl: s.organisation_url,
    companionUrl: s.companion_url,
    publication: Object.freeze({
      ...s.publication,
      date:
        s.publication.date instanceof Date
          ? s.publication.date.toISOString().slice(0, 10)
          : s.publication.date,
    }),
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
    kit: loadKitConfig(contentDir, file, s.kit, s.locales, title),
    institutionNames: Object.freeze({ ...loadInstitutionList(contentDir), ...s.institutions.names }),
    minGroupSize: s.privacy.min_group_size,
    reliability: Object.freeze({
      writeRetrySeconds: s.reliability.write_retry_seconds,
      diskHeadroomMb: s.reliability.disk_headroom_mb,
    }),
    indexSignatories: s.privacy.index_signatories,
    openDataLicence: s.open_data.licence,
    openDataLicenceUrl: s.open_data.licence_url,
    milestones: Object.freeze([...new Set(s.milestones.thresholds)].sort((a, b) => a - b)),
    debateMaxPerSender: s.debate.max_per_sender_per_day,
    debateMaxPerInstitution: s.debate.max_per_institution_per_day,
    debateMessageMax: s.debate.message_max_length,
    moderation: Object.freeze({
      preModeration: s.moderation.pre_moderation,
      countBeforeApproval: s.moderation.count_before_approval,
      watchList: Object.freeze([...s.moderation.watch_list]),
      burstSignatures: s.moderation.burst_signatures,
      burstMinutes: s.moderation.burst_minutes,
      sameNameSignatures: s.moderation.same_name_signatures,
      networkTraceDays: s.moderation.network_trace_days,
      invalidatedDays: s.moderation.invalidated_days,
      auditDays: s.moderation.audit_days,
      sessionHours: s.moderation.session_hours,
      loginLinkMinutes: s.moderation.login_link_minutes,
    }),
    limits: Object.freeze({
      signPerMinute: s.limits.sign_per_minute,
      signPerHour: s.limits.sign_per_hour,
      managePerMinute: s.limits.manage_per_minute,
      loginPerMinute: s.limits.login_per_minute,
      loginPerAddressPerHour: s.limits.login_per_address_per_hour,
      loginMailsPerHour: s.limits.login_mails_per_hour,
      relayPerMinute: s.limits.relay_per_minute,
      formStampUses: s.limits.form_stamp_uses,
      unstampedWeight: s.limits.unstamped_weight,
      minFillSeconds: s.limits.min_fill_seconds,
      allowNetworks: Object.freeze([...s.limits.allow_networks]),
      allowDomains: Object.freeze(s.limits.allow_domains.map((d) => d.toLowerCase())),
      reportNetworkPerHour: s.limits.report_network_per_hour,
      reportDomainPerHour: s.limits.report_domain_per_hour,
      knownDomains: Object.freeze(s.limits.known_domains.map((d) => d.toLowerCase())),
      refuseDisposable: s.limits.refuse_disposable,
    }),
  })
}

const institutionListSchema = z.record(z.string(), z.string().trim().min(1).max(200))
const LOWER_CASE_DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/

/**
 * content/institutions.toml: the canonical name of each institution the collective
 * expects, by e-mail domain ("univ-tlse3.fr" = "Université Toulouse III – Paul Sabatier").
 * Data, not code: a collective edits it like site.toml. Optional.
 */
function loadInstitutionList(contentDir: string): Record<string, string> {
  const file = join(contentDir, 'institutions.toml')
  if (!existsSync(file)) return {}
  let raw: unknown
  try {
    raw = parseToml(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new ConfigError(file, (err as Error).message.split('\n')[0]!)
  }
  const parsed = institutionListSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ConfigError(`${file} ${issue.path.join('.')}`, issue.message)
  }
  for (const domain of Object.keys(parsed.data)) {
    if (!LOWER_CASE_DOMAIN.test(domain))
      throw new ConfigError(`${file} ${domain}`, 'must be a lower-case domain')
  }
  return parsed.data
}

function loadKitConfig(
  contentDir: string,
  file: string,
  kit: z.infer<typeof kitSchema>,
  locales: string[],
  title: Record<string, string>,
): KitConfig {
  // Without a mark of its own (kit/mark.svg, or the file kit.mark names), a site uses Paraphe's.
  const named = kit.mark !== undefined
  const ownMark = join(contentDir, kit.mark ?? 'kit/mark.svg')
  const markFile =
    named || existsSync(ownMark) ? ownMark : fileURLToPath(new URL('./assets/kit-mark.svg', import.meta.url))
  let markSvg: string
  try {
    markSvg = readFileSync(markFile, 'utf8')
  } catch {
    throw new ConfigError(`${file} kit.mark`, `${markFile} cannot be read`)
  }
  if (!/<svg[\s>]/.test(markSvg)) throw new ConfigError(`${file} kit.mark`, `${markFile} is not an SVG file`)
  const badge: Record<string, string> = {}
  for (const locale of locales) badge[locale] = kit.badge[locale] ?? title[locale]!
  return Object.freeze({ markSvg, badge, palettes: { colour: kit.colour, dark: kit.dark, mono: kit.mono } })
}

/**
 * Whether the form accepts signatures at this instant. `override` is the moderators'
 * choice from the admin (stored in the database), which takes the place of
 * signing_open; the closing date applies either way.
 */
export function isSigningOpen(site: SiteConfig, now: Date, override?: boolean): boolean {
  return (override ?? site.signingOpen) && (site.closesAt === undefined || now < site.closesAt)
}

/**
 * What is derived from (a part of) the configuration, computed the first time it is
 * asked for and kept as long as that configuration lives: compiled patterns,
 * validation schemas, renderers. Each running server has its own configuration,
 * and so its own copy.
 */
export function derivedOnce<K extends object, V>(derive: (from: K) => V): (from: K) => V {
  const kept = new WeakMap<K, V>()
  return (from) => {
    if (!kept.has(from)) kept.set(from, derive(from))
    return kept.get(from)!
  }
}
