// The sign form is a public contract: other sites embed it and post these fields.
// Parsing turns raw form values into a clean submission or a set of per-field errors
// (message keys, localised by the view); the raw values are kept to refill the form.
import { z } from 'zod'
import type { OptionalField, SiteConfig } from '../config.js'
import { derivedOnce } from '../derived-once.js'
import { cleanLine, cleanParagraphs } from './clean-text.js'
import { type Display, isDisplay } from './display.js'
import { isDisposableDomain } from './disposable-domains.js'
import { suggestDomain } from './email-suggestion.js'
import { normalizeEmail, type NormalizedEmail } from './normalize-email.js'
import { profileFromForm } from './profile.js'

export const SIGN_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'category',
  'institution',
  'discipline',
  // Optional fields a collective switches on in site.toml ([form] fields).
  'title',
  'unit',
  'comment',
  // 1: publish the comment as testimony (after a moderator approves it); off unless checked.
  'publish_comment',
  'public',
  // How the name appears on the public list: full, initials or withheld (display.ts).
  'display',
  'updates',
  'debate',
  'consent',
  'website',
  // The signed time the form was shown (minimum fill time, see form-stamp.ts); optional.
  'form_ts',
  // The address as typed, sent back when the signatory keeps it despite a "did you mean".
  'email_typo_ok',
] as const
export type SignField = (typeof SIGN_FIELDS)[number]
export type FormValues = Partial<Record<SignField, string>>

/** Message keys for field errors; the i18n catalogues hold their text. */
export type FieldErrorKey =
  | 'required'
  | 'too_long'
  | 'email_invalid'
  | 'email_mismatch'
  | 'email_disposable'
  | 'email_typo'
  | 'email_other_institution'
  | 'category_invalid'
  | 'choice_invalid'
  | 'consent_required'
  | 'url_invalid'
  | 'link_in_name'
export type FieldErrors = Partial<Record<SignField, FieldErrorKey>>

export const NAME_MAX = 100
export const INSTITUTION_MAX = 200
export const DISCIPLINE_MAX = 200
export const TITLE_MAX = 150
export const UNIT_MAX = 200

export interface ProfileFields {
  firstName: string
  lastName: string
  category: string
  institution: string
  discipline: string
  /** Title or grade; empty when site.toml does not offer the field. */
  title: string
  /** Unit or laboratory; empty when site.toml does not offer the field. */
  unit: string
  comment: string
  /** Asked for the comment to be published (form field `publish_comment`). */
  publishComment: boolean
  isPublic: boolean
  /** How the name appears when listed (form field `display`). */
  display: Display
  wantsUpdates: boolean
  /** Willing to help organise a debate in their institution (form field `debate`). */
  wantsDebate: boolean
}

export interface SignSubmission extends ProfileFields {
  email: NormalizedEmail
}

export type ParseResult<T> =
  | { ok: true; value: T }
  | {
      ok: false
      errors: FieldErrors
      /** With the email_typo error: the address the signatory probably meant. */
      emailSuggestion?: string
    }

/** Reads only the named fields from a posted body, each as a string (the first of repeated ones). */
export function pickFields<F extends string>(
  body: Record<string, unknown>,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const values: Partial<Record<F, string>> = {}
  for (const field of fields) {
    const v = body[field]
    const s = Array.isArray(v) ? v[0] : v
    if (typeof s === 'string') values[field] = s
  }
  return values
}

/** Reads only the contract's fields from a posted body; every value is a string. */
export function pickFormValues(body: Record<string, unknown>): FormValues {
  return pickFields(body, SIGN_FIELDS)
}

/**
 * A web address inside a name. Names are written into the mails the site sends to the
 * address typed with them («Bonjour Camille,»): a name that carries a link would make
 * the site mail a stranger someone else's link, in its own name.
 */
const LINK_IN_TEXT = /:\/\/|\bwww\./i

/** A name as a form field: one line, required, and no web address in it. */
export function nameLine(max: number) {
  return line(max, true).refine((s) => !LINK_IN_TEXT.test(s), 'link_in_name')
}

/** One line of text as a form field: cleaned, at most `max` characters, required or not. */
export function line(max: number, required: boolean) {
  return z
    .string()
    .default('')
    .transform(cleanLine)
    .pipe(
      z
        .string()
        .max(max, 'too_long')
        .refine((s) => !required || s.length > 0, 'required'),
    )
}

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === '1' || v === 'on' || v === 'true')

