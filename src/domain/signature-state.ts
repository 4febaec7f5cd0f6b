// Every state a signature can be in, and every named set of states, declared once:
// each as a predicate on one row and as a filter of a query, side by side, so that
// the two cannot drift apart. The public list, the counts, the recount, the
// moderators' filters, badges and actions all read these and restate none of them.
//
// A signature is pending until its address is confirmed, then confirmed; a moderator
// may then hide it, approve it (under pre-moderation) or invalidate it. From these:
//   listed            shown publicly: confirmed, public by choice, approved, neither hidden nor invalidated
//   searchable        listed under the full name: what the public search may match
//   counted           in the totals: confirmed, not invalidated, approved unless unapproved ones count too
//   pending           not confirmed yet
//   confirmed         confirmed and not invalidated: a signature that stands, approved or not
//   awaitingApproval  confirmed, not approved yet, not invalidated
//   hidden            hidden by a moderator, not invalidated
//   invalidated       invalidated after an attack (out of every count and list)
//   commentAwaiting   confirmed with a comment no moderator approved yet, not invalidated
//   testimony         listed, with a comment its signatory asked to publish and a moderator approved
//   live              not invalidated: what moderators still act on
// Every change of state goes through applySignatureDelta (counters.ts), in the
// transaction that makes it, so the counts follow these rules exactly.
import type { SiteConfig } from '../config.js'
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from '../db/database.js'
import type { Database, Signature } from '../db/schema.js'

/** The columns that decide whether a signature is listed and counted. */
export type SignatureState = Pick<
  Signature,
  'status' | 'is_public' | 'hidden_at' | 'approved_at' | 'invalidated_at'
>

/** With the moderation of its comment: what every named state reads. */
export type ModeratedState = SignatureState &
  Pick<Signature, 'comment' | 'comment_approved_at' | 'publish_comment' | 'initial_signatory'>

type Signatures = ExpressionBuilder<Database, 'signatures'>

/** A named state: the rule on one row, and the same rule as a condition of a query. */
export interface StateRule<S = ModeratedState> {
  row(s: S): boolean
  where(eb: Signatures): Expression<SqlBool>
}

const live: StateRule<Pick<SignatureState, 'invalidated_at'>> = {
  row: (s) => s.invalidated_at === null,
  where: (eb) => eb('signatures.invalidated_at', 'is', null),
}

const pending: StateRule<Pick<SignatureState, 'status'>> = {
  row: (s) => s.status === 'pending',
  where: (eb) => eb('signatures.status', '=', 'pending'),
}

const confirmed: StateRule<Pick<SignatureState, 'status' | 'invalidated_at'>> = {
  row: (s) => s.status === 'confirmed' && live.row(s),
  where: (eb) => eb.and([eb('signatures.status', '=', 'confirmed'), live.where(eb)]),
}

const invalidated: StateRule<Pick<SignatureState, 'invalidated_at'>> = {
  row: (s) => s.invalidated_at !== null,
  where: (eb) => eb('signatures.invalidated_at', 'is not', null),
}

const hidden: StateRule<Pick<SignatureState, 'hidden_at' | 'invalidated_at'>> = {
  row: (s) => s.hidden_at !== null && live.row(s),
  where: (eb) => eb.and([eb('signatures.hidden_at', 'is not', null), live.where(eb)]),
}

const awaitingApproval: StateRule<Pick<SignatureState, 'status' | 'approved_at' | 'invalidated_at'>> = {
  row: (s) => s.status === 'confirmed' && s.approved_at === null && live.row(s),
  where: (eb) =>
    eb.and([
      eb('signatures.status', '=', 'confirmed'),
      eb('signatures.approved_at', 'is', null),
      live.where(eb),
    ]),
}

const commentAwaiting: StateRule<
  Pick<ModeratedState, 'status' | 'comment' | 'comment_approved_at' | 'invalidated_at'>
> = {
  row: (s) => s.comment !== '' && s.comment_approved_at === null && s.status === 'confirmed' && live.row(s),
  where: (eb) =>
    eb.and([
      eb('signatures.comment', '!=', ''),
      eb('signatures.comment_approved_at', 'is', null),
      eb('signatures.status', '=', 'confirmed'),
      live.where(eb),
    ]),
}

/**
 * `rowsById` (SQLite only) states the same conditions so that SQLite cannot answer
 * them from the list's index (a unary + on the column): a search with few candidates
 * then reads its candidates by id instead of walking the whole list to find them.
 */
function listedWhere(eb: Signatures, options: { rowsById?: boolean } = {}): Expression<SqlBool> {
  const status = options.rowsById ? sql<string>`+signatures.status` : sql.ref<string>('signatures.status')
  const isPublic = options.rowsById
    ? sql<number>`+signatures.is_public`
    : sql.ref<number>('signatures.is_public')
  return eb.and([
    eb(status, '=', 'confirmed'),
    eb(isPublic, '=', 1),
    eb('signatures.approved_at', 'is not', null),
    eb('signatures.hidden_at', 'is', null),
    live.where(eb),
  ])
}

