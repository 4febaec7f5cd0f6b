// content/site.toml: what is specific to one collective and its text. The schema is
// the one description of every setting: its type, its bounds, its default, and the
// shape the code reads (SiteConfig is inferred from it, not written again).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { useCatalogues } from '../i18n/index.js'
import { typeset } from '../i18n/typeset.js'
import { camelCaseKeys } from './camel-case.js'
import { ConfigError, firstProblem } from './error.js'
import { loadInstitutionList } from './institutions.js'
import { readToml } from './toml.js'

export type Locale = string

/** A count per period, a number of days or hours: a whole number from 1. */
const perUnit = (fallback: number) => z.number().int().min(1).default(fallback)
const CIDR = /^[0-9a-fA-F:.]+\/\d{1,3}$/

const localeCode = z.string().regex(/^[a-z]{2}$/, 'a two-letter language code')

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #rrggbb')
const palette = z.object({ accent: colour, ink: colour, paper: colour })

// The signatory kit: its marks (SVG files of the content folder whose colours are the
// placeholders {{accent}}, {{ink}} and {{paper}}), each with its name and alt text per
// language, its four palettes, and the words of the badge in each language (" · "
// splits them over two lines).
const markId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes, as "raised-hand"')
  .max(40)
const markSchema = z.object({
  id: markId,
  /** The drawing, a path inside the content folder. */
  file: z.string().min(1),
  /** The same mark redrawn for 16 and 32 pixels; without it the drawing is used at every size. */
  small: z.string().min(1).optional(),
  name: z.record(localeCode, z.string().min(1).max(80)),
  alt: z.record(localeCode, z.string().min(1).max(300)),
})
const kitSchema = z
  .object({
    marks: z.array(markSchema).min(1).optional(),
    // The single mark of earlier versions: named so that an old site.toml says what to change.
    mark: z
      .never({ error: 'replaced by [[kit.marks]] (id, file, small, name, alt): see the README' })
      .optional(),
    mark_small: z
      .never({ error: 'replaced by [[kit.marks]] (id, file, small, name, alt): see the README' })
      .optional(),
    badge: z.record(localeCode, z.string().min(1).max(80)).default({}),
    colour: palette.default({ accent: '#a4161a', ink: '#1b1b1b', paper: '#ffffff' }),
    dark: palette.default({ accent: '#ff6b61', ink: '#f5f3ee', paper: '#1b1b1b' }),
    mono: palette.default({ accent: '#000000', ink: '#000000', paper: '#ffffff' }),
    mono_dark: palette.default({ accent: '#ffffff', ink: '#ffffff', paper: '#000000' }),
  })
  .prefault({})
  .transform(({ marks, badge, mark: _mark, mark_small: _small, mono_dark, ...palettes }) => ({
    marks,
    badge,
    palettes: Object.freeze({ ...palettes, 'mono-dark': mono_dark }),
  }))

/** The form's fields that a collective switches on (`fields`) or makes required (`required`). */
export const OPTIONAL_FIELDS = ['title', 'unit'] as const
export type OptionalField = (typeof OPTIONAL_FIELDS)[number]
export type RequirableField = 'institution' | 'discipline' | OptionalField

const formSchema = z
  .object({
    // Fields offered besides the name, address, category, institution and discipline:
    // "title" (title or grade) and "unit" (unit or laboratory).
    fields: z.array(z.enum(OPTIONAL_FIELDS)).default([]),
    required: z.array(z.enum(['institution', 'discipline', ...OPTIONAL_FIELDS])).default([]),
    comment_max_length: z.number().int().min(0).max(2000).default(280),
    // Suggestions for the title or grade, by category key and then language: the form
    // offers them in a list (a <datalist>), the signatory may type anything else.
    title_suggestions: z
      .record(z.string(), z.record(localeCode, z.array(z.string().min(1).max(150))))
      .default({}),
  })
  .prefault({})

const retentionSchema = z
  .object({
    unconfirmed_days: perUnit(7),
    manage_link_hours: perUnit(48),
    max_mails_per_address: perUnit(5),
  })
  .prefault({})
  .transform(camelCaseKeys)

