// Pieces several pages share: the label of a category, a table of counts, a list of
// signatories.
import type { PublicSignature } from '../domain/public-list.js'
import { isInstitutionalDomain } from '../domain/institutional-domains.js'
import type { PageContext } from './page-context.js'

export function categoryLabel(p: PageContext, key: string): string {
  return p.site.categories.find((c) => c.key === key)?.labels[p.locale] ?? key
}

/** Two columns, what and how many; named by its caption or by a heading's id. */
export function CountTable(props: {
  p: PageContext
  caption?: string
  labelledBy?: string
  what: string
  howMany: string
  rows: { label: string; count: number }[]
}) {
  return (
    <table class="data" aria-labelledby={props.labelledBy}>
      {props.caption ? <caption>{props.caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{props.what}</th>
          <th scope="col" class="num">
            {props.howMany}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">{r.label}</th>
            <td class="num">{props.p.m.number(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Public signatures as the list shows them; `markVerified` marks institutional addresses. */
export function SignatoryList(props: { p: PageContext; items: PublicSignature[]; markVerified: boolean }) {
  const { p } = props
  return (
    <ol class="signatories">
      {props.items.map((s) => (
        <li>
          <span class="name">
            {s.firstName} {s.lastName}
          </span>
          <span class="meta">{[categoryLabel(p, s.category), s.institution, s.discipline].filter(Boolean).join(' · ')}</span>
          <span class="date">{p.m.signatories.signedOn(p.m.date(s.confirmedAt))}</span>
          {props.markVerified && isInstitutionalDomain(p.site, s.emailDomain) ? <span class="verified">{p.m.institutions.verified}</span> : null}
        </li>
      ))}
    </ol>
  )
}
