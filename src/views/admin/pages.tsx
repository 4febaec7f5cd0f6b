// Admin page views: pure functions of their props, like every view.
import type { AuditEntry, DomainRow, FlagKind } from '../../db/schema.js'
import type { BulkConditions, BulkPreview } from '../../domain/bulk.js'
import type { Dashboard, DeadMail, ModeratedSignature, SignatureFilter } from '../../domain/moderation.js'
import { AdminLayout, Csrf, type AdminPageContext } from './layout.js'

function dateTime(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—'
}

export function LoginPage({ a }: { a: AdminPageContext }) {
  const m = a.m.admin
  return (
    <AdminLayout a={a} title={m.loginTitle}>
      <p>{m.loginIntro}</p>
      <form method="post" action="/admin/login">
        <input type="hidden" name="locale" value={a.locale} />
        <div class="field">
          <label for="field-email">{a.m.sign.email}</label>
          <input type="email" id="field-email" name="email" maxlength={254} autocomplete="email" required />
        </div>
        <button type="submit">{m.loginButton}</button>
      </form>
    </AdminLayout>
  )
}

export function LoginSentPage({ a }: { a: AdminPageContext }) {
  return (
    <AdminLayout a={a} title={a.m.admin.loginSentTitle}>
      <p>{a.m.admin.loginSent}</p>
    </AdminLayout>
  )
}