const institutionsSchema = z
  .object({
    domain_patterns: z.array(z.string().min(1)).default([]),
    // Canonical names of institutions by e-mail domain; they win over content/institutions.toml.
    names: z.record(z.string().regex(/^[a-z0-9.-]+$/, 'a lower-case domain'), z.string().min(1)).default({}),
    // Kinds of institution for /stats (universities, research bodies, schools…): each
    // named in every language, with the domains (and their subdomains) or patterns it covers.
    types: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
            domains: z.array(z.string().regex(/^[a-z0-9.*-]+$/, 'a lower-case domain or pattern')).min(1),
          })
          .catchall(z.string()),
      )
      .default([]),
  })
  .prefault({})

// Organisations that may sign in their own name (a laboratory, a learned society, a
// union branch): the kinds the form offers, each named in every language with its
// plural for the list's headings. None: organisations do not sign, and no page says so.
const organisationsSchema = z
  .object({
    kinds: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
            plural: z.record(localeCode, z.string().min(1)).default({}),
          })
          .catchall(z.string()),
      )
      .default([]),
  })
  .prefault({})

const privacySchema = z
  .object({
    // A public breakdown shows a group (an institution, a category, a discipline) only
    // from this many signatures; 1 shows every group, which only a test should want.
    min_group_size: z.number().int().min(1).max(1000).default(5),
    // Signatories consented to be listed on the site, not to have their name tied to
    // the text by search engines: the lists, institution pages and exports ask them not
    // to index, unless the collective decides otherwise here.
    index_signatories: z.boolean().default(false),
  })
  .prefault({})
  .transform(camelCaseKeys)

const transparencySchema = z
  .object({
    // How often, at most, the public log's checkpoint is signed when the log grew:
    // often enough that a receipt's proof comes soon, rarely enough that the list of
    // checkpoints stays short (a few seconds is for tests).
    checkpoint_seconds: z.number().int().min(1).max(86_400).default(300),
  })
  .prefault({})
  .transform(camelCaseKeys)

const reliabilitySchema = z
  .object({
    // A write that fails because the database is away for a moment (restart, failover,
    // a dropped connection) is tried again for this long while the visitor waits.
    write_retry_seconds: z.number().min(0).max(60).default(10),
    // Writes are refused (503, the form kept) while the disk holding DATA_DIR has less
    // free space than this, so that a full disk never reaches the database (SQLite).
    disk_headroom_mb: z.number().min(0).max(100_000).default(64),
  })
  .prefault({})
  .transform(camelCaseKeys)

const openDataSchema = z
  .object({
    licence: z.string().min(1).default('ODbL-1.0'),
    licence_url: z.url().default('https://opendatacommons.org/licenses/odbl/1-0/'),
  })
  .prefault({})

const milestonesSchema = z
  .object({
    // Announced in ascending order, each once, however they are written.
    thresholds: z
      .array(z.number().int().min(1))
      .default([100, 500, 1000, 5000, 10000, 50000, 100000])
      .transform((t) => Object.freeze([...new Set(t)].sort((a, b) => a - b))),
  })
  .prefault({})

const debateSchema = z
  .object({
    max_per_sender_per_day: perUnit(2),
    max_per_institution_per_day: perUnit(5),
    message_max_length: z.number().int().min(100).max(5000).default(2000),
  })
  .prefault({})

/** News mailed to the signatories who asked for it ([news] in site.toml). */
const newsSchema = z
  .object({
    // What the SMTP relay accepts without throttling or flagging the sender: providers
    // count per minute or per hour; 60 a minute is 3,600 an hour, within most plans.
    mails_per_minute: z.number().int().min(1).max(100_000).default(60),
  })
  .prefault({})

