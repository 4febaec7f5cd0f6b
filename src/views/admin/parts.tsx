// Pieces several admin pages share: how a date reads, the one table every list uses,
// a signature's state badges and the page that says one thing.
import type { Child } from 'hono/jsx'
import type { ModeratedSignature } from '../../domain/moderation.js'
import { AdminLayout, type AdminPageContext } from './layout.js'

/** An instant as moderators read it, to the minute, in UTC; a dash for none. */
export function dateTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—'
}

/**
 * A table of rows, one header per column: the dashboard, domains, failed mails and the
 * audit log. On a phone each row stacks, each cell after its column's heading
 * (data-label), as the public tables do: a moderator on a phone reads every column.
 */
export function AdminTable<T>(props: { columns: string[]; rows: T[]; cells: (row: T) => Child[] }) {
  return (
    <table class="admin-table stack">
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th scope="col">{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            {props.cells(row).map((cell, i) => (
              <td data-label={props.columns[i]}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A domain as moderators see it: with the display name they gave it, if any. */
export function domainLabel(s: Pick<ModeratedSignature, 'emailDomain' | 'domainName'>): string {
  return s.domainName ? `${s.emailDomain} (${s.domainName})` : s.emailDomain
}

/** A signature's states, flags and doubts, as the domain names them. */
export function StateBadges({ a, s }: { a: AdminPageContext; s: ModeratedSignature }) {
  const m = a.m.admin
  return (
    <span class="badges">
      {s.states.map((state) => (
        <span class="badge">{m.state[state]}</span>
      ))}
      {s.flags.map((f) => (
        <span class="badge flag">{m.flag[f]}</span>
      ))}
      {s.institutionMismatch ? (
        <span class="badge flag" title={m.mismatchHint}>
          {m.mismatch}
        </span>
      ) : null}
    </span>
  )
}

export function AdminMessagePage(props: { a: AdminPageContext; title: string; body: string }) {
  return (
    <AdminLayout a={props.a} title={props.title}>
      <p>{props.body}</p>
      <p>
        <a href="/admin">{props.a.m.admin.backToDashboard}</a>
      </p>
    </AdminLayout>
  )
}
