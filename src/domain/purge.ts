// Retention: what is no longer needed is deleted, on a schedule inside the server
// and on demand (npm run purge).
import type { DomainContext } from './context.js'
import { purgeOrganisations } from './organisations.js'
import { forgetNumberedEntries } from './transparency/log.js'

const DAY_MS = 24 * 3600_000
/** Sent and dead mails keep only a hash and dates; after this they go too. */
export const OUTBOX_RETENTION_DAYS = 30

export interface PurgeReport {
  unconfirmedSignatures: number
  /** Organisations' requests never confirmed. */
  unconfirmedOrganisations: number
  expiredTokens: number
  oldMails: number
  /** Signatures whose keyed network hash was erased. */
  networkTraces: number
  invalidatedSignatures: number
  auditEntries: number
  /** Expired login links and sessions of moderators. */
  adminRecords: number
}

export async function purgeExpired(
  ctx: Pick<DomainContext, 'transact' | 'config' | 'now'>,
): Promise<PurgeReport> {
  const now = ctx.now()
  const site = ctx.config.site
  const unconfirmedBefore = new Date(now.getTime() - site.unconfirmedDays * DAY_MS).toISOString()
  const mailsBefore = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * DAY_MS).toISOString()
  const m = site.moderation
  const tracesBefore = new Date(now.getTime() - m.networkTraceDays * DAY_MS).toISOString()
  const invalidatedBefore = new Date(now.getTime() - m.invalidatedDays * DAY_MS).toISOString()
  const auditBefore = new Date(now.getTime() - m.auditDays * DAY_MS).toISOString()
  return ctx.transact(async (tx) => {
    // Mails still queued for signatures about to go are deleted with them.
    await tx
      .deleteFrom('outbox')
      .where('status', '=', 'pending')
      .where('signature_id', 'in', (eb) =>
        eb
          .selectFrom('signatures')
          .select('id')
          .where('status', '=', 'pending')
          .where('submitted_at', '<', unconfirmedBefore),
      )
      .execute()
    const signatures = await tx
      .deleteFrom('signatures')
      .where('status', '=', 'pending')
      .where('submitted_at', '<', unconfirmedBefore)
      .executeTakeFirst()
    const tokens = await tx
      .deleteFrom('tokens')
      .where('expires_at', '<', now.toISOString())
      .executeTakeFirst()
    // A message whose sender never confirmed holds an address and a text: it goes with its link.
    // Relayed ones keep only a hash and dates, for the daily limits, then go with old mail.
    await tx
      .deleteFrom('relay_messages')
      .where('status', '=', 'pending')
      .where('expires_at', '<', now.toISOString())
      .execute()
    await tx
      .deleteFrom('relay_messages')
      .where('status', '!=', 'pending')
      .where('created_at', '<', mailsBefore)
      .execute()
    const mails = await tx
      .deleteFrom('outbox')
      .where('status', 'in', ['sent', 'dead'])
      .where('created_at', '<', mailsBefore)
      .executeTakeFirst()
    const traces = await tx
      .updateTable('signatures')
      .set({ network_key: null })
      .where('network_key', 'is not', null)
      .where('submitted_at', '<', tracesBefore)
      .executeTakeFirst()
    const organisations = await purgeOrganisations(tx, now, unconfirmedBefore, tracesBefore)
    // Invalidated signatures left the counts when they were invalidated: deleting them changes no count.
    const invalidated = await tx
      .deleteFrom('signatures')
      .where('invalidated_at', 'is not', null)
      .where('invalidated_at', '<', invalidatedBefore)
      .executeTakeFirst()
    const audit = await tx.deleteFrom('audit_log').where('at', '<', auditBefore).executeTakeFirst()
    const links = await tx
      .deleteFrom('admin_login_links')
      .where('expires_at', '<', now.toISOString())
      .executeTakeFirst()
    const sessions = await tx
      .deleteFrom('admin_sessions')
      .where('expires_at', '<', now.toISOString())
      .executeTakeFirst()
    // The log keeps its entries for ever; the pending rows they were numbered from go.
    await forgetNumberedEntries(tx, new Date(now.getTime() - DAY_MS))
    return {
      unconfirmedSignatures: Number(signatures.numDeletedRows),
      unconfirmedOrganisations: organisations,
      expiredTokens: Number(tokens.numDeletedRows),
      oldMails: Number(mails.numDeletedRows),
      networkTraces: Number(traces.numUpdatedRows),
      invalidatedSignatures: Number(invalidated.numDeletedRows),
      auditEntries: Number(audit.numDeletedRows),
      adminRecords: Number(links.numDeletedRows) + Number(sessions.numDeletedRows),
    }
  })
}