/** What moderators decide and how suspicious signatures are spotted ([moderation] in site.toml). */
const moderationSchema = z
  .object({
    /** A signature appears publicly only once a moderator approved it. */
    pre_moderation: z.boolean().default(false),
    /** Under pre-moderation: whether a confirmed signature is counted before approval. */
    count_before_approval: z.boolean().default(true),
    /** Names that raise a flag when signed (compared without case or accents). */
    watch_list: z.array(z.string().min(1)).default([]),
    /** A burst: this many signatures from one network within burst_minutes. */
    burst_signatures: z.number().int().min(2).default(10),
    burst_minutes: perUnit(10),
    /** The same first and last name signed this many times raises a flag. */
    same_name_signatures: z.number().int().min(2).default(3),
    /** Days the keyed network hash of a signature is kept. */
    network_trace_days: z.number().int().min(1).max(30).default(3),
    /** Days an invalidated signature is kept (as evidence of an attack) before it is deleted. */
    invalidated_days: perUnit(30),
    /** Days an entry of the moderators' audit log is kept. */
    audit_days: z.number().int().min(30).default(365),
    session_hours: z.number().int().min(1).max(72).default(12),
    login_link_minutes: z.number().int().min(5).max(1440).default(20),
  })
  .prefault({})
  .transform(camelCaseKeys)

/**
 * Rate limits per client network, the form's minimum fill time, and what is exempt.
 * Generous by default: a whole university may sign from one network within minutes.
 */
const limitsSchema = z
  .object({
    sign_per_minute: perUnit(60),
    sign_per_hour: perUnit(600),
    manage_per_minute: perUnit(20),
    /** Login requests per client network and minute. */
    login_per_minute: perUnit(10),
    /** Login requests for one address from one network, per hour. */
    login_per_address_per_hour: perUnit(5),
    /**
     * Login mails to one mailbox per hour from every network together; the first request
     * from a network that has not asked for it this hour is mailed all the same.
     */
    login_mails_per_hour: perUnit(10),
    /** Posts of the debate relay's contact form per client network and minute. */
    relay_per_minute: perUnit(5),
    /** Submissions one signed form timestamp counts for once; beyond, it counts as none. */
    form_stamp_uses: perUnit(20),
    /** How many hits a submission without a valid form timestamp (an embedded or scripted form) counts for. */
    unstamped_weight: z.number().int().min(1).max(10).default(2),
    min_fill_seconds: z.number().min(0).max(600).default(3),
    /** CIDR networks never limited (a university's proxy, a partner site). */
    allow_networks: z
      .array(z.string().regex(CIDR, 'a network such as "192.0.2.0/24" or "2001:db8::/32"'))
      .default([]),
    /** E-mail domains whose signatures do not count against their network's budget. */
    allow_domains: z.array(z.string().min(1).toLowerCase()).default([]),
    /** The hourly report names networks and domains above these rates. */
    report_network_per_hour: perUnit(200),
    report_domain_per_hour: perUnit(300),
    /** Domains that "did you mean" compares typed domains with, besides the built-in common ones. */
    known_domains: z.array(z.string().min(1).toLowerCase()).default([]),
    /** true: throwaway addresses are refused at signing; false: accepted and flagged for the moderators. */
    refuse_disposable: z.boolean().default(true),
  })
  .prefault({})
  .transform(camelCaseKeys)

const closingDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  // TOML dates arrive as Date objects, quoted ones as text: both mean an instant.
  const date = new Date(value instanceof Date ? value.toISOString() : value)
  if (Number.isNaN(date.getTime()))
    ctx.issues.push({ code: 'custom', message: 'is not a date', input: value })
  return date
})

// An address a collective may not have yet: empty means «none», and the words that
// would link to it stay plain text.
const optionalUrl = z.union([
  z.literal(''),
  z.string().regex(/^https?:\/\/[^\s]+$/, 'an http(s) address or ""'),
])

/** Where and when the text first appeared: shown on the manifesto page. */
const publicationSchema = z
  .object({
    date: z
      .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as 2025-12-09'), z.date()])
      .optional()
      // An unquoted TOML date arrives as a Date: the page shows the day, as written.
      .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
    venue: z.string().default(''),
    title: z.string().default(''),
    url: optionalUrl.default(''),
  })
  .prefault({})
  .transform((p) => Object.freeze(p))

const categorySchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
    /** The plural per language, for headings over a group («Chercheurs et chercheuses»). */
    plural: z.record(localeCode, z.string().min(1)).default({}),
  })
  .catchall(z.string())