export function LoginConfirmPage(props: { a: AdminPageContext; action: string; csrf: string }) {
  const m = props.a.m.admin
  return (
    <AdminLayout a={props.a} title={m.loginConfirmTitle}>
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <button type="submit">{m.loginConfirmButton}</button>
      </form>
    </AdminLayout>
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

function StateBadges({ a, s }: { a: AdminPageContext; s: ModeratedSignature }) {
  const m = a.m.admin
  const states: string[] = [s.status === 'pending' ? m.state.pending : m.state.confirmed]
  if (s.invalidated_at) states.push(m.state.invalidated)
  if (s.hidden_at) states.push(m.state.hidden)
  if (s.status === 'confirmed' && !s.approved_at) states.push(m.state.awaiting)
  if (s.is_public !== 1) states.push(m.state.private)
  if (s.comment && !s.comment_approved_at) states.push(m.state.commentAwaiting)
  return (
    <span class="badges">
      {states.map((t) => (
        <span class="badge">{t}</span>
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

export function DashboardPage(props: {
  a: AdminPageContext
  counts: Dashboard
  items: ModeratedSignature[]
  query: string
  filter: SignatureFilter
  flag?: FlagKind
  next?: number
  lastReconciliation?: string
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
      </dl>
      {props.lastReconciliation ? <p class="hint">{props.lastReconciliation}</p> : null}
      <form method="get" action="/admin" role="search" class="search">
        <label for="q">{m.search}</label>
        <div class="search-row">
          <input type="search" id="q" name="q" value={props.query} maxlength={100} />
          <select name="filter" aria-label={m.filterLabel}>
            {(
              [
                'all',
                'pending',
                'flagged',
                'hidden',
                'awaiting',
                'comments',
                'invalidated',
                'mismatch',
              ] as const
            ).map((f) => (
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
          {(['disposable', 'burst', 'same_name', 'watch_list'] as const).map((f) => (
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
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{m.col.name}</th>
              <th scope="col">{m.col.institution}</th>
              <th scope="col">{m.col.domain}</th>
              <th scope="col">{m.col.submitted}</th>
              <th scope="col">{m.col.state}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((s) => (
              <tr>
                <td>
                  <a href={`/admin/signatures/${s.id}`}>
                    {s.first_name} {s.last_name}
                  </a>
                </td>
                <td>{s.institution}</td>
                <td>{s.domainName ? `${s.email_domain} (${s.domainName})` : s.email_domain}</td>
                <td>{dateTime(s.submitted_at)}</td>
                <td>
                  <StateBadges a={a} s={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.next ? (
        <p>
          <a href={`/admin?${params({ before: String(props.next) })}`}>{m.older}</a>
        </p>
      ) : null}
    </AdminLayout>
  )
}

function ActionForm(props: {
  a: AdminPageContext
  id: number
  action: string
  label: string
  danger?: boolean
  reason?: boolean
}) {
  const m = props.a.m.admin
  return (
    <form method="post" action={`/admin/signatures/${props.id}/${props.action}`} class="admin-action">
      <Csrf a={props.a} />
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
  const category = a.categoryLabel(s.category)
  const rows: [string, string][] = [
    [m.col.name, `${s.first_name} ${s.last_name}`],
    [m.col.category, category],
    [m.col.institution, s.institution],
    [m.col.discipline, s.discipline],
    [m.col.domain, s.domainName ? `${s.email_domain} (${s.domainName})` : s.email_domain],
    [m.col.comment, s.comment || '—'],
    [m.col.submitted, dateTime(s.submitted_at)],
    [m.col.confirmed, dateTime(s.confirmed_at)],
    [m.col.approved, dateTime(s.approved_at)],
    [m.col.hidden, s.hidden_at ? `${dateTime(s.hidden_at)} — ${s.hidden_reason ?? ''}` : '—'],
    [m.col.invalidated, dateTime(s.invalidated_at)],
    [m.col.network, s.network_key ?? '—'],
    [m.col.consent, s.consent_version],
  ]
  const live = s.invalidated_at === null
  return (
    <AdminLayout a={a} title={`${s.first_name} ${s.last_name}`}>
      {props.done ? (
        <p class="notice" role="status">
          {m.done}
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
      {live && s.hidden_at === null ? (
        <ActionForm a={a} id={s.id} action="hide" label={m.hide} reason />
      ) : null}
      {live && s.hidden_at !== null ? (
        <ActionForm a={a} id={s.id} action="restore" label={m.restore} />
      ) : null}
      {live && s.status === 'confirmed' && s.approved_at === null ? (
        <ActionForm a={a} id={s.id} action="approve" label={m.approve} />
      ) : null}
      {live && s.comment !== '' && s.comment_approved_at === null ? (
        <ActionForm a={a} id={s.id} action="approve-comment" label={m.approveComment} />
      ) : null}
      <ActionForm a={a} id={s.id} action="delete" label={m.delete} danger />
      <p class="hint">{m.deleteHint}</p>
    </AdminLayout>
  )
}

export function DomainsPage(props: { a: AdminPageContext; domains: DomainRow[]; error?: boolean }) {
  const { a } = props
  const m = a.m.admin
  return (
    <AdminLayout a={a} title={m.domainsTitle}>
      <p>{m.domainsIntro}</p>
      <form method="post" action="/admin/domains">
        <Csrf a={a} />
        <div class={`field${props.error ? ' has-error' : ''}`}>
          <label for="field-domain">{m.domain}</label>
          {props.error ? (
            <p class="field-error" id="error-domain">
              {m.domainInvalid}
            </p>
          ) : null}
          <input
            type="text"
            id="field-domain"
            name="domain"
            maxlength={253}
            required
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={props.error ? 'error-domain' : undefined}
          />
        </div>
        <div class="field">
          <label for="field-display">{m.displayName}</label>
          <input type="text" id="field-display" name="display_name" maxlength={200} />
        </div>
        <div class="check">
          <input type="checkbox" id="field-blocked" name="blocked" value="1" />
          <label for="field-blocked">{m.blocked}</label>
        </div>
        <button type="submit">{m.save}</button>
      </form>
      {props.domains.length ? (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{m.domain}</th>
              <th scope="col">{m.displayName}</th>
              <th scope="col">{m.blockedCol}</th>
            </tr>
          </thead>
          <tbody>
            {props.domains.map((d) => (
              <tr>
                <td>{d.domain}</td>
                <td>{d.display_name ?? '—'}</td>
                <td>{d.blocked ? m.yes : m.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </AdminLayout>
  )
}

export function SigningPage(props: {
  a: AdminPageContext
  open: boolean
  closesAt?: Date
  overridden: boolean
}) {
  const { a } = props
  const m = a.m.admin
  return (
    <AdminLayout a={a} title={m.signingTitle}>
      <p role="status">{props.open ? m.signingIsOpen : m.signingIsClosed}</p>
      {props.closesAt ? <p>{m.closesAt(dateTime(props.closesAt.toISOString()))}</p> : null}
      <p class="hint">{props.overridden ? m.signingOverridden : m.signingFromConfig}</p>
      <form method="post" action="/admin/signing">
        <Csrf a={a} />
        <input type="hidden" name="open" value={props.open ? '0' : '1'} />
        <button type="submit" class={props.open ? 'danger' : undefined}>
          {props.open ? m.closeSigning : m.openSigning}
        </button>
      </form>
    </AdminLayout>
  )
}

export function ExportPage({ a }: { a: AdminPageContext }) {
  const m = a.m.admin
  return (
    <AdminLayout a={a} title={m.exportTitle}>
      <p>{m.exportIntro}</p>
      <form method="post" action="/admin/export">
        <Csrf a={a} />
        <button type="submit">{m.exportButton}</button>
      </form>
    </AdminLayout>
  )
}

export function BulkPage(props: {
  a: AdminPageContext
  conditions: BulkConditions
  preview?: BulkPreview
  missing?: boolean
  done?: number
}) {
  const { a, conditions: c } = props
  const m = a.m.admin
  const field = (name: keyof BulkConditions, label: string, hint?: string) => (
    <div class="field">
      <label for={`bulk-${name}`}>{label}</label>
      {hint ? (
        <p class="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
      <input
        type="text"
        id={`bulk-${name}`}
        name={name}
        value={c[name] ?? ''}
        maxlength={200}
        aria-describedby={hint ? `hint-${name}` : undefined}
      />
    </div>
  )
  const hidden = (Object.keys(c) as (keyof BulkConditions)[])
    .filter((k) => c[k])
    .map((k) => <input type="hidden" name={k} value={c[k]!} />)
  return (
    <AdminLayout a={a} title={m.bulkTitle}>
      {props.done !== undefined ? (
        <p class="notice" role="status">
          {m.bulkDone(props.done)}
        </p>
      ) : null}
      <p>{m.bulkIntro}</p>
      {props.missing ? (
        <p class="field-error" role="alert">
          {m.bulkMissing}
        </p>
      ) : null}
      <form method="post" action="/admin/bulk/preview">
        <Csrf a={a} />
        {field('network', m.bulkNetwork, m.bulkNetworkHint)}
        {field('domain', m.domain)}
        {field('namePattern', m.bulkName, m.bulkNameHint)}
        {field('from', m.bulkFrom, m.bulkTimeHint)}
        {field('to', m.bulkTo, m.bulkTimeHint)}
        <button type="submit">{m.bulkPreview}</button>
      </form>
      {props.preview ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{m.bulkMatches(props.preview.count)}</h2>
          <ul>
            {props.preview.sample.map((s) => (
              <li>
                <a href={`/admin/signatures/${s.id}`}>
                  {s.first_name} {s.last_name}
                </a>{' '}
                · {s.email_domain} · {dateTime(s.submitted_at)}
              </li>
            ))}
          </ul>
          {props.preview.count > 0 ? (
            <form method="post" action="/admin/bulk/invalidate">
              <Csrf a={a} />
              {hidden}
              <button type="submit" class="danger">
                {m.bulkInvalidate(props.preview.count)}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </AdminLayout>
  )
}

export function MailsPage(props: { a: AdminPageContext; mails: DeadMail[] }) {
  const { a } = props
  const m = a.m.admin
  return (
    <AdminLayout a={a} title={m.mailsTitle}>
      <p>{m.mailsIntro}</p>
      {props.mails.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{m.col.date}</th>
              <th scope="col">{m.col.kind}</th>
              <th scope="col">{m.col.name}</th>
              <th scope="col">{m.col.error}</th>
            </tr>
          </thead>
          <tbody>
            {props.mails.map((mail) => (
              <tr>
                <td>{dateTime(mail.createdAt)}</td>
                <td>{m.mailKind[mail.kind] ?? mail.kind}</td>
                <td>
                  {mail.signatureId && mail.name ? (
                    <a href={`/admin/signatures/${mail.signatureId}`}>{mail.name}</a>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{mail.lastError ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  )
}

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
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">{m.col.date}</th>
            <th scope="col">{m.col.actor}</th>
            <th scope="col">{m.col.action}</th>
            <th scope="col">{m.col.target}</th>
            <th scope="col">{m.col.detail}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{dateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>{e.target}</td>
              <td>{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.next ? (
        <p>
          <a href={`/admin/audit?before=${props.next}`}>{m.older}</a>
        </p>
      ) : null}
    </AdminLayout>
  )
}
