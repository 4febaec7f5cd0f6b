// What a signature goes through: requested (pending), confirmed from the mailed
// link (counted), edited, hidden or withdrawn (deleted for real).
import { isUniqueViolation, type Db, type Tx } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'
import type { Signature } from '../db/schema.js'
import { enqueueMail } from '../mail/outbox.js'
import { mailSite } from '../mail/layout.js'
import { renderMail, type MailKind } from '../mail/templates.js'
import { searchKey } from './clean-text.js'
import type { DomainContext } from './context.js'
import { adjustCounters, applySignatureDelta } from './counters.js'
import { sortKeyOf } from './display.js'
import { nameKeyOf, raiseFlags } from './flags.js'
import { AppError } from './errors.js'
import { absoluteUrl } from './links.js'
import { emailKey, normalizeEmail, type NormalizedEmail } from './normalize-email.js'
import { mailCapSince, mayMail, mayMailGiven, recipientOf, type Recipient } from './mail-cap.js'
import { mailOrganisationLink } from './organisations.js'
import { profileColumns } from './profile.js'
import type { ProfileFields, SignSubmission } from './sign-form.js'
import {
  decodeSubmission,
  encodeSubmission,
  keepsAddress,
  submissionOf,
  type Submission,
} from './submission.js'
import { hashToken, looksLikeToken, newToken } from './tokens.js'

const DAY_MS = 24 * 3600_000
const HOUR_MS = 3600_000

function searchTextOf(p: Pick<ProfileFields, 'firstName' | 'lastName' | 'institution'>): string {
  return searchKey(`${p.firstName} ${p.lastName} ${p.institution}`)
}

/**
 * A moderator approved a comment as it stood, for the use its signatory then asked:
 * the approval stands only for the same text, and a comment newly asked to be
 * published goes back to the moderators before it is shown.
 */
function commentApprovalKept(
  before: Pick<Signature, 'comment' | 'comment_approved_at' | 'publish_comment'>,
  after: Pick<ProfileFields, 'comment' | 'publishComment'>,
): string | null {
  const newlyPublished = after.publishComment && before.publish_comment !== 1
  return after.comment === before.comment && !newlyPublished ? before.comment_approved_at : null
}

/** What a signature's row keeps of a profile: its columns, and the keys derived from them. */
function profileRow(p: ProfileFields) {
  return {
    ...profileColumns(p),
    search_text: searchTextOf(p),
    name_key: nameKeyOf(p.firstName, p.lastName),
    sort_key: sortKeyOf(p.firstName, p.lastName, p.display),
  }
}

/**
 * Creates a single-purpose link for a signature and queues the mail that carries it.
 * A confirmation link carries the submission it confirms (see submission.ts).
 */
async function mailLink(
  ctx: DomainContext,
  tx: Tx,
  args: {
    signature: Pick<Signature, 'id' | 'first_name' | 'locale'>
    kind: MailKind
    to: NormalizedEmail
    recipient: Recipient
    now: Date
    submission?: Submission
  },
): Promise<void> {
  const { signature, kind, now } = args
  const site = ctx.config.site
  const purpose = kind === 'confirm' || kind === 'confirm_import' ? 'confirm' : 'manage'
  const validityMs = purpose === 'confirm' ? site.unconfirmedDays * DAY_MS : site.manageLinkHours * HOUR_MS
  const { token, hash } = newToken()
  await tx
    .insertInto('tokens')
    .values({
      hash,
      signature_id: signature.id,
      purpose,
      expires_at: new Date(now.getTime() + validityMs).toISOString(),
      created_at: now.toISOString(),
      submission: args.submission ? encodeSubmission(args.submission) : null,
    })
    .execute()
  const locale = args.submission?.locale ?? signature.locale
  const rendered = renderMail({
    kind,
    site: mailSite(ctx.config, locale, now),
    firstName: args.submission?.profile.firstName ?? signature.first_name,
    link: absoluteUrl(ctx.config, locale, `/${purpose}/${token}`),
    validity: purpose === 'confirm' ? site.unconfirmedDays : site.manageLinkHours,
    organisation: site.organisation,
  })
  await enqueueMail(
    tx,
    {
      ...rendered,
      kind,
      recipient: args.to.address,
      recipientHash: args.recipient.key,
      mailboxHash: args.recipient.mailbox,
      signatureId: signature.id,
    },
    now,
  )
}

