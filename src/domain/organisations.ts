// Organisations that sign in their own name: a laboratory, a department, a learned
// society, a union branch. They sign apart from people, with the same guarantees:
//   - a contact address confirms the signature through a mailed link, and what the link
//     confirms is exactly what was submitted with it (its own copy, as for people);
//   - one organisation signature per contact address; the form's answer never says
//     whether the address already signed one;
//   - anyone may claim to speak for an organisation, so one is listed and counted only
//     once a moderator approved it; until then the contact's address is kept in clear,
//     for the moderator to check the claim with them and to tell them the decision;
//   - the contact edits or withdraws it from a mailed manage link (asked for on /manage,
//     with the same address as a personal signature);
//   - who signs for it, in which role and how it decided are read by moderators only.
// The headline count, the public log and every breakdown stay people: nothing here
// touches them.
import { z } from 'zod'
import type { SiteConfig } from '../config.js'
import { isUniqueViolation, type Db, type ExpressionBuilder, type Tx } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'
import type { Database, Organisation } from '../db/schema.js'
import { enqueueMail } from '../mail/outbox.js'
import { mailSite } from '../mail/layout.js'
import { renderMail, type MailKind } from '../mail/templates.js'
import { recordAudit } from './audit.js'
import { cleanLine, cleanParagraphs, searchKey } from './clean-text.js'
import type { DomainContext } from './context.js'
import { AppError } from './errors.js'
import { verifiedInstitutionOf } from './institutional-domains.js'
import { absoluteUrl } from './links.js'
import { mailCapSince, mayMail, mayMailGiven, recipientOf, type Recipient } from './mail-cap.js'
import { mailboxKey, normalizeEmail, type NormalizedEmail } from './normalize-email.js'
import { checkEmailField, line, nameLine, pickFields, type FieldErrorKey } from './sign-form.js'
import { hashToken, looksLikeToken, newToken } from './tokens.js'

const DAY_MS = 24 * 3600_000
const HOUR_MS = 3600_000
/**
 * The contact's address is kept in clear for the moderators' decision alone: a request
 * left undecided this long loses it (the decision is then not mailed).
 */
export const UNDECIDED_ADDRESS_DAYS = 30

export const ORGANISATION_NAME_MAX = 200
export const CONTACT_NAME_MAX = 100
export const CONTACT_ROLE_MAX = 150
export const URL_MAX = 300
export const MANDATE_MAX = 1000

/**
 * The fields of the organisations' form, as posted. `fax` is the honeypot, hidden from
 * people: not `website` as on the sign form, since this form asks for a web site and a
 * browser's autofill could put it there.
 */
export const ORGANISATION_FIELDS = [
  'name',
  'kind',
  'url',
  'contact_name',
  'contact_role',
  'mandate',
  'email',
  'consent',
  'fax',
  'form_ts',
  'email_typo_ok',
] as const
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number]
export type OrganisationValues = Partial<Record<OrganisationField, string>>
export type OrganisationErrors = Partial<Record<OrganisationField, FieldErrorKey>>

/** What an organisation's contact fills in, and may change later. */
export interface OrganisationProfile {
  name: string
  kind: string
  /** Its web site, https://… or ''. */
  url: string
  contactName: string
  contactRole: string
  /** How the organisation decided to sign (a vote of its council…): for moderators. */
  mandate: string
}

export interface OrganisationRequest extends OrganisationProfile {
  email: NormalizedEmail
}

/** What a confirmation link confirms: its own copy of what was submitted with it. */
export interface OrganisationSubmission {
  profile: OrganisationProfile
  locale: string
  consentVersion: string
}

export type OrganisationParse<T> =
  | { ok: true; value: T }
  | { ok: false; errors: OrganisationErrors; emailSuggestion?: string }

/** Organisations may sign on this site: the collective named at least one kind of them. */
export function organisationsOpen(site: SiteConfig): boolean {
  return site.organisationKinds.length > 0
}

/** The label of a kind of organisation; a kind no longer configured reads as itself. */
export function organisationKindLabel(site: SiteConfig, key: string, locale: string): string {
  return site.organisationKinds.find((k) => k.key === key)?.labels[locale] ?? key
}

/** Reads only the form's fields from a posted body; every value is a string. */
export function pickOrganisationValues(body: Record<string, unknown>): OrganisationValues {
  return pickFields(body, ORGANISATION_FIELDS)
}

