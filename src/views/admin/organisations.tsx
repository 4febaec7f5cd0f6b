// Organisations that sign in their own name, as moderators see them: who speaks for
// each, how it decided, and the decisions its state allows.
import type { Child } from 'hono/jsx'
import type { Organisation } from '../../db/schema.js'
import {
  type ClaimEvidence,
  type OrganisationClaim,
  isOrganisationAwaiting,
  isOrganisationListed,
  ORGANISATION_FILTERS,
  type OrganisationAction,
  type OrganisationFilter,
} from '../../domain/organisations.js'
import { AdminLayout, Csrf, type AdminPageContext } from './layout.js'
import { dateTime } from './parts.js'

/** One organisation as the page shows it: the row, and what may be done to it now. */
export interface ModeratedOrganisation {
  organisation: Organisation
  kindLabel: string
  /** A change of name, kind or web site its contact proposed once approved. */
  proposal?: OrganisationClaim & { kindLabel: string; evidence: ClaimEvidence }
  evidence: ClaimEvidence
  actions: OrganisationAction[]
}

type OrganisationStateName = 'pending' | 'awaiting' | 'listed' | 'hidden' | 'proposed'

function statesOf(o: Organisation): OrganisationStateName[] {
  const states: OrganisationStateName[] = []
  if (o.status === 'pending') states.push('pending')
  if (isOrganisationAwaiting(o)) states.push('awaiting')
  if (isOrganisationListed(o)) states.push('listed')
  if (o.hidden_at !== null) states.push('hidden')
  if (o.proposed !== null) states.push('proposed')
  return states
}

/** The mandate as its contact typed it: paragraphs separated by a blank line. */
function Paragraphs({ text }: { text: string }) {
  if (text === '') return <>—</>
  return (
    <>
      {text.split(/\n{2,}/).map((p) => (
        <p>{p}</p>
      ))}
    </>
  )
}