/**
 * What deciding a signature request needs to know, in one statement (a round trip on
 * PostgreSQL): whether the domain is blocked, whether the address already signed,
 * whether it refused mail for good, and how many mails its mailbox got today.
 */
async function readSigningFacts(tx: Tx, domain: string, to: Recipient, now: Date) {
  const row = await tx
    .selectNoFrom((eb) => [
      eb.selectFrom('domains').select('blocked').where('domain', '=', domain).as('blocked'),
      eb.exists(eb.selectFrom('signatures').select('id').where('email_hash', '=', to.key)).as('existing'),
      eb
        .exists(eb.selectFrom('suppressions').select('email_hash').where('email_hash', '=', to.key))
        .as('suppressed'),
      eb
        .selectFrom('outbox')
        .select((o) => o.fn.countAll<number>().as('n'))
        .where('mailbox_hash', '=', to.mailbox)
        .where('created_at', '>=', mailCapSince(now).toISOString())
        .as('recent_mails'),
    ])
    .executeTakeFirstOrThrow()
  return {
    blocked: Boolean(row.blocked),
    existing: Boolean(row.existing),
    suppressed: Boolean(row.suppressed),
    recentMails: Number(row.recent_mails),
  }
}

/** Where a signature request comes from: the form, or a file of signatures gathered elsewhere. */
export interface SigningOrigin {
  /**
   * npm run import: the person asked for nothing here. A new address gets a pending
   * signature and a consent request (not the form's confirmation mail), and is recorded
   * so that no import mails it again; an address that signed, is pending, was imported
   * before or refused mail is left alone, and nobody is mailed anything else.
   */
  imported?: { initialSignatory: boolean }
}

/**
 * What became of a request, for the import's report only: the form's answer never
 * depends on it (it would tell who signed).
 */
export type SigningOutcome =
  | 'requested'
  | 'requested_again'
  | 'already_signed'
  | 'already_pending'
  | 'already_imported'
  | 'suppressed'
  | 'not_mailed'
  | 'blocked'

/**
 * Records a signature request and queues the mail that follows. The caller answers
 * the same whatever happened here, so the page never reveals who signed:
 * - a new address gets a pending signature and a confirmation link;
 * - a pending one gets one more link, carrying what was just typed: the signature
 *   as stored, and what every earlier link confirms, stay as they were;
 * - a confirmed one is left as it is and gets a mail saying so, with a manage link.
 */
