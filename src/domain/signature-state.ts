// What a signature's state means for the counts. Every change of state (confirm,
// edit, withdraw, hide, restore, approve, invalidate, delete) goes through
// applySignatureDelta (counters.ts), which applies these rules, in the transaction
// that makes the change, so the counts stay exact.
import type { SiteConfig } from '../config.js'
import type { Signature } from '../db/schema.js'

/** The columns that decide whether a signature counts and whether it is listed. */
export type SignatureState = Pick<
  Signature,
  'status' | 'is_public' | 'hidden_at' | 'approved_at' | 'invalidated_at'
>

/** Counted in "confirmed": confirmed, not invalidated, and approved unless unapproved ones count too. */
export function isCounted(s: SignatureState, site: SiteConfig): boolean {
  return (
    s.status === 'confirmed' &&
    s.invalidated_at === null &&
    (s.approved_at !== null || site.moderation.countBeforeApproval)
  )
}

/** Shown publicly: the same rule as whereListed in public-list.ts, on one row. */
export function isListed(s: SignatureState): boolean {
  return (
    s.status === 'confirmed' &&
    s.is_public === 1 &&
    s.approved_at !== null &&
    s.hidden_at === null &&
    s.invalidated_at === null
  )
}

export function countersOf(
  s: SignatureState | undefined,
  site: SiteConfig,
): { confirmed: number; public: number } {
  if (!s) return { confirmed: 0, public: 0 }
  return { confirmed: isCounted(s, site) ? 1 : 0, public: isListed(s) ? 1 : 0 }
}
