// What moderators do to signatures, domains and the signing switch. Each action
// runs in one transaction with its audit entry and its effect on the counts.
import type { SiteConfig } from '../config.js'
import type { Db, SelectQueryBuilder, Tx } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'
import { containsText } from '../db/like.js'
import type { Database, FlagKind, Signature } from '../db/schema.js'
import { recordAudit } from './audit.js'
import { searchKey } from './clean-text.js'
import type { DomainContext } from './context.js'
import { AppError } from './errors.js'
import { flagsOf } from './flags.js'
import { typedInstitutionMismatches } from './institutional-domains.js'
import type { RuntimeSettings } from './settings.js'
import { profileOf } from './profile.js'
import type { ProfileFields } from './sign-form.js'
import { applySignatureDelta } from './counters.js'
import {
  allowedActions,
  type ModerationAction,
  SignatureStates,
  type StateBadge,
  type StateRule,
  stateBadges,
} from './signature-state.js'

export type { ModerationAction }

export interface Dashboard {
  pending: number
  confirmed: number
  public: number
  flagged: number
  withdrawn: number
  hidden: number
  awaitingApproval: number
  commentsAwaiting: number
  invalidated: number
}

/**
 * Every figure of the dashboard in one statement: the signatures in each state
 * (signature-state.ts) in one pass over the table, the flagged ones and the totals kept
 * in counters beside it.
 */
export async function readDashboard(db: Db): Promise<Dashboard> {
  const { pending, hidden, awaitingApproval, commentAwaiting, invalidated, live } = SignatureStates
  const counter = (name: string) =>
    db
      .selectFrom('counters')
      .select((eb) => eb.fn.sum<number>('value').as('n'))
      .where('name', '=', name)
  const row = await db
    .selectFrom('signatures')
    .select((eb) => {
      const inState = (rule: StateRule) =>
        eb.fn.sum<number>(eb.case().when(rule.where(eb)).then(1).else(0).end())
      return [
        inState(pending).as('pending'),
        inState(hidden).as('hidden'),
        inState(awaitingApproval).as('awaitingApproval'),
        inState(commentAwaiting).as('commentsAwaiting'),
        inState(invalidated).as('invalidated'),
        eb
          .selectFrom('signature_flags')
          // The inner «signatures» is this subquery's own: a flagged signature still live.
          .innerJoin('signatures', 'signatures.id', 'signature_flags.signature_id')
          .select((f) => f.fn.count<number>('signature_flags.signature_id').distinct().as('n'))
          .where(live.where)
          .as('flagged'),
        counter('confirmed').as('confirmed'),
        counter('public').as('public'),
        counter('withdrawn').as('withdrawn'),
      ]
    })
    .executeTakeFirstOrThrow()
  return {
    pending: Number(row.pending ?? 0),
    confirmed: Number(row.confirmed ?? 0),
    public: Number(row.public ?? 0),
    flagged: Number(row.flagged ?? 0),
    withdrawn: Number(row.withdrawn ?? 0),
    hidden: Number(row.hidden ?? 0),
    awaitingApproval: Number(row.awaitingApproval ?? 0),
    commentsAwaiting: Number(row.commentsAwaiting ?? 0),
    invalidated: Number(row.invalidated ?? 0),
  }
}

export const SIGNATURE_FILTERS = [
  'all',
  'pending',
  'flagged',
  'hidden',
  'awaiting',
  'comments',
  'invalidated',
  'mismatch',
] as const
export type SignatureFilter = (typeof SIGNATURE_FILTERS)[number]