export async function requestSignature(
  ctx: DomainContext,
  submission: SignSubmission,
  locale: string,
  /** The client's network as a keyed hash (networkKey), kept a few days for abuse checks. */
  network: string | null = null,
  origin: SigningOrigin = {},
): Promise<SigningOutcome> {
  const imported = origin.imported
  const recipient = await recipientOf(ctx, submission.email, network)
  const key = recipient.key
  const submitted: Submission = {
    profile: submission,
    email: keepsAddress(submission) ? submission.email.address : null,
    locale,
    consentVersion: ctx.config.site.consentVersion,
    ...(imported ? { imported: true } : {}),
  }
  let queued = false
  const attempt = () =>
    ctx.transact(async (tx): Promise<SigningOutcome> => {
      const now = ctx.now()
      const facts = await readSigningFacts(tx, submission.email.domain, recipient, now)
      // A domain blocked by the moderators: answered as any other, recorded nowhere.
      if (facts.blocked) return 'blocked'
      const existing = facts.existing
        ? await tx.selectFrom('signatures').selectAll().where('email_hash', '=', key).executeTakeFirst()
        : undefined
      const canMail = mayMailGiven(ctx.config.site, recipient, facts)
      if (imported) {
        if (existing) return existing.status === 'pending' ? 'already_pending' : 'already_signed'
        if (facts.suppressed) return 'suppressed'
        if (!canMail) return 'not_mailed'
        const before = await tx
          .selectFrom('imported_addresses')
          .select('email_hash')
          .where('email_hash', '=', key)
          .executeTakeFirst()
        if (before) return 'already_imported'
        await tx
          .insertInto('imported_addresses')
          .values({ email_hash: key, imported_at: now.toISOString() })
          .execute()
      }
      if (!existing) {
        const inserted = await tx
          .insertInto('signatures')
          .values({
            ...profileRow(submission),
            email_hash: key,
            email: submitted.email,
            email_domain: submission.email.domain,
            locale,
            status: 'pending',
            consent_version: submitted.consentVersion,
            submitted_at: now.toISOString(),
            updated_at: now.toISOString(),
            mails_sent: canMail ? 1 : 0,
            network_key: network,
            // Marked in the import file: among the «Premiers signataires» once confirmed.
            ...(imported?.initialSignatory ? { initial_signatory: 1 } : {}),
          })
          .returning(['id', 'first_name', 'locale', 'email_domain', 'name_key', 'network_key'])
          .executeTakeFirstOrThrow()
        await raiseFlags(tx, ctx.config, inserted, now)
        if (canMail)
          await mailLink(ctx, tx, {
            signature: inserted,
            kind: imported ? 'confirm_import' : 'confirm',
            to: submission.email,
            recipient,
            now,
            submission: submitted,
          })
        queued = canMail
        return canMail ? 'requested' : 'not_mailed'
      }
      if (existing.status === 'pending') {
        if (!canMail || existing.mails_sent >= ctx.config.site.maxMailsPerAddress) return 'not_mailed'
        // Only the bookkeeping moves: the new link's life (and so the pending
        // signature's) starts now, and the name typed this time is looked at too.
        await tx
          .updateTable('signatures')
          .set({
            submitted_at: now.toISOString(),
            mails_sent: existing.mails_sent + 1,
            network_key: network ?? existing.network_key,
          })
          .where('id', '=', existing.id)
          .execute()
        const nameKey = nameKeyOf(submission.firstName, submission.lastName)
        await raiseFlags(
          tx,
          ctx.config,
          {
            id: existing.id,
            email_domain: existing.email_domain,
            name_key: nameKey,
            network_key: network ?? existing.network_key,
          },
          now,
        )
        await mailLink(ctx, tx, {
          signature: existing,
          kind: 'confirm',
          to: submission.email,
          recipient,
          now,
          submission: submitted,
        })
        queued = true
        return 'requested_again'
      }
      if (canMail) {
        await mailLink(ctx, tx, {
          signature: existing,
          kind: 'already_signed',
          to: submission.email,
          recipient,
          now,
        })
        queued = true
      }
      return 'already_signed'
    })
  let outcome: SigningOutcome
  try {
    outcome = await attempt()
  } catch (err) {
    // Two identical submissions at once: the unique key let one insert through;
    // the other now finds it and follows the "already there" path.
    if (!isUniqueViolation(err)) throw err
    outcome = await attempt()
  }
  if (queued) ctx.mailQueued()
  return outcome
}

/**
 * Asks for a manage link by address; answers nothing about whether the address
 * signed, not even by the time it takes: the caller answers once the request is
 * counted, and the signature is looked up (and the mail queued) after the answer.
 */
export async function requestManageLink(
  ctx: DomainContext,
  email: NormalizedEmail,
  network: string | null,
): Promise<void> {
  const recipient = await recipientOf(ctx, email, network)
  ctx.afterAnswer(() => mailManageLink(ctx, email, recipient))
}

async function mailManageLink(
  ctx: DomainContext,
  email: NormalizedEmail,
  recipient: Recipient,
): Promise<void> {
  let queued = false
  await ctx.transact(async (tx) => {
    const now = ctx.now()
    queued = await mailSignatureLink(ctx, tx, email, recipient, now)
    // The same address may also have signed for an organisation: its link comes too.
    if (await mailOrganisationLink(ctx, tx, email, recipient, now)) queued = true
  })
  if (queued) ctx.mailQueued()
}

