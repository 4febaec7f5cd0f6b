// How moderators log in: a single-use link mailed to them (only its hash is kept),
// whose page shows a button; pressing it opens a session. The session id lives in
// a cookie, the database keeps its hash; the CSRF token of every admin form is
// derived from it with the server's secret.
import { createHmac } from 'node:crypto'
import type { AdminSession } from '../db/schema.js'
import { enqueueMail } from '../mail/outbox.js'
import { renderAdminLoginMail } from '../mail/admin-login-mail.js'
import { mailSite } from '../mail/layout.js'
import { recordAudit } from './audit.js'
import type { DomainContext } from './context.js'
import { emailKey, mailboxKey, normalizeEmail, type NormalizedEmail } from './normalize-email.js'
import { formLimits, loginMailTally, loginPairLimit, type LimitOutcome, type Origin } from './rate-limits.js'
import { isModerator } from './moderators.js'
import { hashToken, looksLikeToken, newToken, sameSecret } from './tokens.js'

export type { AdminSession }

/**
 * Counts a login request and, if the address is a moderator's, mails a link after
 * the answer. The answer is the same, in the same time, whatever the address:
 * refused (429) only by the limits per network and per (network, address), which
 * count every request alike. Mails to one mailbox are capped per hour from all
 * networks together, except that the first request from a network that has not
 * asked for it this hour is always mailed: whoever asks for a moderator's link from
 * elsewhere, the moderator gets one from their own network.
 */
export async function requestLoginLink(
  ctx: DomainContext,
  rawEmail: string,
  origin: Origin,
  locale: string,
): Promise<LimitOutcome> {
  const now = ctx.now()
  const limits = ctx.config.site.limits
  const email = normalizeEmail(rawEmail)
  if (!email) return ctx.limiter.hit(formLimits('login', limits, origin), 1, now)
  const mailbox = mailboxKey(ctx.config.secret, email)
  const counted = [...formLimits('login', limits, origin), loginPairLimit(limits, origin.network, mailbox)]
  const verdict = await ctx.limiter.hit(counted, 1, now, [loginMailTally(mailbox)])
  if (!verdict.ok) return verdict
  const [pair, mails] = verdict.totals.slice(counted.length - 1)
  if (pair === 1 || mails! <= limits.loginMailsPerHour)
    ctx.afterAnswer(() => mailLoginLink(ctx, email, mailbox, locale))
  return verdict
}

async function mailLoginLink(
  ctx: DomainContext,
  email: NormalizedEmail,
  mailbox: string,
  locale: string,
): Promise<void> {
  if (!(await isModerator(ctx.db, ctx.config, email.address))) return
  const now = ctx.now()
  const address = email.address.toLowerCase()
  const { token, hash } = newToken()
  const minutes = ctx.config.site.moderation.loginLinkMinutes
  await ctx.transact(async (tx) => {
    await tx
      .insertInto('admin_login_links')
      .values({
        hash,
        email: address,
        locale,
        expires_at: new Date(now.getTime() + minutes * 60_000).toISOString(),
        used_at: null,
        created_at: now.toISOString(),
      })
      .execute()
    const mail = renderAdminLoginMail({
      site: mailSite(ctx.config, locale, now),
      link: `${ctx.config.baseUrl}/admin/login/${token}`,
      minutes,
    })
    const recipientHash = emailKey(ctx.config.secret, email)
    await enqueueMail(
      tx,
      {
        ...mail,
        kind: 'admin_login',
        recipient: address,
        recipientHash,
        mailboxHash: mailbox,
        signatureId: null,
      },
      now,
    )
  })
  ctx.mailQueued()
}

export interface LoginLink {
  email: string
  locale: string
  tokenHash: string
}

