// The dashboard: the figures, search and filters, and the latest signatures.
import { FLAG_KINDS, type FlagKind } from '../../domain/flags.js'
import {
  type Dashboard,
  type ModeratedSignature,
  SIGNATURE_FILTERS,
  type SignatureFilter,
} from '../../domain/moderation.js'
import { AdminLayout, type AdminPageContext } from './layout.js'
import { AdminTable, dateTime, domainLabel, StateBadges } from './parts.js'

export function DashboardPage(props: {
  a: AdminPageContext
  counts: Dashboard
  items: ModeratedSignature[]
  query: string
  filter: SignatureFilter
  flag?: FlagKind
  next?: number
  lastReconciliation?: string
  /** Organisations that sign in their own name, when the site has any. */
  organisations?: { awaiting: number; listed: number }
}) {
  const { a, counts } = props
  const m = a.m.admin
  const figures: [string, number, string][] = [
    [m.counts.pending, counts.pending, 'pending'],
    [m.counts.confirmed, counts.confirmed, 'all'],
    [m.counts.public, counts.public, 'all'],
    [m.counts.flagged, counts.flagged, 'flagged'],
    [m.counts.withdrawn, counts.withdrawn, ''],
    [m.counts.hidden, counts.hidden, 'hidden'],
    [m.counts.awaiting, counts.awaitingApproval, 'awaiting'],
    [m.counts.comments, counts.commentsAwaiting, 'comments'],
    [m.counts.invalidated, counts.invalidated, 'invalidated'],
  ]
  const params = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...(props.query ? { q: props.query } : {}),
      ...(props.filter !== 'all' ? { filter: props.filter } : {}),
      ...(props.flag ? { flag: props.flag } : {}),
      ...extra,
    }).toString()
  return (
    <AdminLayout a={a} title={m.dashboardTitle}>
      <dl class="admin-figures">
        {figures.map(([label, n, filter]) => (
          <div>
            <dt>
              {filter ? <a href={filter === 'all' ? '/admin' : `/admin?filter=${filter}`}>{label}</a> : label}
            </dt>
            <dd>{a.m.number(n)}</dd>
          </div>
        ))}
        {props.organisations && props.organisations.awaiting > 0 ? (
          <div>
            <dt>
              <a href="/admin/organisations">{m.organisations.dashboardAwaiting}</a>
            </dt>
            <dd>{a.m.number(props.organisations.awaiting)}</dd>
          </div>
        ) : null}
        {props.organisations ? (
          <div>
            <dt>
              <a href="/admin/organisations?filter=listed">{m.organisations.dashboardListed}</a>
            </dt>
            <dd>{a.m.number(props.organisations.listed)}</dd>
          </div>
        ) : null}
      </dl>
      {props.lastReconciliation ? <p class="hint">{props.lastReconciliation}</p> : null}
      <form method="get" action="/admin" role="search" class="search">
        <label for="q">{m.search}</label>
        <div class="search-row">
          <input type="search" id="q" name="q" value={props.query} maxlength={100} />
          <select name="filter" aria-label={m.filterLabel}>
            {SIGNATURE_FILTERS.map((f) => (
              <option value={f} selected={f === props.filter}>
                {m.filter[f]}
              </option>
            ))}
          </select>
          <button type="submit">{m.searchButton}</button>
        </div>
      </form>
      {props.filter === 'flagged' ? (
        <p class="admin-tabs">
          {FLAG_KINDS.map((f) => (
            <a href={`/admin?filter=flagged&flag=${f}`} aria-current={props.flag === f ? 'page' : undefined}>
              {m.flag[f]}
            </a>
          ))}
        </p>
      ) : null}
      {props.filter === 'mismatch' ? <p class="hint">{m.mismatchHint}</p> : null}
      <h2>{m.latest}</h2>
      {props.items.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <AdminTable
          columns={[m.col.name, m.col.institution, m.col.domain, m.col.submitted, m.col.state]}
          rows={props.items}
          cells={(s) => [
            <a href={`/admin/signatures/${s.id}`}>
              {s.firstName} {s.lastName}
            </a>,
            s.institution,
            domainLabel(s),
            dateTime(s.submittedAt),
            <StateBadges a={a} s={s} />,
          ]}
        />
      )}
      {props.next ? (
        <p>
          <a href={`/admin?${params({ before: String(props.next) })}`}>{m.older}</a>
        </p>
      ) : null}
    </AdminLayout>
  )
}
