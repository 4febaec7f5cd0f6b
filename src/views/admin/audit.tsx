// The audit log, newest first, and the button that reconciles the counts now.
import type { AuditEntry } from '../../domain/audit.js'
import { AdminLayout, Csrf, type AdminPageContext } from './layout.js'
import { AdminTable, dateTime } from './parts.js'

export function AuditPage(props: {
  a: AdminPageContext
  entries: AuditEntry[]
  next?: number
  reconciled?: string
}) {
  const { a } = props
  const m = a.m.admin
  return (
    <AdminLayout a={a} title={m.auditTitle}>
      {props.reconciled ? (
        <p class="notice" role="status">
          {props.reconciled}
        </p>
      ) : null}
      <form method="post" action="/admin/reconcile">
        <Csrf a={a} />
        <button type="submit">{m.reconcileNow}</button>
      </form>
      <AdminTable
        columns={[m.col.date, m.col.actor, m.col.action, m.col.target, m.col.detail]}
        rows={props.entries}
        cells={(e) => [dateTime(e.at), e.actor, e.action, e.target, e.detail]}
      />
      {props.next ? (
        <p>
          <a href={`/admin/audit?before=${props.next}`}>{m.older}</a>
        </p>
      ) : null}
    </AdminLayout>
  )
}