/** The live login link behind a token, or undefined (unknown, used or expired). */
export async function findLoginLink(ctx: DomainContext, token: string): Promise<LoginLink | undefined> {
  if (!looksLikeToken(token)) return undefined
  const tokenHash = hashToken(token)
  const row = await ctx.db
    .selectFrom('admin_login_links')
    .selectAll()
    .where('hash', '=', tokenHash)
    .executeTakeFirst()
  if (!row || row.used_at !== null || row.expires_at <= ctx.now().toISOString()) return undefined
  return { email: row.email, locale: row.locale, tokenHash }
}

/**
 * Uses a login link, once, and opens a session. Returns the session id for the
 * cookie, or undefined when the link is not live or its address no longer moderates.
 */
export async function logIn(
  ctx: DomainContext,
  token: string,
): Promise<{ sessionId: string; expiresAt: Date } | undefined> {
  const link = await findLoginLink(ctx, token)
  if (!link) return undefined
  const now = ctx.now()
  return ctx.transact(async (tx) => {
    // Only one request can mark the link used: a replay finds nothing to update.
    const used = await tx
      .updateTable('admin_login_links')
      .set({ used_at: now.toISOString() })
      .where('hash', '=', link.tokenHash)
      .where('used_at', 'is', null)
      .executeTakeFirst()
    if (Number(used.numUpdatedRows) !== 1) return undefined
    if (!(await isModerator(tx, ctx.config, link.email))) return undefined
    const { token: sessionId, hash } = newToken()
    const expiresAt = new Date(now.getTime() + ctx.config.site.moderation.sessionHours * 3600_000)
    await tx
      .insertInto('admin_sessions')
      .values({
        hash,
        email: link.email,
        locale: link.locale,
        expires_at: expiresAt.toISOString(),
        created_at: now.toISOString(),
      })
      .execute()
    await recordAudit(tx, { actor: link.email, action: 'login' }, now)
    return { sessionId, expiresAt }
  })
}

/** The live session of a cookie value, or undefined. A removed moderator has none. */
export async function findSession(
  ctx: DomainContext,
  sessionId: string | undefined,
): Promise<AdminSession | undefined> {
  if (!sessionId || !looksLikeToken(sessionId)) return undefined
  const row = await ctx.db
    .selectFrom('admin_sessions')
    .selectAll()
    .where('hash', '=', hashToken(sessionId))
    .executeTakeFirst()
  if (!row || row.expires_at <= ctx.now().toISOString()) return undefined
  if (!(await isModerator(ctx.db, ctx.config, row.email))) return undefined
  return row
}

export async function logOut(ctx: DomainContext, session: AdminSession): Promise<void> {
  await ctx.transact(async (tx) => {
    await tx.deleteFrom('admin_sessions').where('hash', '=', session.hash).execute()
    await recordAudit(tx, { actor: session.email, action: 'logout' }, ctx.now())
  })
}

export async function setSessionLocale(
  ctx: DomainContext,
  session: AdminSession,
  locale: string,
): Promise<void> {
  await ctx.transact((tx) =>
    tx.updateTable('admin_sessions').set({ locale }).where('hash', '=', session.hash).execute(),
  )
}

/** The CSRF token of a session's forms: derived, so nothing more is stored. */
export function sessionCsrf(secret: string, session: Pick<AdminSession, 'hash'>): string {
  return createHmac('sha256', secret).update(`admin-csrf:${session.hash}`).digest('base64url')
}

export function checkSessionCsrf(
  secret: string,
  session: Pick<AdminSession, 'hash'>,
  value: string | undefined,
): boolean {
  return sameSecret(sessionCsrf(secret, session), value)
}

/** The CSRF value of the button behind a login link (no session exists yet). */
export function loginCsrf(secret: string, tokenHash: string): string {
  return createHmac('sha256', secret).update(`admin-login:${tokenHash}`).digest('base64url')
}

export function checkLoginCsrf(secret: string, tokenHash: string, value: string | undefined): boolean {
  return sameSecret(loginCsrf(secret, tokenHash), value)
}