/** The link a personal signature's owner asked for; false when none is mailed. */
async function mailSignatureLink(
  ctx: DomainContext,
  tx: Tx,
  email: NormalizedEmail,
  recipient: Recipient,
  now: Date,
): Promise<boolean> {
  const signature = await tx
    .selectFrom('signatures')
    .selectAll()
    .where('email_hash', '=', recipient.key)
    .executeTakeFirst()
  if (!signature || !(await mayMail(ctx, tx, recipient, now))) return false
  if (signature.status === 'pending') {
    // Not confirmed yet: what this person needs is a confirmation link again, for
    // the signature as it is stored (its page shows what that is).
    if (signature.mails_sent >= ctx.config.site.maxMailsPerAddress) return false
    await tx
      .updateTable('signatures')
      .set({ mails_sent: signature.mails_sent + 1 })
      .where('id', '=', signature.id)
      .execute()
    await mailLink(ctx, tx, {
      signature,
      kind: 'confirm',
      to: email,
      recipient,
      now,
      submission: submissionOf(signature),
    })
  } else {
    await mailLink(ctx, tx, { signature, kind: 'manage', to: email, recipient, now })
  }
  return true
}

export interface TokenTarget {
  signature: Signature
  tokenHash: string
  /** True when the link was already used (a confirmation clicked twice). */
  used: boolean
  /** What a confirmation link confirms: its own submission, or the signature as stored for older links. */
  submission: Submission
}

/**
 * Finds the signature a live link points to; throws token_invalid for anything else.
 * Inside a transaction on PostgreSQL the rows are locked, so that confirming,
 * editing and withdrawing the same signature at once happen one after the other.
 */
async function findByToken(
  tx: Tx | Db,
  token: string,
  purpose: 'confirm' | 'manage',
  now: Date,
): Promise<TokenTarget> {
  if (!looksLikeToken(token)) throw new AppError('token_invalid')
  const tokenHash = hashToken(token)
  let query = tx
    .selectFrom('tokens')
    .innerJoin('signatures', 'signatures.id', 'tokens.signature_id')
    .selectAll('signatures')
    .select([
      'tokens.expires_at as token_expires_at',
      'tokens.used_at as token_used_at',
      'tokens.purpose as token_purpose',
      'tokens.submission as token_submission',
    ])
    .where('tokens.hash', '=', tokenHash)
  if (tx.isTransaction && isPostgres(tx)) {
    // The signature is locked before its tokens, by every transaction that goes through a
    // link: a confirmation racing a withdrawal then waits its turn instead of deadlocking
    // (a row lock taken through the join would lock token and signature in either order).
    const owner = await tx
      .selectFrom('tokens')
      .select('signature_id')
      .where('hash', '=', tokenHash)
      .executeTakeFirst()
    if (owner)
      await tx
        .selectFrom('signatures')
        .select('id')
        .where('id', '=', owner.signature_id)
        .forUpdate()
        .execute()
    query = query.forUpdate()
  }
  const row = await query.executeTakeFirst()
  if (!row || row.token_purpose !== purpose || row.token_expires_at <= now.toISOString())
    throw new AppError('token_invalid')
  const { token_expires_at: _e, token_used_at, token_purpose: _p, token_submission, ...signature } = row
  return {
    signature,
    tokenHash,
    used: token_used_at !== null,
    submission: decodeSubmission(token_submission) ?? submissionOf(signature),
  }
}

/** For the page behind a confirmation link: who is about to be confirmed, with which choices. */
export async function findConfirmation(ctx: DomainContext, token: string): Promise<TokenTarget> {
  return findByToken(ctx.db, token, 'confirm', ctx.now())
}

/**
 * Confirms the signature a link points to, with the submission that link carries,
 * once: a second click, or a second concurrent request, finds it confirmed and
 * changes nothing. The address's other confirmation links die with what was
 * submitted with them: whoever owns the mailbox chose this one.
 */
