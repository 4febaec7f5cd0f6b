// The durable outbox: a mail is written in the same transaction as the signature
// that needs it, so an acknowledged signature always has its mail, whatever
// happens to the SMTP server or the process afterwards.
import type { Db, Tx } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'
import type { OutboxRow } from '../db/schema.js'
import type { RenderedMail } from './templates.js'

export interface NewMail extends RenderedMail {
  kind: string
  recipient: string
  recipientHash: string
  /** mailboxKey of the recipient: what the cap on mail per recipient counts. */
  mailboxHash: string
  signatureId: number | null
  /** The organisation the mail is about: its queued mails go when it is withdrawn. */
  organisationId?: number
  /** Extra headers, e.g. List-Unsubscribe for mails one can stop. */
  headers?: Record<string, string>
}

/** Delays before each retry of a temporary failure: the first within a minute, then backing off. */
export const RETRY_DELAYS_MS = [
  60_000,
  5 * 60_000,
  15 * 60_000,
  60 * 60_000,
  3 * 3600_000,
  6 * 3600_000,
  12 * 3600_000,
  24 * 3600_000,
]

/** Queues one mail; returns its outbox id (a news sending keeps it to read the mail's delivery). */
export async function enqueueMail(tx: Tx, mail: NewMail, now: Date): Promise<number> {
  const row = await tx
    .insertInto('outbox')
    .values({
      signature_id: mail.signatureId,
      organisation_id: mail.organisationId ?? null,
      kind: mail.kind,
      recipient: mail.recipient,
      recipient_hash: mail.recipientHash,
      mailbox_hash: mail.mailboxHash,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      headers: mail.headers ? JSON.stringify(mail.headers) : null,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Mails queued for one mailbox (mailboxKey) since `since`: bounds how many the forms can trigger. */
export async function countMailsSince(tx: Tx | Db, mailboxHash: string, since: Date): Promise<number> {
  const row = await tx
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mailbox_hash', '=', mailboxHash)
    .where('created_at', '>=', since.toISOString())
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Claims due mails for this worker until `leaseUntil`. On PostgreSQL, rows locked by
 * another instance are skipped, so two servers never send the same mail at once.
 */
export async function claimDueMails(
  db: Tx,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<OutboxRow[]> {
  const nowIso = now.toISOString()
  let due = db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowIso)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
    // The order of the outbox_due index: the first due rows are read and no more,
    // where ordering by id would sort the whole backlog after a burst at every claim.
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
  if (isPostgres(db)) due = due.forUpdate().skipLocked()
  return db
    .updateTable('outbox')
    .set({ locked_until: leaseUntil.toISOString() })
    .where('id', 'in', due)
    .returningAll()
    .execute()
}

/** Gives claimed mails back untried: due as they were, for the next pass of any worker. */
export async function releaseClaims(db: Tx, ids: number[]): Promise<void> {
  await db.updateTable('outbox').set({ locked_until: null }).where('id', 'in', ids).execute()
}

/**
 * What a mail that left the queue, sent or given up, no longer holds: the address, and
 * the subject, bodies and headers that carry a live link or a name. Only the hashes,
 * the kind and the dates remain, for the caps on mail and for moderators.
 */
const ERASED_ONCE_DONE = {
  recipient: null,
  subject: null,
  text_body: null,
  html_body: null,
  headers: null,
  locked_until: null,
} as const

/** Sent: the recipient and the bodies (which hold a live link) are erased at once. */
export async function markSent(db: Tx, id: number, now: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ ...ERASED_ONCE_DONE, status: 'sent', sent_at: now.toISOString(), last_error: null })
    .where('id', '=', id)
    .execute()
}

/** A temporary failure: try again later, or give up once the retries are exhausted. */
export async function markRetry(db: Tx, row: OutboxRow, code: string, now: Date): Promise<'retry' | 'dead'> {
  const attempts = row.attempts + 1
  const delay = RETRY_DELAYS_MS[attempts - 1]
  if (delay === undefined) {
    await markDead(db, row.id, code)
    return 'dead'
  }
  await db
    .updateTable('outbox')
    .set({
      attempts,
      next_attempt_at: new Date(now.getTime() + delay).toISOString(),
      locked_until: null,
      last_error: code,
    })
    .where('id', '=', row.id)
    .execute()
  return 'retry'
}

/** Given up: the row stays (for moderators to see) but loses everything personal. */
export async function markDead(db: Tx, id: number, code: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ ...ERASED_ONCE_DONE, status: 'dead', last_error: code })
    .where('id', '=', id)
    .execute()
}

/** A permanent refusal (5xx): no more mail to this address from the forms. */
export async function suppressAddress(db: Tx, emailHash: string, reason: string, now: Date): Promise<void> {
  await db
    .insertInto('suppressions')
    .values({ email_hash: emailHash, reason, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('email_hash').doNothing())
    .execute()
}

export async function isSuppressed(tx: Tx | Db, emailHash: string): Promise<boolean> {
  const row = await tx
    .selectFrom('suppressions')
    .select('email_hash')
    .where('email_hash', '=', emailHash)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * The outbox as an operator watches it: mails waiting and the oldest one's age, mails
 * given up on. Each count reads only rows of its status (the outbox_due index), not
 * the month of sent mail kept beside them: cheap enough for a probe every few seconds.
 */
export async function outboxHealth(
  db: Db,
  now: Date,
): Promise<{ waiting: number; oldestWaitingSeconds: number; failed: number }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('outbox')
        .select((o) => o.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .as('waiting'),
      eb
        .selectFrom('outbox')
        .select((o) => o.fn.min<string>('created_at').as('m'))
        .where('status', '=', 'pending')
        .as('oldest'),
      eb
        .selectFrom('outbox')
        .select((o) => o.fn.countAll<number>().as('n'))
        .where('status', '=', 'dead')
        .as('failed'),
    ])
    .executeTakeFirstOrThrow()
  const oldest = row.oldest
    ? Math.max(0, Math.round((now.getTime() - new Date(row.oldest).getTime()) / 1000))
    : 0
  return { waiting: Number(row.waiting ?? 0), oldestWaitingSeconds: oldest, failed: Number(row.failed ?? 0) }
}
