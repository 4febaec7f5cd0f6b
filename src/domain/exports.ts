// The collective's export: confirmed signatures as CSV. The address appears only for
// signatories who asked for news; every export is recorded in the audit log.
import type { Db } from '../db/database.js'
import { recordAudit } from './audit.js'
import type { DomainContext } from './context.js'
import { csvLines } from './csv.js'
import { displayOf } from './display.js'
import { isListed, SignatureStates } from './signature-state.js'

export const EXPORT_COLUMNS = [
  'first_name',
  'last_name',
  'category',
  'institution',
  'discipline',
  'title',
  'unit',
  'comment',
  'listed',
  'display',
  'confirmed_at',
  'consent_version',
  'locale',
  'email',
] as const

async function exportRows(db: Db): Promise<string[][]> {
  const rows = await db
    .selectFrom('signatures')
    .select([
      'first_name',
      'last_name',
      'category',
      'institution',
      'discipline',
      'title',
      'unit',
      'comment',
      'comment_approved_at',
      'status',
      'is_public',
      'approved_at',
      'hidden_at',
      'invalidated_at',
      'display',
      'confirmed_at',
      'consent_version',
      'locale',
      'email',
      'wants_updates',
    ])
    .where(SignatureStates.confirmed.where)
    .orderBy('confirmed_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => [
    r.first_name,
    r.last_name,
    r.category,
    r.institution,
    r.discipline,
    r.title,
    r.unit,
    r.comment,
    isListed(r) ? '1' : '0',
    displayOf(r.display),
    r.confirmed_at ?? '',
    r.consent_version,
    r.locale,
    r.wants_updates === 1 && r.email ? r.email : '',
  ])
}

/** The CSV text, recorded in the audit log with how many rows it held. */
export async function exportSignaturesCsv(
  ctx: DomainContext,
  actor: string,
): Promise<{ csv: string; rows: number }> {
  const rows = await exportRows(ctx.db)
  const csv = csvLines([[...EXPORT_COLUMNS], ...rows])
  await ctx.transact((tx) =>
    recordAudit(tx, { actor, action: 'export.csv', detail: `${rows.length} rows` }, ctx.now()),
  )
  return { csv, rows: rows.length }
}
