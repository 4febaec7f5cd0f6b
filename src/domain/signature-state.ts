// What a signature's state means for the counts. Every change of state (confirm,
// edit, withdraw, hide, restore, approve, invalidate, delete) goes through
// changeSignatureState in the transaction that makes it, so the counts stay exact.
import type { SiteConfig } from '../config.js'
import type { Tx } from '../db/database.js'
import type { Signature } from '../db/schema.js'
import { adjustCounters, type CounterName } from './counters.js'

/** The columns that decide whether a signature counts and whether it is listed. */
export type SignatureState = Pick<Signature, 'status' | 'is_public' | 'hidden_at' | 'approved_at' | 'invalidated_at'>

/** Counted in "confirmed": confirmed, not invalidated, and approved unless unapproved ones count too. */
export function isCounted(s: SignatureState, site: SiteConfig): boolean {
  return s.status === 'confirmed' && s.invalidated_at === null && (s.approved_at !== null || site.moderation.countBeforeApproval)
}

/** Shown publicly: the same rule as whereListed in signatures.ts, on one row. */
export function isListed(s: SignatureState): boolean {
  return s.status === 'confirmed' && s.is_public === 1 && s.approved_at !== null && s.hidden_at === null && s.invalidated_at === null
}

export function countersOf(s: SignatureState | undefined, site: SiteConfig): Record<CounterName, number> {
  if (!s) return { confirmed: 0, public: 0 }
  return { confirmed: isCounted(s, site) ? 1 : 0, public: isListed(s) ? 1 : 0 }
}

/**
 * Adjusts the counters for a signature going from `before` to `after` (undefined: the
 * row does not exist, before an insert or after a delete). Call it in the transaction
 * that wrote the change, with the rows as written.
 */
export async function changeSignatureState(
  tx: Tx,
  site: SiteConfig,
  before: SignatureState | undefined,
  after: SignatureState | undefined,
  now: Date,
): Promise<void> {
  const a = countersOf(before, site)
  const b = countersOf(after, site)
  await adjustCounters(tx, { confirmed: b.confirmed - a.confirmed, public: b.public - a.public }, now)
}
