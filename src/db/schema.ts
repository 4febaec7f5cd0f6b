// Table types for Kysely. Timestamps are ISO-8601 UTC text with milliseconds
// ("2026-11-28T10:00:00.000Z") on both databases, so they sort as text and
// compare the same everywhere; booleans are 0/1 integers.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export type SignatureStatus = 'pending' | 'confirmed'

export interface SignatureTable {
  id: Generated<number>
  /** HMAC of the normalised address: the only way to find a signature by e-mail. */
  email_hash: string
  /** The clear address, kept only while a choice needs it: news (wants_updates) or the debate relay (wants_debate). */
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
  /** 1: willing to help organise a debate in their institution (the address is then kept). */
  wants_debate: Generated<number>
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
  /** Hidden from the public list by a moderator, and why. */
  hidden_at: Generated<string | null>
  hidden_reason: Generated<string | null>
  /** Approved for the public list: at confirmation, or by a moderator under pre-moderation. */
  approved_at: Generated<string | null>
  /** Invalidated after an attack: out of every count and list, deleted after a while. */
  invalidated_at: Generated<string | null>
  /** Comments are never public before a moderator approves them. */
  comment_approved_at: Generated<string | null>
  /** Keyed hash of the client's network (networkKey), erased after a few days. */
  network_key: Generated<string | null>
  /** searchKey("first last"): the same name signed many times. */
  name_key: Generated<string | null>
  /** Random salt of the signature's commitment in the public log: shown to its signatory only. */
  log_salt: Generated<string | null>
  /** Position of the log entry that counts it; null while it is not counted. */
  log_position: Generated<number | null>
  /** The pending entry that will count it, until the sequencer numbers it (then log_position). */
  log_pending: Generated<number | null>
  /** How the signatory appears on public lists and exports: see display.ts. */
  display: Generated<string>
  /** Title or grade, and unit or laboratory: optional fields of the form ([form] fields). */
  title: Generated<string>
  unit: Generated<string>
  /** 1: the signatory asked for their comment to be published, once a moderator approves it. */
  publish_comment: Generated<number>
  /** 1: marked by a moderator among the «Premiers signataires», shown first. */
  initial_signatory: Generated<number>
  /** Where the signatory stands in an alphabetical list, by the name as shown (sortKeyOf in display.ts). */
  sort_key: Generated<string>
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
  /**
   * A confirmation link's own copy of what was submitted with it (JSON, see
   * submission.ts): confirming records exactly this. Erased once the link is used or dies.
   */
  submission: Generated<string | null>
}

export type OutboxStatus = 'pending' | 'sent' | 'dead'