/** A signature as moderators see it: every field, its states and what they may do to it. */
export interface ModeratedSignature
  extends Pick<
    ProfileFields,
    | 'firstName'
    | 'lastName'
    | 'category'
    | 'institution'
    | 'discipline'
    | 'title'
    | 'unit'
    | 'comment'
    | 'publishComment'
    | 'display'
  > {
  id: number
  /** When its signatory last changed it: the version a moderator's decision is about. */
  updatedAt: string
  /** Marked among the «Premiers signataires». */
  initialSignatory: boolean
  emailDomain: string
  submittedAt: string
  confirmedAt: string | null
  approvedAt: string | null
  hiddenAt: string | null
  hiddenReason: string | null
  invalidatedAt: string | null
  /** The keyed hash of the client's network, while it is kept. */
  networkKey: string | null
  consentVersion: string
  /** Its states, in the order the badges show them (signature-state.ts). */
  states: StateBadge[]
  /** What a moderator may do to it in these states. */
  actions: ModerationAction[]
  flags: FlagKind[]
  /** The display name moderators gave the address's domain, if any. */
  domainName: string | null
  /**
   * What was typed as the institution does not resemble the institution of the verified
   * domain (typedInstitutionMismatches). Computed from the config when read, not stored:
   * a name added to content/institutions.toml changes it at once.
   */
  institutionMismatch: boolean
}

function moderated(
  site: SiteConfig,
  r: Signature,
  flags: Map<number, FlagKind[]>,
  names: Map<string, string>,
): ModeratedSignature {
  const {
    firstName,
    lastName,
    category,
    institution,
    discipline,
    title,
    unit,
    comment,
    publishComment,
    display,
  } = profileOf(r)
  return {
    id: r.id,
    firstName,
    lastName,
    category,
    institution,
    discipline,
    title,
    unit,
    comment,
    publishComment,
    display,
    updatedAt: r.updated_at,
    initialSignatory: r.initial_signatory === 1,
    emailDomain: r.email_domain,
    submittedAt: r.submitted_at,
    confirmedAt: r.confirmed_at,
    approvedAt: r.approved_at,
    hiddenAt: r.hidden_at,
    hiddenReason: r.hidden_reason,
    invalidatedAt: r.invalidated_at,
    networkKey: r.network_key,
    consentVersion: r.consent_version,
    states: stateBadges(r),
    actions: allowedActions(r),
    flags: flags.get(r.id) ?? [],
    domainName: names.get(r.email_domain) ?? null,
    institutionMismatch: typedInstitutionMismatches(site, r.email_domain, r.institution),
  }
}

/**
 * The mismatch filter cannot be a query (the rule compares words with the config): it
 * reads the signatures newest first, this many at most for one page, and offers to go
 * on from where it stopped, as the public search does.
 */
export const MISMATCH_WINDOW = 5000

async function domainNames(db: Db, domains: string[]): Promise<Map<string, string>> {
  if (domains.length === 0) return new Map()
  const rows = await db
    .selectFrom('domains')
    .select(['domain', 'display_name'])
    .where('domain', 'in', [...new Set(domains)])
    .execute()
  return new Map(rows.filter((r) => r.display_name).map((r) => [r.domain, r.display_name!]))
}

/** Signatures in every state, newest first, by keyset on id; searchable by name or institution. */
export async function listSignaturesForModeration(
  db: Db,
  site: SiteConfig,
  options: { query?: string; filter?: SignatureFilter; flag?: FlagKind; before?: number; limit: number },
): Promise<{ items: ModeratedSignature[]; next?: number }> {
  let q = db.selectFrom('signatures').selectAll()
  const term = searchKey(options.query ?? '')
  if (term !== '') {
    q = q.where((eb) => eb.or([containsText('search_text', term), eb('email_domain', '=', term)]))
  }
  const { live, pending, hidden, awaitingApproval, commentAwaiting, invalidated } = SignatureStates
  switch (options.filter ?? 'all') {
    case 'pending':
      q = q.where(pending.where)
      break
    case 'flagged':
      q = q.where(live.where).where('id', 'in', (eb) =>
        eb
          .selectFrom('signature_flags')
          .select('signature_id')
          .$if(options.flag !== undefined, (sq) => sq.where('flag', '=', options.flag!)),
      )
      break
    case 'hidden':
      q = q.where(hidden.where)
      break
    case 'awaiting':
      q = q.where(awaitingApproval.where)
      break
    case 'comments':
      q = q.where(commentAwaiting.where)
      break
    case 'invalidated':
      q = q.where(invalidated.where)
      break
    case 'mismatch':
      q = q.where('institution', '!=', '').where(live.where)
      break
  }
  let page: Signature[]
  let next: number | undefined
  if (options.filter === 'mismatch') {
    ;({ page, next } = await mismatchPage(q, site, options.before, options.limit))
  } else {
    if (options.before !== undefined) q = q.where('id', '<', options.before)
    const rows = await q
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .execute()
    page = rows.slice(0, options.limit)
    next = rows.length > options.limit ? page.at(-1)?.id : undefined
  }
  const flags = await flagsOf(
    db,
    page.map((r) => r.id),
  )
  const names = await domainNames(
    db,
    page.map((r) => r.email_domain),
  )
  return { items: page.map((r) => moderated(site, r, flags, names)), next }
}

