// «Pourquoi nous signons»: published testimonies, each with its signatory as they
// chose to appear; and the few latest on the home page.
import type { Testimony } from '../domain/testimonies.js'
import { Layout } from './layout.js'
import type { PageContext } from './page-context.js'

/** Who wrote a testimony, as the public list shows them: the name chosen, then the title and institution shown. */
function Attribution({ p, t }: { p: PageContext; t: Testimony }) {
  const s = t.signatory
  const name = s.display === 'withheld' ? p.m.signatories.withheld : `${s.firstName} ${s.lastName}`
  const where = [s.title, s.unit, s.verifiedInstitution ?? s.institution].filter(Boolean).join(', ')
  return (
    <footer>
      <cite>{name}</cite>
      {where ? <>, {where}</> : null}
    </footer>
  )
}

/**
 * Testimonies as quotations. `named` false leaves out who wrote them: the home page is
 * meant to be found by search engines, which the signatories' names are not unless
 * the collective allows it ([privacy] index_signatories).
 */
export function TestimonyList(props: { p: PageContext; items: Testimony[]; named: boolean }) {
  return (
    <ul class="testimonies">
      {props.items.map((t) => (
        <li>
          <blockquote>{t.comment}</blockquote>
          {props.named ? <Attribution p={props.p} t={t} /> : null}
        </li>
      ))}
    </ul>
  )
}

export function TestimoniesPage(props: {
  p: PageContext
  items: Testimony[]
  next?: string
  isFirstPage: boolean
}) {
  const { p } = props
  const m = p.m.testimonies
  return (
    <Layout p={p} title={m.title} description={p.m.meta.testimonies} noindex={!p.site.indexSignatories}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {props.items.length === 0 ? <p>{m.empty}</p> : <TestimonyList p={p} items={props.items} named={true} />}
      {props.next || !props.isFirstPage ? (
        <nav aria-label={m.pagination} class="pagination">
          {!props.isFirstPage ? <a href={p.href('/testimonies')}>{m.first}</a> : null}
          {props.next ? <a href={`${p.href('/testimonies')}?after=${props.next}`}>{m.next}</a> : null}
        </nav>
      ) : null}
    </Layout>
  )
}

/** The latest testimonies on the home page, and the way to the others. */
export function LatestTestimonies({ p, items }: { p: PageContext; items: Testimony[] }) {
  if (items.length === 0) return null
  const named = p.site.indexSignatories
  return (
    <section class="latest-testimonies" aria-labelledby="testimonies-title">
      <h2 id="testimonies-title">{p.m.testimonies.title}</h2>
      {named ? (
        <TestimonyList p={p} items={items} named={true} />
      ) : (
        // Nobody named: the quotations alone, without a list around them (the home page's weight).
        items.map((t) => <blockquote class="testimony">{t.comment}</blockquote>)
      )}
      <p>
        <a href={p.href('/testimonies')}>{named ? p.m.testimonies.more : p.m.testimonies.moreNamed}</a>
      </p>
    </section>
  )
}