const siteSchema = z
  .object({
    title: z.string().min(1),
    titles: z.record(localeCode, z.string().min(1)).default({}),
    organisation: z.string().min(1),
    /** The collective's own site, '' when it has none to give. */
    organisation_url: optionalUrl.default(''),
    /** Where the collective publishes its answers to common objections, '' if nowhere yet. */
    companion_url: optionalUrl.default(''),
    publication: publicationSchema,
    contact_email: z.email(),
    default_locale: localeCode,
    locales: z.array(localeCode).min(1),
    signing_open: z.boolean().default(true),
    closes_at: closingDate.optional(),
    consent_version: z.string().min(1),
    form: formSchema,
    retention: retentionSchema,
    categories: z.array(categorySchema).min(1),
    kit: kitSchema,
    institutions: institutionsSchema,
    organisations: organisationsSchema,
    privacy: privacySchema,
    transparency: transparencySchema,
    reliability: reliabilitySchema,
    open_data: openDataSchema,
    milestones: milestonesSchema,
    debate: debateSchema,
    news: newsSchema,
    moderation: moderationSchema,
    limits: limitsSchema,
  })
  .transform((s, ctx) => {
    if (!s.locales.includes(s.default_locale)) {
      ctx.issues.push({
        code: 'custom',
        path: ['default_locale'],
        message: `"${s.default_locale}" is not among locales`,
        input: s.default_locale,
      })
      return z.NEVER
    }
    // Every setting is read under its own name in camelCase (contact_email is
    // contactEmail, [moderation] is moderation), but these: derived, or read flat.
    const {
      title: fallback,
      titles,
      form,
      retention,
      categories: given,
      institutions,
      organisations,
      kit,
      privacy,
      transparency,
      open_data,
      milestones,
      debate,
      news,
      ...same
    } = s
    const perLocale = (value: (locale: Locale) => string) =>
      Object.freeze(Object.fromEntries(s.locales.map((locale) => [locale, value(locale)])))
    // The title is typed with a keyboard's straight apostrophes; every page, tag, mail
    // and kit image shows it typeset, without the collective editing its file for it.
    const title = perLocale((locale) => typeset(titles[locale] ?? fallback, locale))
    for (const field of form.required)
      if (
        (OPTIONAL_FIELDS as readonly string[]).includes(field) &&
        !form.fields.includes(field as OptionalField)
      ) {
        ctx.issues.push({
          code: 'custom',
          path: ['form', 'required'],
          message: `"${field}" is required but not among form.fields`,
          input: form.required,
        })
        return z.NEVER
      }
    for (const key of Object.keys(form.title_suggestions))
      if (!given.some((c) => c.key === key)) {
        ctx.issues.push({
          code: 'custom',
          path: ['form', 'title_suggestions', key],
          message: `"${key}" is not a category key`,
          input: form.title_suggestions,
        })
        return z.NEVER
      }
    const categories = []
    for (const { key, plural, ...labels } of given) {
      const missing = s.locales.find((locale) => !labels[locale])
      if (missing !== undefined) {
        ctx.issues.push({
          code: 'custom',
          path: ['categories'],
          message: `"${key}" has no label for "${missing}"`,
          input: given,
        })
        return z.NEVER
      }
      categories.push(
        Object.freeze({
          key,
          labels: perLocale((locale) => labels[locale]!),
          plurals: perLocale((locale) => plural[locale] ?? labels[locale]!),
        }),
      )
    }
    /** What is wrong with the i-th entry of a keyed list: a language without its label, or a key given twice. */
    const keyedProblem = (
      list: readonly { key: string }[],
      i: number,
      labels: Readonly<Record<string, unknown>>,
      what: string,
    ): string | undefined => {
      const key = list[i]!.key
      const missing = s.locales.find((locale) => !labels[locale])
      if (missing !== undefined) return `"${key}" has no label for "${missing}"`
      if (list.findIndex((entry) => entry.key === key) !== i) return `"${key}" names two ${what}`
      return undefined
    }
    const institutionTypes = []
    for (const [i, { key, domains, ...labels }] of institutions.types.entries()) {
      const problem = keyedProblem(institutions.types, i, labels, 'types')
      if (problem) {
        ctx.issues.push({ code: 'custom', path: ['institutions', 'types', i], message: problem, input: key })
        return z.NEVER
      }
      institutionTypes.push(
        Object.freeze({
          key,
          domains: Object.freeze(domains),
          labels: perLocale((locale) => labels[locale]!),
        }),
      )
    }
    const organisationKinds = []
    for (const [i, { key, plural, ...labels }] of organisations.kinds.entries()) {
      const problem = keyedProblem(organisations.kinds, i, labels, 'kinds')
      if (problem) {
        ctx.issues.push({ code: 'custom', path: ['organisations', 'kinds', i], message: problem, input: key })
        return z.NEVER
      }
      organisationKinds.push(
        Object.freeze({
          key,
          labels: perLocale((locale) => labels[locale]!),
          plurals: perLocale((locale) => plural[locale] ?? labels[locale]!),
        }),
      )
    }
    // Each mark is named and described in every language, and has an id of its own.
    for (const [i, mark] of (kit.marks ?? []).entries()) {
      for (const field of ['name', 'alt'] as const) {
        const missing = s.locales.find((locale) => !mark[field][locale])
        if (missing !== undefined)
          ctx.issues.push({
            code: 'custom',
            path: ['kit', 'marks', i, field],
            message: `"${mark.id}" has no ${field} for "${missing}"`,
            input: mark[field],
          })
      }
      if (kit.marks!.findIndex((m) => m.id === mark.id) !== i)
        ctx.issues.push({
          code: 'custom',
          path: ['kit', 'marks', i, 'id'],
          message: `"${mark.id}" names two marks`,
          input: mark.id,
        })
    }
    if (ctx.issues.length > 0) return z.NEVER
    const marks = kit.marks?.map((mark) =>
      Object.freeze({
        ...mark,
        name: perLocale((locale) => typeset(mark.name[locale]!, locale)),
        alt: perLocale((locale) => typeset(mark.alt[locale]!, locale)),
      }),
    )
    return {
      ...camelCaseKeys(same),
      title,
      requiredFields: new Set(form.required) as ReadonlySet<RequirableField>,
      /** The optional fields the form offers (title or grade, unit or laboratory). */
      formFields: new Set(form.fields) as ReadonlySet<OptionalField>,
      /** Title suggestions by category and language, for the form's <datalist>. */
      titleSuggestions: Object.freeze(form.title_suggestions) as Readonly<
        Record<string, Readonly<Record<Locale, readonly string[]>>>
      >,
      commentMaxLength: form.comment_max_length,
      ...retention,
      categories: Object.freeze(categories),
      institutionDomainPatterns: Object.freeze(institutions.domain_patterns),
      /** site.toml's own names; loadSiteConfig puts content/institutions.toml under them. */
      institutionNames: institutions.names as Readonly<Record<string, string>>,
      /** Kinds of institution, in the order /stats shows them; the first whose domains match wins. */
      institutionTypes: Object.freeze(institutionTypes),
      /** Kinds of organisation that may sign in their own name, in the list's order; none: they cannot. */
      organisationKinds: Object.freeze(organisationKinds),
      // The badge reads the site's title in a language it has no words for.
      kit: {
        ...kit,
        marks,
        badge: perLocale((locale) => typeset(kit.badge[locale] ?? title[locale]!, locale)),
      },
      ...privacy,
      /** At most this often, a signed checkpoint of the public log when it grew. */
      ...transparency,
      openDataLicence: open_data.licence,
      openDataLicenceUrl: open_data.licence_url,
      /** Counts of confirmed signatures announced in the Atom feed, ascending. */
      milestones: milestones.thresholds,
      debateMaxPerSender: debate.max_per_sender_per_day,
      debateMaxPerInstitution: debate.max_per_institution_per_day,
      debateMessageMax: debate.message_max_length,
      /** News mails handed to the outbox per minute at most (the throttle of a sending). */
      newsMailsPerMinute: news.mails_per_minute,
    }
  })

