// The debate relay: someone writes to the signatories of one institution who said
// they are willing to help organise a debate. Their addresses are never shown; the
// sender confirms their own address first (double opt-in), messages are limited per
// sender and per institution, and each relayed mail carries a link to stop them.
import { sql, type Tx } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'
import type { RelayMessage } from '../db/schema.js'
import { enqueueMail, isSuppressed } from '../mail/outbox.js'
import { mailSite } from '../mail/layout.js'
import { renderRelayConfirm, renderRelayed } from '../mail/relay-templates.js'
import { cleanLine, cleanParagraphs } from './clean-text.js'
import type { DomainContext } from './context.js'
import { AppError } from './errors.js'
import { absoluteUrl } from './links.js'
import { mailboxKey, normalizeEmail, type NormalizedEmail } from './normalize-email.js'
import { mayMail, recipientOf } from './mail-cap.js'
import { leaveChoice } from './opt-outs.js'
import type { FieldErrorKey } from './sign-form.js'
import { SignatureStates } from './signature-state.js'
import { checkStopLinkKey, hashToken, looksLikeToken, newToken, stopLinkKey } from './tokens.js'

const HOUR_MS = 3600_000
const DAY_MS = 24 * HOUR_MS
export const RELAY_NAME_MAX = 100

export interface RelayForm {
  name: string
  email: NormalizedEmail
  message: string
}

export type RelayFormResult =
  | { ok: true; value: RelayForm }
  | { ok: false; errors: Partial<Record<'name' | 'email' | 'message', FieldErrorKey>> }

/**
 * Whether an address belongs to the institution of a domain: the domain itself or one
 * of its subdomains (etu.univ-tlse3.fr for univ-tlse3.fr). Only colleagues may write
 * to those willing to organise a debate, and confirming the address proves it.
 */
export function belongsToInstitution(email: NormalizedEmail, domain: string): boolean {
  return email.domain === domain || email.domain.endsWith(`.${domain}`)
}

export function parseRelayForm(
  maxMessage: number,
  values: { name?: string; email?: string; message?: string },
  /** The institution written to: the sender's address must be one of it. */
  institutionDomain: string,
): RelayFormResult {
  const errors: Partial<Record<'name' | 'email' | 'message', FieldErrorKey>> = {}
  const name = cleanLine(values.name ?? '')
  const message = cleanParagraphs(values.message ?? '')
  const email = normalizeEmail(values.email ?? '')
  if (!name) errors.name = 'required'
  else if (name.length > RELAY_NAME_MAX) errors.name = 'too_long'
  if (!(values.email ?? '').trim()) errors.email = 'required'
  else if (!email) errors.email = 'email_invalid'
  else if (!belongsToInstitution(email, institutionDomain)) errors.email = 'email_other_institution'
  if (!message) errors.message = 'required'
  else if (message.length > maxMessage) errors.message = 'too_long'
  if (Object.keys(errors).length > 0 || !email) return { ok: false, errors }
  return { ok: true, value: { name, email, message } }
}

/**
 * Holds a message until its sender confirms their address, and mails them the link.
 * Answers nothing: the page says the same whether or not a mail could go.
 */
export async function requestRelay(
  ctx: DomainContext,
  args: { domain: string; institution: string; form: RelayForm; locale: string; network: string },
): Promise<void> {
  const site = ctx.config.site
  const sender = await recipientOf(ctx, args.form.email, args.network)
  const senderHash = sender.key
  let queued = false
  await ctx.transact(async (tx) => {
    const now = ctx.now()
    if (!(await mayMail(ctx, tx, sender, now))) return
    const { token, hash } = newToken()
    await tx
      .insertInto('relay_messages')
      .values({
        domain: args.domain,
        sender_hash: senderHash,
        sender_email: args.form.email.address,
        sender_name: args.form.name,
        body: args.form.message,
        locale: args.locale,
        confirm_hash: hash,
        status: 'pending',
        recipients: 0,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + site.manageLinkHours * HOUR_MS).toISOString(),
      })
      .execute()
    const mail = renderRelayConfirm({
      site: mailSite(ctx.config, args.locale, now),
      name: args.form.name,
      institution: args.institution,
      link: absoluteUrl(ctx.config, args.locale, `/relay/${token}`),
      hours: site.manageLinkHours,
    })
    await enqueueMail(
      tx,
      {
        ...mail,
        kind: 'relay_confirm',
        recipient: args.form.email.address,
        recipientHash: senderHash,
        mailboxHash: sender.mailbox,
        signatureId: null,
      },
      now,
    )
    queued = true
  })
  if (queued) ctx.mailQueued()
}

async function findPending(tx: Tx | DomainContext['db'], token: string, now: Date): Promise<RelayMessage> {
  if (!looksLikeToken(token)) throw new AppError('token_invalid')
  let q = tx.selectFrom('relay_messages').selectAll().where('confirm_hash', '=', hashToken(token))
  if (tx.isTransaction && isPostgres(tx)) q = q.forUpdate()
  const relay = await q.executeTakeFirst()
  if (relay?.status !== 'pending' || relay.expires_at <= now.toISOString())
    throw new AppError('token_invalid')
  return relay
}

