// One signature: its details, states and flags, and the actions its state allows.
import type { ModeratedSignature } from '../../domain/moderation.js'
import type { ModerationAction } from '../../domain/signature-state.js'
import { AdminLayout, Csrf, type AdminPageContext } from './layout.js'
import { dateTime, domainLabel, StateBadges } from './parts.js'

function ActionForm(props: {
  a: AdminPageContext
  id: number
  action: string
  label: string
  danger?: boolean
  reason?: boolean
  /** The signature's updated_at as shown: a decision on a later version is not applied. */
  seen: string
}) {
  const m = props.a.m.admin
  return (
    <form method="post" action={`/admin/signatures/${props.id}/${props.action}`} class="admin-action">
      <Csrf a={props.a} />
      <input type="hidden" name="seen" value={props.seen} />
      {props.reason ? (
        <div class="field">
          <label for={`reason-${props.action}`}>{m.reason}</label>
          <input type="text" id={`reason-${props.action}`} name="reason" maxlength={200} required />
        </div>
      ) : null}
      <button type="submit" class={props.danger ? 'danger' : undefined}>
        {props.label}
      </button>
    </form>
  )
}

export function SignaturePage(props: { a: AdminPageContext; s: ModeratedSignature; done?: string }) {
  const { a, s } = props
  const m = a.m.admin
  const rows: [string, string][] = [
    [m.col.name, `${s.firstName} ${s.lastName}`],
    [m.col.category, a.categoryLabel(s.category)],
    [m.col.institution, s.institution],
    [m.col.discipline, s.discipline],
    [m.col.jobTitle, s.title || '—'],
    [m.col.unit, s.unit || '—'],
    [m.col.display, m.displayAs[s.display]],
    [m.col.initial, s.initialSignatory ? m.yes : m.no],
    [m.col.domain, domainLabel(s)],
    [m.col.comment, s.comment || '—'],
    [m.col.publishComment, s.comment ? (s.publishComment ? m.yes : m.no) : '—'],
    [m.col.submitted, dateTime(s.submittedAt)],
    [m.col.confirmed, dateTime(s.confirmedAt)],
    [m.col.approved, dateTime(s.approvedAt)],
    [m.col.hidden, s.hiddenAt ? `${dateTime(s.hiddenAt)} — ${s.hiddenReason ?? ''}` : '—'],
    [m.col.invalidated, dateTime(s.invalidatedAt)],
    [m.col.network, s.networkKey ?? '—'],
    [m.col.consent, s.consentVersion],
  ]
  const may = (action: ModerationAction) => s.actions.includes(action)
  return (
    <AdminLayout a={a} title={`${s.firstName} ${s.lastName}`}>
      {props.done ? (
        <p class="notice" role="status">
          {props.done === 'stale' ? m.staleSignature : m.done}
        </p>
      ) : null}
      <p>
        <StateBadges a={a} s={s} />
      </p>
      <dl class="admin-details">
        {rows.map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2>{m.actions}</h2>
      {may('hide') ? (
        <ActionForm a={a} id={s.id} seen={s.updatedAt} action="hide" label={m.hide} reason />
      ) : null}
      {may('restore') ? (
        <ActionForm a={a} id={s.id} seen={s.updatedAt} action="restore" label={m.restore} />
      ) : null}
      {may('approve') ? (
        <ActionForm a={a} id={s.id} seen={s.updatedAt} action="approve" label={m.approve} />
      ) : null}
      {may('approve_comment') ? (
        <ActionForm a={a} id={s.id} seen={s.updatedAt} action="approve-comment" label={m.approveComment} />
      ) : null}
      {may('mark_initial') ? (
        <ActionForm a={a} id={s.id} seen={s.updatedAt} action="mark-initial" label={m.markInitial} />
      ) : null}
      {may('unmark_initial') ? (
        <ActionForm a={a} id={s.id} seen={s.updatedAt} action="unmark-initial" label={m.unmarkInitial} />
      ) : null}
      {may('delete') ? (
        <ActionForm a={a} id={s.id} seen={s.updatedAt} action="delete" label={m.delete} danger />
      ) : null}
      <p class="hint">{m.deleteHint}</p>
    </AdminLayout>
  )
}