type SiteSettings = z.output<typeof siteSchema>
export type Category = SiteSettings['categories'][number]
export type ModerationConfig = SiteSettings['moderation']
export type LimitsConfig = SiteSettings['limits']
export type KitPalette = z.output<typeof palette>
export type KitVariant = keyof SiteSettings['kit']['palettes']
export interface KitMark {
  /** Part of every file name of the mark: /kit/mark-<id>-colour.svg, /kit/badge-<id>-fr-dark-256.png. */
  id: string
  /** What the kit calls it, per locale. */
  name: Readonly<Record<Locale, string>>
  /** What it shows, per locale, for the alt text of its images. */
  alt: Readonly<Record<Locale, string>>
  /** The drawing's SVG source, with {{accent}}, {{ink}} and {{paper}} for its colours. */
  svg: string
  /** The same mark redrawn for 16 and 32 pixels (simpler, heavier), or the drawing itself. */
  smallSvg: string
}
export interface KitConfig {
  /** At least one; the first is the site's icon, the counter's and the social preview's. */
  marks: readonly KitMark[]
  /** The badge's words per locale, e.g. «Objection de conscience · face à l’IA générative». */
  badge: Readonly<Record<Locale, string>>
  palettes: Readonly<Record<KitVariant, KitPalette>>
}
export type SiteConfig = Readonly<Omit<SiteSettings, 'kit'> & { kit: KitConfig }>