/**
 * A web address as people type it: «irit.fr», «www.irit.fr/», «https://irit.fr».
 * Only http and https are kept (a link on the public list must open a web page), with
 * https added when no scheme was typed; anything else is refused.
 */
export function webAddressOf(typed: string): string | undefined {
  const trimmed = typed.trim()
  if (trimmed === '') return ''
  // «irit.fr:8080» has no scheme: a colon followed by a digit is a port.
  const withScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed) ? trimmed : `https://${trimmed}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  if (url.username || url.password || !url.hostname.includes('.')) return undefined
  return url.href
}

function profileSchema(site: SiteConfig) {
  const kinds = site.organisationKinds.map((k) => k.key)
  return z.object({
    name: nameLine(ORGANISATION_NAME_MAX),
    kind: z
      .string()
      .default('')
      .refine((v) => v !== '', 'required')
      .refine((v) => v === '' || kinds.includes(v), 'choice_invalid'),
    url: z
      .string()
      .default('')
      .transform(cleanLine)
      .pipe(z.string().max(URL_MAX, 'too_long'))
      .refine((v) => webAddressOf(v) !== undefined, 'url_invalid')
      .transform((v) => webAddressOf(v)!),
    contact_name: nameLine(CONTACT_NAME_MAX),
    contact_role: line(CONTACT_ROLE_MAX, false),
    mandate: z.string().default('').transform(cleanParagraphs).pipe(z.string().max(MANDATE_MAX, 'too_long')),
  })
}

/** What the contact may change later from the manage link. */
export function parseOrganisationProfile(
  site: SiteConfig,
  values: OrganisationValues,
): OrganisationParse<OrganisationProfile> {
  const parsed = profileSchema(site).safeParse(values)
  if (!parsed.success) {
    const errors: OrganisationErrors = {}
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as OrganisationField
      errors[field] ??= (issue.message as FieldErrorKey) ?? 'required'
    }
    return { ok: false, errors }
  }
  const p = parsed.data
  return {
    ok: true,
    value: {
      name: p.name,
      kind: p.kind,
      url: p.url,
      contactName: p.contact_name,
      contactRole: p.contact_role,
      mandate: p.mandate,
    },
  }
}

/** A whole request: the organisation, a valid contact address and explicit consent. */
export function parseOrganisationForm(
  site: SiteConfig,
  values: OrganisationValues,
): OrganisationParse<OrganisationRequest> {
  const profile = parseOrganisationProfile(site, values)
  const errors: OrganisationErrors = profile.ok ? {} : { ...profile.errors }
  const email = checkEmailField(site, values.email ?? '', values.email_typo_ok)
  if (!email.ok) errors.email = email.error
  if (values.consent !== '1') errors.consent = 'consent_required'
  if (!profile.ok || !email.ok || Object.keys(errors).length > 0)
    return { ok: false, errors, emailSuggestion: email.ok ? undefined : email.suggestion }
  return { ok: true, value: { ...profile.value, email: email.email } }
}

/**
 * The profile under the names of the form's fields, which are also its row's columns:
 * what fills the manage form, and what a row stores of it.
 */
export function organisationValuesOf(p: OrganisationProfile) {
  return {
    name: p.name,
    kind: p.kind,
    url: p.url,
    contact_name: p.contactName,
    contact_role: p.contactRole,
    mandate: p.mandate,
  } satisfies OrganisationValues
}

/** The profile a stored organisation holds. */
export function organisationProfileOf(o: Organisation): OrganisationProfile {
  return {
    name: o.name,
    kind: o.kind,
    url: o.url,
    contactName: o.contact_name,
    contactRole: o.contact_role,
    mandate: o.mandate,
  }
}

function profileRow(p: OrganisationProfile) {
  return { ...organisationValuesOf(p), sort_key: searchKey(p.name) }
}

const submissionSchema = z.object({
  profile: z.object({
    name: z.string(),
    kind: z.string(),
    url: z.string(),
    contactName: z.string(),
    contactRole: z.string(),
    mandate: z.string(),
  }),
  locale: z.string(),
  consentVersion: z.string(),
})

function submissionOf(o: Organisation): OrganisationSubmission {
  return { profile: organisationProfileOf(o), locale: o.locale, consentVersion: o.consent_version }
}

// ---------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------

type OrganisationState = Pick<Organisation, 'status' | 'approved_at' | 'hidden_at'>

/** Listed on /organisations and counted: confirmed, approved by a moderator, not hidden. */
export function isOrganisationListed(o: OrganisationState): boolean {
  return o.status === 'confirmed' && o.approved_at !== null && o.hidden_at === null
}

/** Confirmed by its contact, waiting for a moderator. */
export function isOrganisationAwaiting(o: OrganisationState): boolean {
  return o.status === 'confirmed' && o.approved_at === null
}

// biome-ignore lint/suspicious/noExplicitAny: any selection of the organisations table
function whereListed(qb: any) {
  return qb
    .where('organisations.status', '=', 'confirmed')
    .where('organisations.approved_at', 'is not', null)
    .where('organisations.hidden_at', 'is', null)
}

// ---------------------------------------------------------------------------
// Links and mails
// ---------------------------------------------------------------------------

type OrganisationMailKind = Extract<MailKind, `organisation_${string}`>

/** Queues a mail to the contact, with a new link when the mail carries one. */
async function mailContact(
  ctx: DomainContext,
  tx: Tx,
  args: {
    organisation: Pick<Organisation, 'id' | 'name' | 'contact_name' | 'locale'>
    kind: OrganisationMailKind
    to: string
    recipient: Pick<Recipient, 'key' | 'mailbox'>
    now: Date
    submission?: OrganisationSubmission
  },
): Promise<void> {
  const { organisation, kind, now } = args
  const site = ctx.config.site
  const locale = args.submission?.locale ?? organisation.locale
  const purpose =
    kind === 'organisation_confirm'
      ? 'confirm'
      : kind === 'organisation_already' || kind === 'organisation_manage'
        ? 'manage'
        : undefined
  let link = absoluteUrl(ctx.config, locale, '/organisations')
  let validity = 0
  if (purpose) {
    validity = purpose === 'confirm' ? site.unconfirmedDays : site.manageLinkHours
    const { token, hash } = newToken()
    await tx
      .insertInto('organisation_links')
      .values({
        hash,
        organisation_id: organisation.id,
        purpose,
        expires_at: new Date(
          now.getTime() + validity * (purpose === 'confirm' ? DAY_MS : HOUR_MS),
        ).toISOString(),
        created_at: now.toISOString(),
        submission: args.submission ? JSON.stringify(args.submission) : null,
      })
      .execute()
    link = absoluteUrl(ctx.config, locale, `/organisations/${purpose}/${token}`)
  }
  const rendered = renderMail({
    kind,
    site: mailSite(ctx.config, locale, now),
    firstName: args.submission?.profile.contactName ?? organisation.contact_name,
    organisationName: args.submission?.profile.name ?? organisation.name,
    link,
    manageRequestLink: absoluteUrl(ctx.config, locale, '/manage'),
    validity,
  })
  await enqueueMail(
    tx,
    {
      ...rendered,
      kind,
      recipient: args.to,
      recipientHash: args.recipient.key,
      mailboxHash: args.recipient.mailbox,
      signatureId: null,
      organisationId: organisation.id,
    },
    now,
  )
}

/**
 * Records an organisation's signature request and queues the mail that follows. The
 * form answers the same whatever happened, as the sign form does:
 * - a new address gets a pending signature and a confirmation link carrying what was typed;
 * - a pending one gets one more link with what was just typed (earlier links keep theirs);
 * - a confirmed one is left as it is and gets a mail saying so, with a manage link.
 */
export async function requestOrganisation(
  ctx: DomainContext,
  request: OrganisationRequest,
  locale: string,
  network: string | null,
): Promise<void> {
  const recipient = await recipientOf(ctx, request.email, network)
  const { email, ...profile } = request
  const submission: OrganisationSubmission = {
    profile,
    locale,
    consentVersion: ctx.config.site.consentVersion,
  }
  let queued = false
  const attempt = () =>
    ctx.transact(async (tx) => {
      const now = ctx.now()
      const blocked = await tx
        .selectFrom('domains')
        .select('blocked')
        .where('domain', '=', email.domain)
        .executeTakeFirst()
      // A domain blocked by the moderators: answered as any other, recorded nowhere.
      if (blocked?.blocked) return
      const existing = await tx
        .selectFrom('organisations')
        .selectAll()
        .where('email_hash', '=', recipient.key)
        .executeTakeFirst()
      const suppressed = await tx
        .selectFrom('suppressions')
        .select('email_hash')
        .where('email_hash', '=', recipient.key)
        .executeTakeFirst()
      const recent = await tx
        .selectFrom('outbox')
        .select((o) => o.fn.countAll<number>().as('n'))
        .where('mailbox_hash', '=', recipient.mailbox)
        .where('created_at', '>=', mailCapSince(now).toISOString())
        .executeTakeFirstOrThrow()
      const canMail = mayMailGiven(ctx.config.site, recipient, {
        suppressed: suppressed !== undefined,
        recentMails: Number(recent.n),
      })
      if (!existing) {
        const inserted = await tx
          .insertInto('organisations')
          .values({
            ...profileRow(profile),
            email_hash: recipient.key,
            email: email.address,
            email_domain: email.domain,
            locale,
            status: 'pending',
            consent_version: submission.consentVersion,
            submitted_at: now.toISOString(),
            updated_at: now.toISOString(),
            mails_sent: canMail ? 1 : 0,
            network_key: network,
          })
          .returning(['id', 'name', 'contact_name', 'locale'])
          .executeTakeFirstOrThrow()
        if (canMail) {
          await mailContact(ctx, tx, {
            organisation: inserted,
            kind: 'organisation_confirm',
            to: email.address,
            recipient,
            now,
            submission,
          })
          queued = true
        }
        return
      }
      if (!canMail) return
      if (existing.status === 'pending') {
        if (existing.mails_sent >= ctx.config.site.maxMailsPerAddress) return
        // Only the bookkeeping moves: the stored request stays as it was, and each link
        // confirms what was submitted with it.
        await tx
          .updateTable('organisations')
          .set({
            submitted_at: now.toISOString(),
            mails_sent: existing.mails_sent + 1,
            network_key: network ?? existing.network_key,
          })
          .where('id', '=', existing.id)
          .execute()
        await mailContact(ctx, tx, {
          organisation: existing,
          kind: 'organisation_confirm',
          to: email.address,
          recipient,
          now,
          submission,
        })
      } else {
        await mailContact(ctx, tx, {
          organisation: existing,
          kind: 'organisation_already',
          to: email.address,
          recipient,
          now,
        })
      }
      queued = true
    })
  try {
    await attempt()
  } catch (err) {
    // Two identical submissions at once: the other now finds the row and follows its path.
    if (!isUniqueViolation(err)) throw err
    await attempt()
  }
  if (queued) ctx.mailQueued()
}

/**
 * Called when someone asks /manage for a link: an address that signed for an
 * organisation gets its manage link (or, still pending, a confirmation link for the
 * request as stored). Returns whether a mail was queued.
 */
export async function mailOrganisationLink(
  ctx: DomainContext,
  tx: Tx,
  email: NormalizedEmail,
  recipient: Recipient,
  now: Date,
): Promise<boolean> {
  const organisation = await tx
    .selectFrom('organisations')
    .selectAll()
    .where('email_hash', '=', recipient.key)
    .executeTakeFirst()
  if (!organisation || !(await mayMail(ctx, tx, recipient, now))) return false
  if (organisation.status === 'pending') {
    if (organisation.mails_sent >= ctx.config.site.maxMailsPerAddress) return false
    await tx
      .updateTable('organisations')
      .set({ mails_sent: organisation.mails_sent + 1 })
      .where('id', '=', organisation.id)
      .execute()
    await mailContact(ctx, tx, {
      organisation,
      kind: 'organisation_confirm',
      to: email.address,
      recipient,
      now,
      submission: submissionOf(organisation),
    })
  } else {
    await mailContact(ctx, tx, {
      organisation,
      kind: 'organisation_manage',
      to: email.address,
      recipient,
      now,
    })
  }
  return true
}

export interface OrganisationTarget {
  organisation: Organisation
  tokenHash: string
  /** What a confirmation link confirms; for a manage link, the organisation as stored. */
  submission: OrganisationSubmission
}

/**
 * The organisation a live link points to; token_invalid for anything else. In a
 * transaction on PostgreSQL the organisation's row is locked first, so that confirming,
 * editing and withdrawing it at once happen one after the other.
 */
async function findByLink(
  tx: Tx | Db,
  token: string,
  purpose: 'confirm' | 'manage',
  now: Date,
): Promise<OrganisationTarget> {
  if (!looksLikeToken(token)) throw new AppError('token_invalid')
  const tokenHash = hashToken(token)
  const link = await tx
    .selectFrom('organisation_links')
    .selectAll()
    .where('hash', '=', tokenHash)
    .executeTakeFirst()
  if (!link || link.purpose !== purpose || link.expires_at <= now.toISOString())
    throw new AppError('token_invalid')
  let query = tx.selectFrom('organisations').selectAll().where('id', '=', link.organisation_id)
  if (tx.isTransaction && isPostgres(tx)) query = query.forUpdate()
  const organisation = await query.executeTakeFirst()
  if (!organisation) throw new AppError('token_invalid')
  const stored = link.submission === null ? undefined : submissionSchema.parse(JSON.parse(link.submission))
  return { organisation, tokenHash, submission: stored ?? submissionOf(organisation) }
}

/** For the page behind a confirmation link: what is about to be confirmed. */
export function findOrganisationConfirmation(ctx: DomainContext, token: string): Promise<OrganisationTarget> {
  return findByLink(ctx.db, token, 'confirm', ctx.now())
}

/** For the manage page: the organisation behind a live manage link. */
export function findManagedOrganisation(ctx: DomainContext, token: string): Promise<OrganisationTarget> {
  return findByLink(ctx.db, token, 'manage', ctx.now())
}

/**
 * Confirms the request a link carries, once: it then waits for a moderator. The
 * address's other confirmation links die: whoever owns the mailbox chose this one.
 */
export async function confirmOrganisation(ctx: DomainContext, token: string): Promise<Organisation> {
  return ctx.transact(async (tx) => {
    const now = ctx.now()
    const { organisation, tokenHash, submission } = await findByLink(tx, token, 'confirm', now)
    await tx
      .updateTable('organisation_links')
      .set({ used_at: now.toISOString(), submission: null })
      .where('hash', '=', tokenHash)
      .execute()
    if (organisation.status === 'confirmed') return organisation
    const confirmed = await tx
      .updateTable('organisations')
      .set({
        ...profileRow(submission.profile),
        locale: submission.locale,
        consent_version: submission.consentVersion,
        status: 'confirmed',
        confirmed_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', organisation.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirstOrThrow()
    await tx
      .deleteFrom('organisation_links')
      .where('organisation_id', '=', organisation.id)
      .where('purpose', '=', 'confirm')
      .where('hash', '!=', tokenHash)
      .execute()
    return confirmed
  })
}

/** What the public list shows of an organisation, and what a moderator approves. */
export interface OrganisationClaim {
  name: string
  kind: string
  url: string
}

const claimSchema = z.object({ name: z.string(), kind: z.string(), url: z.string() })

/** The change of name, kind or web site awaiting a moderator, if any. */
export function proposedClaim(o: Pick<Organisation, 'proposed'>): OrganisationClaim | undefined {
  return o.proposed === null ? undefined : claimSchema.parse(JSON.parse(o.proposed))
}

const sameClaim = (a: OrganisationClaim, b: OrganisationClaim) =>
  a.name === b.name && a.kind === b.kind && a.url === b.url

/**
 * Changes what the contact typed. Once approved, a new name, kind or web site is a new
 * claim: it waits for a moderator, kept apart, while the approved ones stay listed (a
 * typo fixed does not take the organisation off the list, and refusing the change does
 * not delete what was approved). Before approval, the request is simply corrected.
 * Who signs, their role and the mandate change at once: moderators read them, nobody else.
 */
export async function updateOrganisation(
  ctx: DomainContext,
  token: string,
  profile: OrganisationProfile,
): Promise<Organisation> {
  return ctx.transact(async (tx) => {
    const now = ctx.now()
    const { organisation } = await findByLink(tx, token, 'manage', now)
    const claim = { name: profile.name, kind: profile.kind, url: profile.url }
    const approved = organisation.approved_at !== null
    const proposal = approved && !sameClaim(claim, organisation) ? claim : undefined
    const unchanged = proposedClaim(organisation)
    const keepsProposal = proposal && unchanged && sameClaim(proposal, unchanged)
    return tx
      .updateTable('organisations')
      .set({
        ...(approved
          ? {
              contact_name: profile.contactName,
              contact_role: profile.contactRole,
              mandate: profile.mandate,
              proposed: proposal ? JSON.stringify(proposal) : null,
              proposed_at: proposal ? (keepsProposal ? organisation.proposed_at : now.toISOString()) : null,
            }
          : profileRow(profile)),
        updated_at: now.toISOString(),
      })
      .where('id', '=', organisation.id)
      .returningAll()
      .executeTakeFirstOrThrow()
  })
}

/** Withdraws it: the row, its links and any mail still queued about it are deleted. */
export async function withdrawOrganisation(ctx: DomainContext, token: string): Promise<void> {
  await ctx.transact(async (tx) => {
    const { organisation } = await findByLink(tx, token, 'manage', ctx.now())
    await deleteOrganisation(tx, organisation.id)
  })
}

async function deleteOrganisation(tx: Tx, id: number): Promise<Organisation | undefined> {
  await tx.deleteFrom('outbox').where('organisation_id', '=', id).where('status', '=', 'pending').execute()
  await tx.deleteFrom('organisation_links').where('organisation_id', '=', id).execute()
  return tx.deleteFrom('organisations').where('id', '=', id).returningAll().executeTakeFirst()
}

// ---------------------------------------------------------------------------
// Public list and count
// ---------------------------------------------------------------------------

/** An organisation as the public sees it: never its contact. */
export interface ListedOrganisation {
  id: number
  name: string
  kind: string
  url: string
  /** When a moderator approved it (ISO 8601 UTC): the open data gives its day. */
  approved_at: string
}

/** Every listed organisation, by kind in the order of site.toml, then by name. */
export async function listOrganisations(db: Db | Tx, site: SiteConfig): Promise<ListedOrganisation[]> {
  // whereListed keeps only approved ones: approved_at is never null here.
  const rows: ListedOrganisation[] = await whereListed(
    db.selectFrom('organisations').select(['id', 'name', 'kind', 'url', 'approved_at']),
  )
    .orderBy('sort_key')
    .orderBy('id')
    .execute()
  const rank = new Map(site.organisationKinds.map((k, i) => [k.key, i]))
  const last = site.organisationKinds.length
  return rows.sort((a, b) => (rank.get(a.kind) ?? last) - (rank.get(b.kind) ?? last))
}

/** How many organisations are listed: the count shown apart from people's. */
export async function countOrganisations(db: Db | Tx): Promise<number> {
  const row = await whereListed(
    db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')),
  ).executeTakeFirstOrThrow()
  return Number(row.n)
}

// ---------------------------------------------------------------------------
// Moderation
// ---------------------------------------------------------------------------

export type OrganisationFilter = 'awaiting' | 'listed' | 'hidden' | 'pending' | 'all'
export const ORGANISATION_FILTERS: readonly OrganisationFilter[] = [
  'awaiting',
  'listed',
  'hidden',
  'pending',
  'all',
]

/** A page of organisations for moderators. */
export const MODERATION_PAGE = 50

/**
 * What moderators see: everything, the clear address too while it is kept; the newest
 * requests first, a page at a time before the id `before` (keyset: no OFFSET).
 */
export async function listOrganisationsForModerators(
  db: Db,
  filter: OrganisationFilter,
  options: { before?: number; limit?: number } = {},
): Promise<{ items: Organisation[]; next?: number }> {
  const limit = options.limit ?? MODERATION_PAGE
  let q = db.selectFrom('organisations').selectAll()
  if (options.before !== undefined) q = q.where('id', '<', options.before)
  if (filter === 'awaiting') q = q.where(awaitingDecision)
  else if (filter === 'listed') q = whereListed(q)
  else if (filter === 'hidden') q = q.where('hidden_at', 'is not', null)
  else if (filter === 'pending') q = q.where('status', '=', 'pending')
  const rows = await q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  const items = rows.slice(0, limit)
  return { items, next: rows.length > limit ? items.at(-1)!.id : undefined }
}

/** Awaiting a moderator: a confirmed request, or an approved one's proposed change. */
function awaitingDecision(eb: ExpressionBuilder<Database, 'organisations'>) {
  return eb.or([
    eb.and([eb('status', '=', 'confirmed'), eb('approved_at', 'is', null)]),
    eb('proposed', 'is not', null),
  ])
}

export async function countAwaitingOrganisations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(awaitingDecision)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export type OrganisationAction =
  | 'approve'
  | 'refuse'
  | 'approve_change'
  | 'refuse_change'
  | 'hide'
  | 'restore'
  | 'delete'
export const ORGANISATION_ACTIONS: readonly OrganisationAction[] = [
  'approve',
  'refuse',
  'approve_change',
  'refuse_change',
  'hide',
  'restore',
  'delete',
]

/**
 * What a moderator may do to an organisation in this state: approve or refuse one that
 * awaits (refusing tells its contact while the address is kept); accept or turn down a
 * listed one's proposed change (the approved version stays either way); hide an approved
 * one or restore a hidden one; delete any, silently.
 */
export function organisationActions(
  o: OrganisationState & Pick<Organisation, 'proposed'>,
): OrganisationAction[] {
  const actions: OrganisationAction[] = []
  if (isOrganisationAwaiting(o)) actions.push('approve', 'refuse')
  if (o.proposed !== null && o.approved_at !== null) actions.push('approve_change', 'refuse_change')
  // Hiding is for what was approved: one still awaiting is approved or refused.
  if (o.status === 'confirmed' && o.approved_at !== null)
    actions.push(o.hidden_at === null ? 'hide' : 'restore')
  actions.push('delete')
  return actions
}

/**
 * Applies a moderator's decision, recorded in the audit log in the same transaction.
 * `seen` is the organisation's updated_at as the moderator's page showed it: if its
 * contact changed it since (another name, another web site, another proposal), the
 * decision was taken on something else and is not applied.
 * Approving or refusing tells the contact, while their address is known, then erases it:
 * it was kept for that alone. Returns false when the action does not apply (any more).
 */
export async function moderateOrganisation(
  ctx: DomainContext,
  actor: string,
  id: number,
  action: OrganisationAction,
  seen?: string,
): Promise<boolean> {
  let queued = false
  const done = await ctx.transact(async (tx) => {
    const now = ctx.now()
    let q = tx.selectFrom('organisations').selectAll().where('id', '=', id)
    if (isPostgres(tx)) q = q.forUpdate()
    const o = await q.executeTakeFirst()
    if (!o || !organisationActions(o).includes(action)) return false
    if (seen !== undefined && seen !== o.updated_at) return false
    const tell = async (kind: 'organisation_approved' | 'organisation_refused') => {
      if (o.email === null) return
      await mailContact(ctx, tx, {
        organisation: o,
        kind,
        to: o.email,
        // A moderator's decision is owed to the contact: no daily cap (only mails of their
        // own asking count against it), but never to an address that refused mail for good.
        recipient: { key: o.email_hash, mailbox: mailboxKey(ctx.config.secret, normalizeEmail(o.email)!) },
        now,
      })
      queued = true
    }
    const suppressed =
      o.email !== null &&
      (await tx
        .selectFrom('suppressions')
        .select('email_hash')
        .where('email_hash', '=', o.email_hash)
        .executeTakeFirst()) !== undefined
    switch (action) {
      case 'approve':
        await tx
          .updateTable('organisations')
          .set({ approved_at: now.toISOString(), email: null })
          .where('id', '=', id)
          .execute()
        if (!suppressed) await tell('organisation_approved')
        break
      case 'refuse':
        if (!suppressed) await tell('organisation_refused')
        await tx.deleteFrom('organisation_links').where('organisation_id', '=', id).execute()
        await tx.deleteFrom('organisations').where('id', '=', id).execute()
        break
      case 'approve_change': {
        const claim = proposedClaim(o)!
        await tx
          .updateTable('organisations')
          .set({ ...claim, sort_key: searchKey(claim.name), proposed: null, proposed_at: null })
          .where('id', '=', id)
          .execute()
        break
      }
      case 'refuse_change':
        await tx
          .updateTable('organisations')
          .set({ proposed: null, proposed_at: null })
          .where('id', '=', id)
          .execute()
        break
      case 'hide':
        await tx
          .updateTable('organisations')
          .set({ hidden_at: now.toISOString() })
          .where('id', '=', id)
          .execute()
        break
      case 'restore':
        await tx.updateTable('organisations').set({ hidden_at: null }).where('id', '=', id).execute()
        break
      case 'delete':
        await deleteOrganisation(tx, id)
        break
    }
    await recordAudit(
      tx,
      {
        actor,
        action: `organisation_${action}`,
        target: `organisation:${id}`,
        detail: action === 'approve_change' ? `${o.name} → ${proposedClaim(o)!.name}` : o.name,
      },
      now,
    )
    return true
  })
  if (queued) ctx.mailQueued()
  return done
}

/**
 * What the contact's address says of their claim, for the moderator who checks it (a
 * help, never a proof): the verified institution of its domain, whether the claimed
 * web site is on that domain, and whether another organisation of the same name is
 * already listed (two requests for one organisation, or a usurpation).
 */
export interface ClaimEvidence {
  addressInstitution?: string
  addressOnSite: boolean
  sameNameListed: boolean
}

export function claimEvidence(
  site: SiteConfig,
  o: Pick<Organisation, 'id' | 'name' | 'url' | 'email_domain'>,
  listed: readonly Pick<ListedOrganisation, 'id' | 'name'>[],
): ClaimEvidence {
  const domain = o.email_domain.toLowerCase()
  const host = o.url ? new URL(o.url).hostname.replace(/^www\./, '') : ''
  const related = (a: string, b: string) => a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`)
  const key = searchKey(o.name)
  return {
    addressInstitution: verifiedInstitutionOf(site, domain),
    addressOnSite: host !== '' && related(host, domain),
    sameNameListed: listed.some((l) => l.id !== o.id && searchKey(l.name) === key),
  }
}