function ActionForm(props: {
  a: AdminPageContext
  id: number
  action: OrganisationAction
  filter: OrganisationFilter
  /** The contact's address is still kept: approving or refusing tells them. */
  told: boolean
  /** The organisation's updated_at as shown: a decision on anything since is not applied. */
  seen: string
}) {
  const { a, id, action } = props
  const m = a.m.admin.organisations
  const hints: Partial<Record<OrganisationAction, string>> = {
    approve: props.told ? m.actionHint.approve : m.actionHint.approveUntold,
    refuse: props.told ? m.actionHint.refuse : m.actionHint.refuseUntold,
    approve_change: m.actionHint.approve_change,
    refuse_change: m.actionHint.refuse_change,
    delete: m.actionHint.delete,
  }
  const hint = hints[action]
  const hintId = `hint-${action}-${id}`
  return (
    <form method="post" action={`/admin/organisations/${id}/${action}`} class="admin-action">
      <Csrf a={a} />
      <input type="hidden" name="filter" value={props.filter} />
      <input type="hidden" name="seen" value={props.seen} />
      <button
        type="submit"
        class={action === 'refuse' || action === 'delete' ? 'danger' : undefined}
        aria-describedby={hint ? hintId : undefined}
      >
        {m.action[action]}
      </button>
      {hint ? (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </form>
  )
}

/** What the contact's address says of a claim, in a sentence or two. */
function evidenceText(a: AdminPageContext, ev: ClaimEvidence): string {
  const m = a.m.admin.organisations
  const first = ev.addressInstitution
    ? m.addressInstitution({ institution: ev.addressInstitution })
    : ev.addressOnSite
      ? m.addressSameSite
      : m.addressOther
  return ev.addressInstitution && ev.addressOnSite ? `${first} ${m.addressSameSite}` : first
}

function OrganisationEntry(props: {
  a: AdminPageContext
  item: ModeratedOrganisation
  filter: OrganisationFilter
}) {
  const { a, item } = props
  const o = item.organisation
  const m = a.m.admin.organisations
  const headingId = `organisation-${o.id}`
  const ev = item.evidence
  const rows: [string, Child][] = [
    [m.kind, item.kindLabel],
    [m.url, o.url || '—'],
    [m.contact, o.contact_role ? `${o.contact_name}, ${o.contact_role}` : o.contact_name],
    [
      m.email,
      <>
        {o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : m.emailErased({ domain: o.email_domain })}
        <br />
        {evidenceText(a, ev)}
      </>,
    ],
    [m.mandate, <Paragraphs text={o.mandate} />],
    [m.submitted, dateTime(o.submitted_at)],
    [m.confirmed, dateTime(o.confirmed_at)],
    [m.approved, dateTime(o.approved_at)],
    [m.hidden, dateTime(o.hidden_at)],
  ]
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{o.name}</h2>
      <p>
        <span class="badges">
          {statesOf(o).map((state) => (
            <span class="badge">{m.state[state]}</span>
          ))}
        </span>
      </p>
      {ev.sameNameListed ? <p class="notice">{m.sameName}</p> : null}
      {item.proposal ? (
        <section aria-labelledby={`${headingId}-proposal`} class="notice">
          <h3 id={`${headingId}-proposal`}>{m.proposedTitle({ date: dateTime(o.proposed_at) })}</h3>
          <dl class="admin-details">
            {(
              [
                [a.m.organisations.name, item.proposal.name, o.name],
                [m.kind, item.proposal.kindLabel, item.kindLabel],
                [m.url, item.proposal.url || '—', o.url || '—'],
              ] as const
            ).map(([label, proposed, now]) => (
              <div>
                <dt>{label}</dt>
                <dd>
                  {proposed}
                  {proposed !== now ? ` (${m.was} ${now})` : ''}
                </dd>
              </div>
            ))}
          </dl>
          {/* The proposal is a claim of its own: what the address says of it, not of the approved one. */}
          <p>{evidenceText(a, item.proposal.evidence)}</p>
          {item.proposal.evidence.sameNameListed ? <p>{m.sameName}</p> : null}
          <p>{m.proposedNote}</p>
        </section>
      ) : null}
      <dl class="admin-details">
        {rows.map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {item.actions.map((action) => (
        <ActionForm
          a={a}
          id={o.id}
          action={action}
          filter={props.filter}
          told={o.email !== null}
          seen={o.updated_at}
        />
      ))}
    </section>
  )
}

export function OrganisationsPage(props: {
  a: AdminPageContext
  filter: OrganisationFilter
  items: ModeratedOrganisation[]
  /** The action just applied, or 'stale' when it no longer applied. */
  done?: OrganisationAction | 'stale'
  /** The id before which the next page starts, when there is one. */
  next?: number
}) {
  const { a } = props
  const m = a.m.admin.organisations
  return (
    <AdminLayout a={a} title={m.title}>
      {props.done ? (
        <p class="notice" role="status">
          {props.done === 'stale' ? m.stale : m.done[props.done]}
        </p>
      ) : null}
      <p>{m.intro}</p>
      <nav aria-label={m.filterLabel}>
        <p class="admin-tabs">
          {ORGANISATION_FILTERS.map((f) => (
            <a
              href={f === 'awaiting' ? '/admin/organisations' : `/admin/organisations?filter=${f}`}
              aria-current={props.filter === f ? 'page' : undefined}
            >
              {m.filter[f]}
            </a>
          ))}
        </p>
      </nav>
      {props.items.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        props.items.map((item) => <OrganisationEntry a={a} item={item} filter={props.filter} />)
      )}
      {props.next ? (
        <p>
          <a
            href={`/admin/organisations?${new URLSearchParams({
              ...(props.filter !== 'awaiting' ? { filter: props.filter } : {}),
              before: String(props.next),
            })}`}
          >
            {a.m.admin.older}
          </a>
        </p>
      ) : null}
    </AdminLayout>
  )
}