/** For the page behind the sender's link: the message about to be relayed. */
export async function findPendingRelay(
  ctx: DomainContext,
  token: string,
): Promise<RelayMessage & { tokenHash: string }> {
  const relay = await findPending(ctx.db, token, ctx.now())
  return { ...relay, tokenHash: relay.confirm_hash }
}

/** The key of the stop link of one signatory: only the site can make it. */
export type RelayOutcome = { ok: true; recipients: number } | { ok: false; reason: 'limited' }

/**
 * Relays a confirmed message: one mail per willing signatory of the institution,
 * through the outbox, each with its stop link; then erases the sender's address and
 * text. Refused beyond the limits per sender and per institution over a day.
 */
export async function sendRelay(
  ctx: DomainContext,
  token: string,
  institution: string,
): Promise<RelayOutcome> {
  const site = ctx.config.site
  let sent = 0
  const outcome = await ctx.transact(async (tx): Promise<RelayOutcome> => {
    const now = ctx.now()
    const relay = await findPending(tx, token, now)
    // Two messages confirmed at once must not both slip under a limit: on PostgreSQL they
    // take turns per institution and per sender (always in that order, so no deadlock).
    // SQLite runs one write transaction at a time anyway.
    if (isPostgres(tx)) {
      await sql`select pg_advisory_xact_lock(hashtext(${`relay-domain:${relay.domain}`}))`.execute(tx)
      await sql`select pg_advisory_xact_lock(hashtext(${`relay-sender:${relay.sender_hash}`}))`.execute(tx)
    }
    const since = new Date(now.getTime() - DAY_MS).toISOString()
    const count = async (column: 'sender_hash' | 'domain', value: string) =>
      Number(
        (
          await tx
            .selectFrom('relay_messages')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(column, '=', value)
            .where('status', '=', 'sent')
            .where('sent_at', '>=', since)
            .executeTakeFirstOrThrow()
        ).n,
      )
    if ((await count('sender_hash', relay.sender_hash)) >= site.debateMaxPerSender)
      return { ok: false, reason: 'limited' }
    if ((await count('domain', relay.domain)) >= site.debateMaxPerInstitution)
      return { ok: false, reason: 'limited' }
    const recipients = await tx
      .selectFrom('signatures')
      .select(['id', 'email', 'email_hash', 'first_name', 'locale'])
      .where('email_domain', '=', relay.domain)
      // An invalidated signature (an attack's) is relayed nothing, as it is counted nowhere.
      .where(SignatureStates.confirmed.where)
      .where('wants_debate', '=', 1)
      .where('email', 'is not', null)
      .execute()
    for (const r of recipients) {
      if (r.email_hash === relay.sender_hash || (await isSuppressed(tx, r.email_hash))) continue
      const stopLink = absoluteUrl(
        ctx.config,
        r.locale,
        `/debate/stop/${r.id}/${stopLinkKey(ctx.config.secret, 'debate-stop', r.id)}`,
      )
      const mail = renderRelayed({
        site: mailSite(ctx.config, r.locale, now),
        firstName: r.first_name,
        senderName: relay.sender_name!,
        senderEmail: relay.sender_email!,
        institution,
        message: relay.body!,
        stopLink,
      })
      // Mail clients offer their own "unsubscribe" (RFC 8058: a POST to the stop link),
      // and answering goes straight to the sender, who agreed to be known to them.
      const headers = {
        'List-Unsubscribe': `<${stopLink}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Reply-To': relay.sender_email!,
      }
      // Kept addresses were normalised when typed; one that no longer reads as one still counts as itself.
      const mailbox = mailboxKey(
        ctx.config.secret,
        normalizeEmail(r.email!) ?? { address: r.email!, domain: r.email!.split('@').pop()! },
      )
      await enqueueMail(
        tx,
        {
          ...mail,
          kind: 'relay',
          recipient: r.email!,
          recipientHash: r.email_hash,
          mailboxHash: mailbox,
          signatureId: r.id,
          headers,
        },
        now,
      )
      sent++
    }
    await tx
      .updateTable('relay_messages')
      .set({
        status: 'sent',
        sent_at: now.toISOString(),
        recipients: sent,
        sender_email: null,
        sender_name: null,
        body: null,
      })
      .where('id', '=', relay.id)
      .execute()
    return { ok: true, recipients: sent }
  })
  if (sent > 0) ctx.mailQueued()
  return outcome
}

/**
 * No more relayed messages for this signatory: the opt-in is cleared (and counted so),
 * and the address is erased unless they also asked for news.
 */
export async function stopDebateMessages(
  ctx: DomainContext,
  signatureId: number,
  key: string,
): Promise<void> {
  checkStopLinkKey(ctx.config.secret, 'debate-stop', signatureId, key)
  await ctx.transact(async (tx) => {
    await leaveChoice(ctx, tx, signatureId, 'wants_debate', ctx.now())
  })
}