/** One page of signatures whose typed institution mismatches their domain, reading at most MISMATCH_WINDOW rows. */
async function mismatchPage(
  q: SelectQueryBuilder<Database, 'signatures', Signature>,
  site: SiteConfig,
  before: number | undefined,
  limit: number,
): Promise<{ page: Signature[]; next?: number }> {
  const page: Signature[] = []
  let after = before
  let read = 0
  while (read < MISMATCH_WINDOW) {
    const rows = await (after !== undefined ? q.where('id', '<', after) : q)
      .orderBy('id', 'desc')
      .limit(500)
      .execute()
    for (const r of rows) {
      read++
      after = r.id
      if (!typedInstitutionMismatches(site, r.email_domain, r.institution)) continue
      if (page.length === limit) return { page, next: page.at(-1)!.id }
      page.push(r)
    }
    if (rows.length < 500) return { page }
  }
  return { page, next: after }
}

export async function getSignatureForModeration(
  db: Db,
  site: SiteConfig,
  id: number,
): Promise<ModeratedSignature> {
  const row = await db.selectFrom('signatures').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found')
  const flags = await flagsOf(db, [id])
  const names = await domainNames(db, [row.email_domain])
  return moderated(site, row, flags, names)
}

/** The row locked for the length of the transaction (PostgreSQL), so two moderators act one after the other. */
async function lockSignature(tx: Tx, id: number): Promise<Signature> {
  let q = tx.selectFrom('signatures').selectAll().where('id', '=', id)
  if (isPostgres(tx)) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  if (!row) throw new AppError('not_found')
  return row
}

/**
 * Applies one moderator action to one signature, with its audit entry and its effect on
 * the counts. `seen` is the signature's updated_at as the moderator's page showed it:
 * when its signatory changed it since (a new comment, a new name), nothing is applied
 * and false is returned: approving a comment must approve the text that was read.
 */
export async function moderateSignature(
  ctx: DomainContext,
  actor: string,
  id: number,
  action: ModerationAction,
  reason = '',
  seen?: string,
): Promise<boolean> {
  return ctx.transact(async (tx) => {
    const now = ctx.now()
    const before = await lockSignature(tx, id)
    // The forms offer only what the state allows; a stale form (another moderator acted
    // meanwhile) is refused rather than applied to a state it was not meant for.
    if (!allowedActions(before).includes(action)) throw new AppError('bad_request', `cannot ${action}`)
    if (seen !== undefined && seen !== before.updated_at) return false
    const at = now.toISOString()
    let after: Signature | undefined
    switch (action) {
      case 'hide':
        after = await tx
          .updateTable('signatures')
          .set({ hidden_at: at, hidden_reason: reason })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        break
      case 'restore':
        after = await tx
          .updateTable('signatures')
          .set({ hidden_at: null, hidden_reason: null })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        break
      case 'approve':
        after = await tx
          .updateTable('signatures')
          .set({ approved_at: before.approved_at ?? at })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        break
      case 'approve_comment':
        after = await tx
          .updateTable('signatures')
          .set({ comment_approved_at: at })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        break
      case 'mark_initial':
      case 'unmark_initial':
        after = await tx
          .updateTable('signatures')
          .set({ initial_signatory: action === 'mark_initial' ? 1 : 0 })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow()
        break
      case 'delete':
        await tx.deleteFrom('outbox').where('signature_id', '=', id).where('status', '=', 'pending').execute()
        await tx.deleteFrom('signatures').where('id', '=', id).execute()
        after = undefined
        break
    }
    await applySignatureDelta(tx, ctx.config.site, before, after, now)
    await recordAudit(
      tx,
      { actor, action: `signature.${action}`, target: `signature:${id}`, detail: reason },
      now,
    )
    return true
  })
}