export interface OutboxTable {
  id: Generated<number>
  signature_id: number | null
  /** The organisation a mail is about (migration 015): its queued mails go when it is withdrawn. */
  organisation_id: Generated<number | null>
  kind: string
  /** Recipient and bodies are erased once the mail is sent. */
  recipient: string | null
  recipient_hash: string
  /**
   * Keyed hash of the recipient's mailbox (canonicalMailbox: no +tag, no Gmail dots, no
   * case): what the cap on mail per recipient counts. Null for mails queued before 006.
   */
  mailbox_hash: string | null
  subject: string | null
  text_body: string | null
  html_body: string | null
  /** Extra headers as JSON (List-Unsubscribe, Reply-To), erased with the bodies. */
  headers: string | null
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

/**
 * An organisation that signs in its own name (migration 015): listed and counted apart
 * from people, and only once a moderator approved it (anyone may claim to speak for one).
 */
export interface OrganisationTable {
  id: Generated<number>
  /** emailKey of the contact's address: one organisation signature per address. */
  email_hash: string
  /** The contact's address in clear, until a moderator approved or refused the signature. */
  email: string | null
  email_domain: string
  name: string
  /** One of [[organisations.kinds]] in site.toml. */
  kind: string
  /** Its own web site, shown with its name; '' when none was given. */
  url: string
  /** Who signs for it, in which role, and how it decided: for moderators, never public. */
  contact_name: string
  contact_role: string
  mandate: string
  locale: string
  status: SignatureStatus
  consent_version: string
  submitted_at: string
  confirmed_at: string | null
  updated_at: string
  mails_sent: number
  approved_at: string | null
  /**
   * A new name, kind or web site proposed by the contact once approved, as JSON
   * ({name, kind, url}): the approved ones stay listed until a moderator accepts it.
   */
  proposed: string | null
  proposed_at: string | null
  hidden_at: string | null
  network_key: string | null
  sort_key: string
}

/** A link mailed to an organisation's contact: as TokenTable, for organisations. */
export interface OrganisationLinkTable {
  hash: string
  organisation_id: number
  purpose: TokenPurpose
  expires_at: string
  used_at: string | null
  created_at: string
  submission: string | null
}

export interface SuppressionTable {
  email_hash: string
  reason: string
  created_at: string
}

/** An address npm run import mailed a consent request to (its emailKey): never mailed again by an import. */
export interface ImportedAddressTable {
  email_hash: string
  imported_at: string
}

/** Counts kept up to date in the transactions that change signatures, summed over shards on read. */
export interface CounterTable {
  name: string
  shard: number
  value: number
  updated_at: string
}

export type RelayStatus = 'pending' | 'sent' | 'refused'

/** A message for the willing signatories of one institution, relayed once its sender confirms. */
export interface RelayMessageTable {
  id: Generated<number>
  /** The institution: the e-mail domain its signatories share. */
  domain: string
  /** HMAC of the sender's address: rate limits count by it. */
  sender_hash: string
  /** Address, name and text are erased once the message is relayed or refused. */
  sender_email: string | null
  sender_name: string | null
  body: string | null
  locale: string
  /** SHA-256 of the token mailed to the sender to confirm their address. */
  confirm_hash: string
  status: RelayStatus
  recipients: number
  created_at: string
  expires_at: string
  sent_at: string | null
}

export type FlagKind = 'disposable' | 'burst' | 'same_name' | 'watch_list'

export interface SignatureFlagTable {
  signature_id: number
  flag: FlagKind
  created_at: string
}

/** Moderators added with `npm run admin -- add`; those of ADMIN_EMAILS are not stored. */
export interface ModeratorTable {
  email: string
  added_at: string
}

/** Single-use login links mailed to moderators: only the hash is kept. */
export interface AdminLoginLinkTable {
  hash: string
  email: string
  locale: string
  expires_at: string
  used_at: string | null
  created_at: string
}

/** Moderator sessions: the cookie carries the id, the database only its hash. */
export interface AdminSessionTable {
  hash: string
  email: string
  locale: string
  expires_at: string
  created_at: string
}

/** Every moderator action: who, what, on what, when. */
export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor: string
  action: string
  target: string
  detail: string
}

/** Settings changed at run time from the admin (signing open or closed…). */
export interface SettingTable {
  name: string
  value: string
  updated_at: string
}

/** E-mail domains a moderator named (institution display name) or blocked. */
export interface DomainTable {
  domain: string
  display_name: string | null
  blocked: number
  updated_at: string
}

/**
 * Hits per bucket and window, shared by every instance on PostgreSQL (see migrations
 * 004 and 006); on SQLite the windows are kept in memory and this table stays empty.
 */
export interface RateLimitTable {
  bucket: string
  window_start: string
  hits: number
}

/** The public log's one head row: size, frontier of the Merkle tree, running totals. */
export interface TransparencyHeadTable {
  id: number
  size: number
  additions: number
  cancellations: number
  /** Hex hashes of the complete subtrees, largest first, comma-separated. */
  frontier: string
}

export type TransparencyEntryKind = 'add' | 'cancel'

/** One entry of the public log: never changed, never deleted. */
export interface TransparencyEntryTable {
  position: number
  /** To the minute: "2026-11-28T10:00Z". */
  at: string
  kind: TransparencyEntryKind
  /** For an addition: HMAC-SHA-256(salt, "<signature id> <confirmation minute>"), hex. */
  commitment: string | null
  /** For a cancellation: the position of the addition it cancels. */
  cancels: number | null
}

