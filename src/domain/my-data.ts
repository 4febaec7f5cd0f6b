// What a signatory downloads from their manage page: everything kept about their
// signature, as JSON (GDPR art. 15 and 20). Internal keys (address and network
// hashes) are described rather than given: they reveal nothing without the secret.
import type { Signature } from '../db/schema.js'

export function signatureData(
  s: Signature,
  flags: string[],
  /** Each time news were stopped from a mail's link: when, and from the page or the mail client. */
  newsStopped: { at: string; method: string }[] = [],
): Record<string, unknown> {
  return {
    first_name: s.first_name,
    last_name: s.last_name,
    email: s.email,
    email_domain: s.email_domain,
    email_kept_in_clear: s.email !== null,
    category: s.category,
    institution: s.institution,
    discipline: s.discipline,
    title: s.title,
    unit: s.unit,
    /** How the name appears when listed: full, initials or withheld. */
    display: s.display,
    comment: s.comment,
    publish_comment_requested: s.publish_comment === 1,
    comment_approved_at: s.comment_approved_at,
    listed_publicly_if_approved: s.is_public === 1,
    wants_updates: s.wants_updates === 1,
    news_stopped: newsStopped,
    locale: s.locale,
    status: s.status,
    consent_version: s.consent_version,
    submitted_at: s.submitted_at,
    confirmed_at: s.confirmed_at,
    updated_at: s.updated_at,
    approved_at: s.approved_at,
    hidden_by_moderators_at: s.hidden_at,
    hidden_reason: s.hidden_reason,
    invalidated_at: s.invalidated_at,
    network_hash_kept: s.network_key !== null,
    // The public log's position and salt are kept about the signature too: with them,
    // its signatory alone can point to their entry (their receipt).
    public_log_position: s.log_position,
    public_log_salt: s.log_salt,
    moderation_flags: flags,
  }
}