/** A domain moderators named or blocked. */
export interface NamedDomain {
  domain: string
  displayName: string | null
  blocked: boolean
}

export async function listDomains(db: Db): Promise<NamedDomain[]> {
  const rows = await db.selectFrom('domains').selectAll().orderBy('domain').execute()
  return rows.map((r) => ({ domain: r.domain, displayName: r.display_name, blocked: r.blocked === 1 }))
}

export function cleanDomain(raw: string): string | undefined {
  const d = raw.trim().toLowerCase().replace(/^@/, '')
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(d) ? d : undefined
}

/** Names an institution domain (shown in place of the domain) and/or blocks it (its signatures are not recorded). */
export async function setDomain(
  ctx: DomainContext,
  actor: string,
  domain: string,
  displayName: string,
  blocked: boolean,
): Promise<void> {
  const now = ctx.now()
  await ctx.transact(async (tx) => {
    const values = {
      display_name: displayName || null,
      blocked: blocked ? 1 : 0,
      updated_at: now.toISOString(),
    }
    await tx
      .insertInto('domains')
      .values({ domain, ...values })
      .onConflict((oc) => oc.column('domain').doUpdateSet(values))
      .execute()
    await recordAudit(
      tx,
      {
        actor,
        action: 'domain.set',
        target: `domain:${domain}`,
        detail: `${blocked ? 'blocked' : 'allowed'}${displayName ? `; name: ${displayName}` : ''}`,
      },
      now,
    )
  })
}

/** Opens or closes signing from the admin; the closing date of the config still applies. */
export async function setSigningOpen(
  ctx: DomainContext & { settings: RuntimeSettings },
  actor: string,
  open: boolean,
): Promise<void> {
  const now = ctx.now()
  await ctx.settings.setSigningOpen(open, now)
  await ctx.transact((tx) => recordAudit(tx, { actor, action: open ? 'signing.open' : 'signing.close' }, now))
}

export interface DeadMail {
  id: number
  kind: string
  createdAt: string
  lastError: string | null
  signatureId: number | null
  /** The organisation the mail was about, when it was to an organisation's contact. */
  organisationId: number | null
  /** Whose mail: the signatory's name, or the organisation's. */
  name: string | null
}

/** Mails given up for good (refused, or retries exhausted), newest first. */
export async function listDeadMails(db: Db, limit = 100): Promise<DeadMail[]> {
  const rows = await db
    .selectFrom('outbox')
    .leftJoin('signatures', 'signatures.id', 'outbox.signature_id')
    .leftJoin('organisations', 'organisations.id', 'outbox.organisation_id')
    .select([
      'outbox.id',
      'outbox.kind',
      'outbox.created_at',
      'outbox.last_error',
      'outbox.signature_id',
      'outbox.organisation_id',
      'signatures.first_name',
      'signatures.last_name',
      'organisations.name as organisation_name',
    ])
    .where('outbox.status', '=', 'dead')
    .orderBy('outbox.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    createdAt: r.created_at,
    lastError: r.last_error,
    signatureId: r.signature_id,
    organisationId: r.organisation_name === null ? null : r.organisation_id,
    name: r.first_name !== null ? `${r.first_name} ${r.last_name}` : r.organisation_name,
  }))
}
