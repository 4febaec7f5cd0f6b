// Retention: what is no longer needed is deleted, on a schedule inside the server
// and on demand (npm run purge).
import type { DomainContext } from './context.js'

const DAY_MS = 24 * 3600_000
/** Sent and dead mails keep only a hash and dates; after this they go too. */
export const OUTBOX_RETENTION_DAYS = 30

export interface PurgeReport {
  unconfirmedSignatures: number
  expiredTokens: number
  oldMails: number
}

export async function purgeExpired(ctx: Pick<DomainContext, 'db' | 'config' | 'now'>): Promise<PurgeReport> {
  const now = ctx.now()
  const site = ctx.config.site
  const unconfirmedBefore = new Date(now.getTime() - site.unconfirmedDays * DAY_MS).toISOString()
  const mailsBefore = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * DAY_MS).toISOString()
  return ctx.db.transaction().execute(async (tx) => {
    // Mails still queued for signatures about to go are deleted with them.
    await tx
      .deleteFrom('outbox')
      .where('status', '=', 'pending')
      .where('signature_id', 'in', (eb) =>
        eb.selectFrom('signatures').select('id').where('status', '=', 'pending').where('submitted_at', '<', unconfirmedBefore),
      )
      .execute()
    const signatures = await tx
      .deleteFrom('signatures')
      .where('status', '=', 'pending')
      .where('submitted_at', '<', unconfirmedBefore)
      .executeTakeFirst()
    const tokens = await tx.deleteFrom('tokens').where('expires_at', '<', now.toISOString()).executeTakeFirst()
    // A message whose sender never confirmed holds an address and a text: it goes with its link.
    // Relayed ones keep only a hash and dates, for the daily limits, then go with old mail.
    await tx.deleteFrom('relay_messages').where('status', '=', 'pending').where('expires_at', '<', now.toISOString()).execute()
    await tx.deleteFrom('relay_messages').where('status', '!=', 'pending').where('created_at', '<', mailsBefore).execute()
    const mails = await tx
      .deleteFrom('outbox')
      .where('status', 'in', ['sent', 'dead'])
      .where('created_at', '<', mailsBefore)
      .executeTakeFirst()
    return {
      unconfirmedSignatures: Number(signatures.numDeletedRows),
      expiredTokens: Number(tokens.numDeletedRows),
      oldMails: Number(mails.numDeletedRows),
    }
  })
}