export async function confirmSignature(ctx: DomainContext, token: string): Promise<Signature> {
  return ctx.transact(async (tx) => {
    const now = ctx.now()
    const { signature, tokenHash, submission } = await findByToken(tx, token, 'confirm', now)
    await tx
      .updateTable('tokens')
      .set({ used_at: now.toISOString(), submission: null })
      .where('hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .execute()
    if (signature.status === 'confirmed') return signature
    // Without pre-moderation a confirmed signature is approved at once; with it, a moderator approves.
    const approvedAt = ctx.config.site.moderation.preModeration ? null : now.toISOString()
    const { profile } = submission
    const confirmed = await tx
      .updateTable('signatures')
      .set({
        ...profileRow(profile),
        email: submission.email,
        locale: submission.locale,
        consent_version: submission.consentVersion,
        comment_approved_at: commentApprovalKept(signature, profile),
        status: 'confirmed',
        confirmed_at: now.toISOString(),
        updated_at: now.toISOString(),
        approved_at: approvedAt,
      })
      .where('id', '=', signature.id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst()
    if (!confirmed) return signature
    await applySignatureDelta(tx, ctx.config.site, signature, confirmed, now)
    await tx
      .deleteFrom('tokens')
      .where('signature_id', '=', signature.id)
      .where('purpose', '=', 'confirm')
      .where('hash', '!=', tokenHash)
      .execute()
    return confirmed
  })
}

/** For the manage page: the signature behind a live manage link. */
export async function findManagedSignature(ctx: DomainContext, token: string): Promise<TokenTarget> {
  return findByToken(ctx.db, token, 'manage', ctx.now())
}

export type UpdateOutcome = { ok: true; signature: Signature } | { ok: false; reason: 'email_mismatch' }

/**
 * Changes the public fields and choices of a signature. Asking for news needs the
 * address in clear, which is not kept otherwise: the signatory types it again and it
 * must be the one they signed with.
 */
export async function updateSignature(
  ctx: DomainContext,
  token: string,
  profile: ProfileFields,
  emailForUpdates: string | undefined,
): Promise<UpdateOutcome> {
  return ctx.transact(async (tx): Promise<UpdateOutcome> => {
    const now = ctx.now()
    const { signature } = await findByToken(tx, token, 'manage', now)
    let email = signature.email
    if (!keepsAddress(profile)) email = null
    else if (email === null) {
      const typed = normalizeEmail(emailForUpdates ?? '')
      if (!typed || emailKey(ctx.config.secret, typed) !== signature.email_hash)
        return { ok: false, reason: 'email_mismatch' }
      email = typed.address
    }
    // An edited comment, or one newly asked to be published, goes back to the moderators.
    const changes = {
      ...profileRow(profile),
      email,
      updated_at: now.toISOString(),
      comment_approved_at: commentApprovalKept(signature, profile),
    }
    const updated = await tx
      .updateTable('signatures')
      .set(changes)
      .where('id', '=', signature.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await applySignatureDelta(tx, ctx.config.site, signature, updated, now)
    return { ok: true, signature: updated }
  })
}

/** Withdraws a signature: the row, its links and any mail still queued for it are deleted. */
export async function withdrawSignature(ctx: DomainContext, token: string): Promise<void> {
  await ctx.transact(async (tx) => {
    const now = ctx.now()
    const { signature } = await findByToken(tx, token, 'manage', now)
    await tx
      .deleteFrom('outbox')
      .where('signature_id', '=', signature.id)
      .where('status', '=', 'pending')
      .execute()
    // The record of stopping news is about this signature: it goes with it.
    await tx.deleteFrom('news_unsubscribes').where('signature_id', '=', signature.id).execute()
    // What is deleted decides what is uncounted, not what was read before.
    const deleted = await tx
      .deleteFrom('signatures')
      .where('id', '=', signature.id)
      .returningAll()
      .executeTakeFirst()
    await applySignatureDelta(tx, ctx.config.site, deleted, null, now)
    if (deleted?.status === 'confirmed') await adjustCounters(tx, { withdrawn: 1 }, now)
  })
}
