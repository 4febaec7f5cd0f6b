// Pieces several pages share: the label of a category, a table of counts, a list of
// signatories.
import { categoryLabel as labelOf } from '../config.js'
import type { PublicSignature } from '../domain/public-list.js'
import { verifiedInstitutionOf } from '../domain/institutional-domains.js'
import type { GroupCount } from '../domain/small-groups.js'
import type { PageContext } from './page-context.js'

export function categoryLabel(p: PageContext, key: string): string {
  return labelOf(p.site, key, p.locale)
}

/** A group's size as published: the number, or «fewer than 5» for a group too small to show. */
export function groupCount(p: PageContext, count: GroupCount): string {
  return count === null ? p.m.groups.fewerThan(p.site.minGroupSize) : p.m.number(count)
}

/** Whether what was typed only says again the verified name (no need to repeat it). */
function repeats(typed: string, verified: string): boolean {
  const key = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
  return key(typed) === key(verified)
}

/** Two columns, what and how many; named by its caption or by a heading's id. */
export function CountTable(props: {
  p: PageContext
  caption?: string
  labelledBy?: string
  what: string
  howMany: string
  rows: { label: string; count: GroupCount }[]
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
            <td class="num">{groupCount(props.p, r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * Public signatures as the list shows them. With an institutional address, what the
 * address proves (the institution's canonical name, else its domain) carries the
 * verified mark, and what the signatory typed follows apart, as their own precision:
 * «Harvard University, Prix Nobel» typed at univ-tlse3.fr is never shown as verified.
 * On an institution's own page (`markVerified` false) its name is the page's title.
 */
export function SignatoryList(props: { p: PageContext; items: PublicSignature[]; markVerified: boolean }) {
  const { p } = props
  return (
    <ol class="signatories">
      {props.items.map((s) => {
        const verified = verifiedInstitutionOf(p.site, s.emailDomain)
        const precision =
          verified !== undefined && s.institution && !repeats(s.institution, verified) ? s.institution : ''
        return (
          <li>
            <span class="name">
              {s.firstName} {s.lastName}
            </span>
            {verified !== undefined && props.markVerified ? (
              <>
                <span class="institution">{verified}</span>{' '}
                <span class="verified">{p.m.institutions.verified}</span>
              </>
            ) : null}
            {precision ? (
              <span class="precision">
                <span class="precision-label">{p.m.institutions.precision}</span> {precision}
              </span>
            ) : null}
            <span class="meta">
              {[categoryLabel(p, s.category), verified === undefined ? s.institution : '', s.discipline]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <span class="date">{p.m.signatories.signedOn(p.m.date(s.confirmedAt))}</span>
          </li>
        )
      })}
    </ol>
  )
}