/**
 * A field site.toml may switch on: read when offered, required when it says so; when
 * not offered, whatever is posted under its name is dropped, never stored.
 */
function offered(site: SiteConfig, field: OptionalField, max: number) {
  if (!site.formFields.has(field)) return z.unknown().transform(() => '')
  return line(max, site.requiredFields.has(field))
}

// Building a zod schema costs more than running it: one per site config, not per request.
const profileSchema = derivedOnce(buildProfileSchema)

function buildProfileSchema(site: SiteConfig) {
  const categoryKeys = site.categories.map((c) => c.key)
  return z.object({
    first_name: nameLine(NAME_MAX),
    last_name: nameLine(NAME_MAX),
    category: z
      .string()
      .default('')
      .refine((v) => v !== '', 'required')
      .refine((v) => v === '' || categoryKeys.includes(v), 'category_invalid'),
    institution: line(INSTITUTION_MAX, site.requiredFields.has('institution')),
    discipline: line(DISCIPLINE_MAX, site.requiredFields.has('discipline')),
    title: offered(site, 'title', TITLE_MAX),
    unit: offered(site, 'unit', UNIT_MAX),
    // Left out (a form embedded before the choice existed), the name shows in full, as it always did.
    display: z
      .string()
      .default('full')
      .transform((v) => (v === '' ? 'full' : v))
      .refine(isDisplay, 'choice_invalid'),
    comment: z
      .string()
      .default('')
      .transform(cleanParagraphs)
      .pipe(z.string().max(site.commentMaxLength, 'too_long')),
    publish_comment: checkbox,
    public: checkbox,
    updates: checkbox,
    debate: checkbox,
  })
}

function collectErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const field = issue.path[0] as SignField
    if (!errors[field]) errors[field] = (issue.message as FieldErrorKey) ?? 'required'
  }
  return errors
}

/** The fields a signatory can change later from their manage link. */
export function parseProfile(site: SiteConfig, values: FormValues): ParseResult<ProfileFields> {
  const parsed = profileSchema(site).safeParse(values)
  if (!parsed.success) return { ok: false, errors: collectErrors(parsed.error) }
  return { ok: true, value: profileFromForm(parsed.data) }
}

/** What the address field of a form that mails it gives: the address, or the error to show with it. */
export type EmailCheck =
  | { ok: true; email: NormalizedEmail }
  | {
      ok: false
      error: 'required' | 'email_invalid' | 'email_disposable' | 'email_typo'
      suggestion?: string
    }

/**
 * The address typed in a form that mails it (the sign form, the organisations' form):
 * required, valid, not a throwaway service when the site refuses them, and a probable
 * typo pointed out once; sent again unchanged (`typoOk`), it is taken as typed.
 */
export function checkEmailField(site: SiteConfig, raw: string, typoOk: string | undefined): EmailCheck {
  const email = normalizeEmail(raw)
  if (raw.trim() === '') return { ok: false, error: 'required' }
  if (!email) return { ok: false, error: 'email_invalid' }
  if (site.limits.refuseDisposable && isDisposableDomain(email.domain))
    return { ok: false, error: 'email_disposable' }
  // A throwaway service is a real domain (yopmail.com is no typo of hotmail.com).
  if (!isDisposableDomain(email.domain) && typoOk !== raw) {
    const domain = suggestDomain(email.domain, site.limits.knownDomains)
    if (domain)
      return {
        ok: false,
        error: 'email_typo',
        suggestion: email.address.slice(0, email.address.lastIndexOf('@') + 1) + domain,
      }
  }
  return { ok: true, email }
}

/** A whole signature: the profile, a valid address and explicit consent. */
export function parseSignForm(site: SiteConfig, values: FormValues): ParseResult<SignSubmission> {
  const profile = parseProfile(site, values)
  const errors: FieldErrors = profile.ok ? {} : { ...profile.errors }
  const email = checkEmailField(site, values.email ?? '', values.email_typo_ok)
  if (!email.ok) errors.email = email.error
  const emailSuggestion = email.ok ? undefined : email.suggestion
  if (values.consent !== '1') errors.consent = 'consent_required'
  if (!profile.ok || !email.ok || Object.keys(errors).length > 0)
    return { ok: false, errors, emailSuggestion }
  return { ok: true, value: { ...profile.value, email: email.email } }
}

/** The honeypot: a field hidden from people, which naive bots fill in. */
export function isHoneypotFilled(values: FormValues): boolean {
  return (values.website ?? '') !== ''
}