/**
 * An entry written by the change of the count, waiting for the sequencer to give it a
 * position (sequencer.ts). Kept a day once numbered, to resolve cancellations.
 */
export interface TransparencyPendingTable {
  id: Generated<number>
  /** When the change happened, to the minute: the entry's time. */
  at: string
  kind: TransparencyEntryKind
  /** An addition's signature, until numbered. */
  signature_id: number | null
  commitment: string | null
  /** A cancellation's target: a position… */
  cancels: number | null
  /** …or the pending addition it cancels, when that was not numbered yet. */
  cancels_pending: number | null
  /** Its position in the log, once numbered. */
  position: number | null
}

/** A complete subtree of the log's Merkle tree: 2^level leaves from idx·2^level. */
export interface TransparencyNodeTable {
  level: number
  idx: number
  hash: Buffer
}

/** A signed checkpoint: the tree's size and root and the count, at a time. */
export interface TransparencyCheckpointTable {
  size: number
  root: string
  count: number
  at: string
  /** Ed25519, base64, over checkpointText(). */
  signature: string
}

/** A news item from the collective (migration 011): published on the site, sent by mail, or both. */
export interface NewsTable {
  id: Generated<number>
  created_at: string
  updated_at: string
  /** The moderator who wrote it. */
  created_by: string
  /** Shown on the public news page and in the feed from this instant; null: not public. */
  published_at: string | null
  /** When a moderator started sending it; null: never sent. */
  send_started_at: string | null
  /** When every recipient's mail had left the queue; the counts below are final from then. */
  send_finished_at: string | null
  sent_count: Generated<number>
  failed_count: Generated<number>
  skipped_count: Generated<number>
}

/** A news item's title and Markdown body in one language. */
export interface NewsTextTable {
  news_id: number
  locale: string
  title: string
  body: string
}

export type NewsRecipientState = 'waiting' | 'queued' | 'skipped'

/** One recipient of one sending; the primary key (news, signature) makes each recipient once. */
export interface NewsRecipientTable {
  news_id: number
  signature_id: number
  state: NewsRecipientState
  queued_at: string | null
  /** The outbox row of its mail, once queued: where its delivery is read. */
  outbox_id: number | null
}

export type NewsUnsubscribeMethod = 'page' | 'one-click'

/** A signatory stopped news: when and how. Deleted with the signature. */
export interface NewsUnsubscribeTable {
  id: Generated<number>
  signature_id: number
  method: NewsUnsubscribeMethod
  at: string
}

export interface Database {
  news: NewsTable
  news_texts: NewsTextTable
  news_recipients: NewsRecipientTable
  news_unsubscribes: NewsUnsubscribeTable
  signature_flags: SignatureFlagTable
  moderators: ModeratorTable
  admin_login_links: AdminLoginLinkTable
  admin_sessions: AdminSessionTable
  audit_log: AuditLogTable
  settings: SettingTable
  domains: DomainTable
  signatures: SignatureTable
  tokens: TokenTable
  organisations: OrganisationTable
  organisation_links: OrganisationLinkTable
  outbox: OutboxTable
  suppressions: SuppressionTable
  imported_addresses: ImportedAddressTable
  counters: CounterTable
  relay_messages: RelayMessageTable
  rate_limits: RateLimitTable
  transparency_head: TransparencyHeadTable
  transparency_entries: TransparencyEntryTable
  transparency_pending: TransparencyPendingTable
  transparency_nodes: TransparencyNodeTable
  transparency_checkpoints: TransparencyCheckpointTable
}

export type Signature = Selectable<SignatureTable>
export type NewSignature = Insertable<SignatureTable>
export type SignatureUpdate = Updateable<SignatureTable>
export type OutboxRow = Selectable<OutboxTable>
export type RelayMessage = Selectable<RelayMessageTable>
export type AuditEntry = Selectable<AuditLogTable>
export type AdminSession = Selectable<AdminSessionTable>
export type DomainRow = Selectable<DomainTable>
export type NewsRow = Selectable<NewsTable>
export type Organisation = Selectable<OrganisationTable>
