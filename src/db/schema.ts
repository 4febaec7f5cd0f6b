// Table types for Kysely. Timestamps are ISO-8601 UTC text with milliseconds
// ("2026-11-28T10:00:00.000Z") on both databases, so they sort as text and
// compare the same everywhere; booleans are 0/1 integers.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export type SignatureStatus = 'pending' | 'confirmed'

export interface SignatureTable {
  id: Generated<number>
  /** HMAC of the normalised address: the only way to find a signature by e-mail. */
  email_hash: string
  /** The clear address, kept only for signatories who asked for news (wants_updates = 1). */
  email: string | null
  /** Domain of the address, to group signatures by institution once confirmed. */
  email_domain: string
  first_name: string
  last_name: string
  category: string
  institution: string
  discipline: string
  comment: string
  is_public: number
  wants_updates: number
  locale: string
  status: SignatureStatus
  /** Lower-case, accent-free "first last institution", for search. */
  search_text: string
  /** Proof of consent: which consent text was shown, when it was given and confirmed. */
  consent_version: string
  submitted_at: string
  confirmed_at: string | null
  updated_at: string
  /** Confirmation mails sent to this address: bounded so the form cannot flood an inbox. */
  mails_sent: number
}

export type TokenPurpose = 'confirm' | 'manage'

export interface TokenTable {
  /** SHA-256 of the token: the token itself exists only in the mail. */
  hash: string
  signature_id: number
  purpose: TokenPurpose
  expires_at: string
  used_at: string | null
  created_at: string
}

export type OutboxStatus = 'pending' | 'sent' | 'dead'

export interface OutboxTable {
  id: Generated<number>
  signature_id: number | null
  kind: string
  /** Recipient and bodies are erased once the mail is sent. */
  recipient: string | null
  recipient_hash: string
  subject: string | null
  text_body: string | null
  html_body: string | null
  status: OutboxStatus
  attempts: number
  next_attempt_at: string
  /** A worker's claim on the row: others leave it alone until this instant. */
  locked_until: string | null
  /** SMTP status code and class of the last failure; never personal data. */
  last_error: string | null
  created_at: string
  sent_at: string | null
}

export interface SuppressionTable {
  email_hash: string
  reason: string
  created_at: string
}

/** Counts kept up to date in the transactions that change signatures, summed over shards on read. */
export interface CounterTable {
  name: string
  shard: number
  value: number
  updated_at: string
}

/** Hits per bucket and window, shared by every instance (see migration 004). */
export interface RateLimitTable {
  bucket: string
  window_start: string
  hits: number
}

export interface Database {
  signatures: SignatureTable
  tokens: TokenTable
  outbox: OutboxTable
  suppressions: SuppressionTable
  counters: CounterTable
  rate_limits: RateLimitTable
}

export type Signature = Selectable<SignatureTable>
export type NewSignature = Insertable<SignatureTable>
export type SignatureUpdate = Updateable<SignatureTable>
export type OutboxRow = Selectable<OutboxTable>
