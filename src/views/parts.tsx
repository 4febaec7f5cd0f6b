// Pieces several pages share: the label of a category, a table of counts, a list of
// signatories.
import { categoryLabel as labelOf } from '../config.js'
import type { PublicSignature } from '../domain/public-list.js'
import type { GroupCount } from '../domain/small-groups.js'
import type { PageContext } from './page-context.js'

export function categoryLabel(p: PageContext, key: string): string {
  return labelOf(p.site, key, p.locale)
}

/** A group's size as published: the number, or «fewer than 5» for a group too small to show. */
export function groupCount(p: PageContext, count: GroupCount): string {
  return count === null ? p.m.groups.fewerThan({ k: p.site.minGroupSize }) : p.m.number(count)
}

/**
 * A catalogue sentence with one of its phrases made a link (the page it names, the
 * address it gives), so that the wording stays whole in the catalogue. Without the
 * phrase in it, the sentence is shown as it is.
 */
export function LinkWithin({ text, phrase, href }: { text: string; phrase: string; href: string }) {
  const at = text.indexOf(phrase)
  if (at < 0) return <>{text}</>
  return (
    <>
      {text.slice(0, at)}
      <a href={href}>{phrase}</a>
      {text.slice(at + phrase.length)}
    </>
  )
}

/**
 * A domain name that may break on a phone, before each dot (where a reader expects a
 * break in an address), instead of overflowing its column or breaking mid-word.
 */
export function Domain({ name }: { name: string }) {
  const parts = name.split('.')
  return (
    <>
      {parts.map((part, i) =>
        i === 0 ? (
          part
        ) : (
          <>
            <wbr />.{part}
          </>
        ),
      )}
    </>
  )
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
 * Public signatures as the list shows them, each as its signatory chose to appear
 * (display.ts): «Prénom Nom, grade, laboratoire», then what the address proves with
 * the verified mark, and what the signatory typed apart as their own precision (see
 * PublicSignature). On an institution's own page (`markVerified` false) its name is
 * the page's title.
 */
export function SignatoryList(props: { p: PageContext; items: PublicSignature[]; markVerified: boolean }) {
  const { p } = props
  return (
    <ol class="signatories">
      {props.items.map((s) => {
        const verified = s.verifiedInstitution
        const precision = s.precision
        const position = [s.title, s.unit].filter(Boolean).join(', ')
        return (
          <li>
            <span class="name">
              {s.display === 'withheld' ? p.m.signatories.withheld : `${s.firstName} ${s.lastName}`}
            </span>
            {position ? <span class="position">{position}</span> : null}
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
              {[
                s.category ? categoryLabel(p, s.category) : '',
                verified === undefined ? s.institution : '',
                s.discipline,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <span class="date">{p.m.signatories.signedOn({ date: p.m.date(s.confirmedAt) })}</span>
          </li>
        )
      })}
    </ol>
  )
}

/** The manage pages' section that offers the data kept, as a file (GDPR access and portability). */
export function DataDownload(props: {
  title: string
  hint: string
  href: string
  file: string
  link: string
}) {
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{props.title}</h2>
      <p>{props.hint}</p>
      <p>
        <a href={props.href} download={props.file}>
          {props.link}
        </a>
      </p>
    </section>
  )
}

/** The manage pages' last section: withdrawing for good, one button behind the link's CSRF value. */
export function WithdrawSection(props: {
  title: string
  body: string
  button: string
  action: string
  csrf: string
}) {
  return (
    <section class="withdraw" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{props.title}</h2>
      <p>{props.body}</p>
      <form method="post" action={props.action}>
        <input type="hidden" name="csrf" value={props.csrf} />
        <button type="submit" class="danger">
          {props.button}
        </button>
      </form>
    </section>
  )
}
