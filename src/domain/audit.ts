// The moderators' audit log: who did what, to what, when. Written in the
// transaction of the action it records, so an action never goes unrecorded.
import type { Db, Tx } from '../db/database.js'

/** One line of the log as moderators read it. */
export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  target: string
  detail: string
}

/** Who acts when no moderator does (the nightly reconciliation). */
export const SYSTEM_ACTOR = 'system'

export async function recordAudit(
  db: Tx,
  entry: { actor: string; action: string; target?: string; detail?: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now.toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? '',
      detail: (entry.detail ?? '').slice(0, 500),
    })
    .execute()
}

/** The latest entries first, by keyset on id. */
export async function listAudit(
  db: Db,
  options: { before?: number; limit: number },
): Promise<{ items: AuditEntry[]; next?: number }> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .$if(options.before !== undefined, (qb) => qb.where('id', '<', options.before!))
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute()
  const items = rows.slice(0, options.limit)
  return { items, next: rows.length > options.limit ? items.at(-1)?.id : undefined }
}