/** Reads and validates content/site.toml (and the files it names); throws ConfigError naming the first wrong setting. */
export function loadSiteConfig(contentDir: string): SiteConfig {
  const file = join(contentDir, 'site.toml')
  const parsed = siteSchema.safeParse(readToml(file))
  if (!parsed.success) throw firstProblem(file, parsed.error)
  const { kit, institutionNames, ...site } = parsed.data
  // Every locale needs its messages: Paraphe's, or the content folder's <lang>/messages.toml.
  useCatalogues(contentDir, site.locales)
  const marks = kit.marks
    ? kit.marks.map((mark, i) => {
        const setting = `${file} kit.marks.${i}`
        const svg = readMark(setting, 'file', join(contentDir, mark.file))
        const smallSvg = mark.small ? readMark(setting, 'small', join(contentDir, mark.small)) : svg
        return Object.freeze({ id: mark.id, name: mark.name, alt: mark.alt, svg, smallSvg })
      })
    : // A content folder without marks of its own shows Paraphe's, named by the badge's words.
      [
        Object.freeze({
          id: 'paraphe',
          name: kit.badge,
          alt: kit.badge,
          svg: readMark(
            `${file} kit.marks`,
            'file',
            fileURLToPath(new URL('../assets/kit-mark.svg', import.meta.url)),
          ),
          smallSvg: readMark(
            `${file} kit.marks`,
            'small',
            fileURLToPath(new URL('../assets/kit-mark-small.svg', import.meta.url)),
          ),
        }),
      ]
  return Object.freeze({
    ...site,
    kit: Object.freeze({ marks: Object.freeze(marks), badge: kit.badge, palettes: kit.palettes }),
    institutionNames: Object.freeze({ ...loadInstitutionList(contentDir), ...institutionNames }),
  })
}

/** A mark's SVG source; a file that is missing or not SVG stops start-up, named. */
function readMark(setting: string, key: string, markFile: string): string {
  let markSvg: string
  try {
    markSvg = readFileSync(markFile, 'utf8')
  } catch {
    throw new ConfigError(`${setting}.${key}`, `${markFile} cannot be read`)
  }
  if (!/<svg[\s>]/.test(markSvg)) throw new ConfigError(`${setting}.${key}`, `${markFile} is not an SVG file`)
  // Colours come from the palettes alone: a drawing without them would look the same
  // in every variant, and one for dark backgrounds would vanish on them.
  if (!/\{\{(accent|ink)\}\}/.test(markSvg))
    throw new ConfigError(
      `${setting}.${key}`,
      `${markFile} uses neither {{accent}} nor {{ink}} for its colours`,
    )
  return markSvg
}

/** The label of a category in a language; a key no longer configured reads as itself. */
export function categoryLabel(site: SiteConfig, key: string, locale: Locale): string {
  return site.categories.find((c) => c.key === key)?.labels[locale] ?? key
}

/** The heading over a category's group: its plural, its label when none is given. */
export function categoryPlural(site: SiteConfig, key: string, locale: Locale): string {
  return site.categories.find((c) => c.key === key)?.plurals[locale] ?? key
}