const listed: StateRule<SignatureState> = {
  row: (s) =>
    s.status === 'confirmed' &&
    s.is_public === 1 &&
    s.approved_at !== null &&
    s.hidden_at === null &&
    live.row(s),
  where: (eb) => listedWhere(eb),
}

/**
 * A published testimony: listed, its signatory asked for the comment to be published,
 * and a moderator approved it. Withdrawn, hidden or unlisted, it is gone with the rest.
 */
const testimony: StateRule<
  SignatureState & Pick<ModeratedState, 'comment' | 'comment_approved_at' | 'publish_comment'>
> = {
  row: (s) => listed.row(s) && s.publish_comment === 1 && s.comment !== '' && s.comment_approved_at !== null,
  where: (eb) =>
    eb.and([
      listedWhere(eb),
      eb('signatures.publish_comment', '=', 1),
      eb('signatures.comment', '!=', ''),
      eb('signatures.comment_approved_at', 'is not', null),
    ]),
}

/**
 * Counted depends on the config (site.moderation.countBeforeApproval): under
 * pre-moderation, unapproved signatures count only if it says so.
 */
function counted(countBeforeApproval: boolean): StateRule<SignatureState> {
  return {
    row: (s) => confirmed.row(s) && (s.approved_at !== null || countBeforeApproval),
    where: (eb) =>
      countBeforeApproval
        ? confirmed.where(eb)
        : eb.and([confirmed.where(eb), eb('signatures.approved_at', 'is not', null)]),
  }
}

export const SignatureStates = {
  live,
  pending,
  confirmed,
  invalidated,
  hidden,
  awaitingApproval,
  commentAwaiting,
  listed,
  counted,
  testimony,
} as const

/** Shown publicly (one row). */
export function isListed(s: SignatureState): boolean {
  return listed.row(s)
}

/** Counted in "confirmed" (one row). */
export function isCounted(s: SignatureState, site: SiteConfig): boolean {
  return counted(site.moderation.countBeforeApproval).row(s)
}

/**
 * The one definition of "shown publicly" as a query filter, for the list, the
 * exports, the API and the institutions' pages.
 */
// biome-ignore lint/suspicious/noExplicitAny: any selection of the signatures table
export function whereListed<QB extends SelectQueryBuilder<Database, 'signatures', any>>(
  qb: QB,
  options: { rowsById?: boolean } = {},
): QB {
  return qb.where((eb) => listedWhere(eb, options)) as QB
}

/**
 * Found by the public search: listed, and shown under the full name. A search
 * matches names and institutions; matching a signature shown by its initials or with
 * its name withheld would tell who hides behind it (see display.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: any selection of the signatures table
export function whereSearchable<QB extends SelectQueryBuilder<Database, 'signatures', any>>(
  qb: QB,
  options: { rowsById?: boolean } = {},
): QB {
  return whereListed(qb, options).where('signatures.display', '=', 'full') as QB
}

/** What a moderator reads of a signature's state, in the order the badges show it. */
export type StateBadge =
  | 'pending'
  | 'confirmed'
  | 'invalidated'
  | 'hidden'
  | 'awaiting'
  | 'private'
  | 'commentAwaiting'

export function stateBadges(s: ModeratedState): StateBadge[] {
  const badges: StateBadge[] = [s.status === 'pending' ? 'pending' : 'confirmed']
  if (invalidated.row(s)) badges.push('invalidated')
  if (hidden.row(s)) badges.push('hidden')
  if (awaitingApproval.row(s)) badges.push('awaiting')
  if (s.is_public !== 1) badges.push('private')
  if (commentAwaiting.row(s)) badges.push('commentAwaiting')
  return badges
}

export type ModerationAction =
  | 'hide'
  | 'restore'
  | 'approve'
  | 'approve_comment'
  | 'mark_initial'
  | 'unmark_initial'
  | 'delete'

/**
 * What a moderator may do to a signature in this state: an invalidated one can only
 * be deleted (or lose its «premier signataire» mark); a hidden one restored, a visible
 * one hidden; approving needs something awaiting approval; marking among the «Premiers
 * signataires» needs a confirmed signature.
 */
export function allowedActions(s: ModeratedState): ModerationAction[] {
  const actions: ModerationAction[] = []
  if (live.row(s)) actions.push(hidden.row(s) ? 'restore' : 'hide')
  if (awaitingApproval.row(s)) actions.push('approve')
  if (commentAwaiting.row(s)) actions.push('approve_comment')
  // «Premiers signataires»: a confirmed signature that stands may be marked; a mark may always be taken off.
  if (s.initial_signatory === 1) actions.push('unmark_initial')
  else if (confirmed.row(s)) actions.push('mark_initial')
  actions.push('delete')
  return actions
}