// ---------------------------------------------------------------------------
// Retention and access
// ---------------------------------------------------------------------------

/**
 * Deletes what expired, in the purge's transaction: requests never confirmed (with the
 * mails still queued for them), dead links, network traces past their days, and the
 * clear address of a request left undecided UNDECIDED_ADDRESS_DAYS.
 */
export async function purgeOrganisations(
  tx: Tx,
  now: Date,
  unconfirmedBefore: string,
  tracesBefore: string,
): Promise<number> {
  await tx
    .deleteFrom('outbox')
    .where('status', '=', 'pending')
    .where('organisation_id', 'in', (eb) =>
      eb
        .selectFrom('organisations')
        .select('id')
        .where('status', '=', 'pending')
        .where('submitted_at', '<', unconfirmedBefore),
    )
    .execute()
  await tx
    .deleteFrom('organisation_links')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', now.toISOString()),
        eb(
          'organisation_id',
          'in',
          eb
            .selectFrom('organisations')
            .select('id')
            .where('status', '=', 'pending')
            .where('submitted_at', '<', unconfirmedBefore),
        ),
      ]),
    )
    .execute()
  const deleted = await tx
    .deleteFrom('organisations')
    .where('status', '=', 'pending')
    .where('submitted_at', '<', unconfirmedBefore)
    .executeTakeFirst()
  await tx
    .updateTable('organisations')
    .set({ network_key: null })
    .where('network_key', 'is not', null)
    .where('submitted_at', '<', tracesBefore)
    .execute()
  await tx
    .updateTable('organisations')
    .set({ email: null })
    .where('email', 'is not', null)
    .where('status', '=', 'confirmed')
    .where('confirmed_at', '<', new Date(now.getTime() - UNDECIDED_ADDRESS_DAYS * DAY_MS).toISOString())
    .execute()
  return Number(deleted.numDeletedRows)
}

/** Everything kept about an organisation's signature, for its contact (GDPR access). */
export function organisationData(o: Organisation) {
  return {
    organisation: { name: o.name, kind: o.kind, url: o.url },
    proposed_change: proposedClaim(o) ?? null,
    contact: {
      name: o.contact_name,
      role: o.contact_role,
      // The address itself is kept as a keyed hash only, once the moderators decided.
      email_kept_in_clear: o.email !== null,
      email_domain: o.email_domain,
    },
    mandate: o.mandate,
    locale: o.locale,
    status: o.status,
    consent_version: o.consent_version,
    submitted_at: o.submitted_at,
    confirmed_at: o.confirmed_at,
    updated_at: o.updated_at,
    approved_at: o.approved_at,
    hidden_at: o.hidden_at,
    listed: isOrganisationListed(o),
    network_hash_kept: o.network_key !== null,
  }
}
