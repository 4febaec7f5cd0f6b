// /institutions and each institution's page: numbers from counters, names only of
// those who chose to be listed, and the form that relays a message to the willing.
import type { InstitutionDetail, InstitutionRanking } from '../domain/institutions.js'
import type { PublicSignature } from '../domain/public-list.js'
import type { FieldErrorKey } from '../domain/sign-form.js'
import { Layout } from './layout.js'
import type { PageContext } from './page-context.js'
import { categoryLabel, CountTable, Domain, groupCount, SignatoryList } from './parts.js'

export function InstitutionsPage({ p, ranking }: { p: PageContext; ranking: InstitutionRanking }) {
  const m = p.m.institutions
  const { items, other } = ranking
  return (
    <Layout p={p} title={m.title} description={p.m.meta.institutions} noindex={!p.site.indexSignatories}>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      <p>{p.m.groups.note({ k: p.site.minGroupSize })}</p>
      {items.length === 0 && other.institutions === 0 ? (
        <p>{m.empty}</p>
      ) : (
        <div class="table-wrap">
          {/* Stacked on a phone (style.css): each number then says what it counts. The roles
              keep it a table for screen readers, which lose it when its display changes. */}
          <table class="data stack" role="table">
            <caption>{m.caption}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {m.name}
                </th>
                <th scope="col" role="columnheader" class="num">
                  {m.total}
                </th>
                <th scope="col" role="columnheader" class="num">
                  {m.listed}
                </th>
                <th scope="col" role="columnheader" class="num">
                  {m.willing}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {items.map((i) => (
                <tr role="row">
                  <th scope="row" role="rowheader">
                    <a href={p.href(`/institutions/${i.domain}`)}>{i.name}</a>{' '}
                    <span class="domain">
                      @<Domain name={i.domain} />
                    </span>
                  </th>
                  <td role="cell" class="num" data-label={m.total}>
                    {p.m.number(i.total)}
                  </td>
                  <td role="cell" class="num" data-label={m.listed}>
                    {p.m.number(i.listed)}
                  </td>
                  <td role="cell" class="num" data-label={m.willing}>
                    {groupCount(p, i.willing)}
                  </td>
                </tr>
              ))}
              {other.institutions > 0 ? (
                <tr role="row">
                  <th scope="row" role="rowheader">
                    {m.otherInstitutions({ n: other.institutions, k: p.site.minGroupSize })}
                  </th>
                  <td role="cell" class="num" data-label={m.total}>
                    {groupCount(p, other.total)}
                  </td>
                  <td role="cell" class="num" data-label={m.listed}>
                    —
                  </td>
                  <td role="cell" class="num" data-label={m.willing}>
                    —
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}

export type RelayField = 'name' | 'email' | 'message'
export type RelayValues = Partial<Record<RelayField, string>>
export type RelayErrors = Partial<Record<RelayField, FieldErrorKey>>

export function InstitutionPage(props: {
  p: PageContext
  institution: InstitutionDetail
  items: PublicSignature[]
  next?: string
  isFirstPage: boolean
  values?: RelayValues
  errors?: RelayErrors
  /** Why the contact form is shown again (nothing saved: storage failed). */
  notice?: string
}) {
  const { p, institution: inst, items } = props
  const m = p.m.institutions
  const base = p.href(`/institutions/${inst.domain}`)
  return (
    <Layout p={p} title={inst.name} noindex={!p.site.indexSignatories}>
      <p>
        <a href={p.href('/institutions')}>{m.all}</a>
      </p>
      <h1>{inst.name}</h1>
      <p class="domain">
        {m.addresses({ domain: inst.domain })} ({m.verified})
      </p>
      <p>
        {inst.total === null
          ? m.summaryFew({ k: p.site.minGroupSize, listed: inst.listed })
          : m.summary({ total: inst.total, listed: inst.listed })}
      </p>
      {inst.hasWilling ? (
        <p>
          <a href="#debate">{willingText(p, inst)}</a>
        </p>
      ) : null}
      {inst.byCategory.length > 0 || inst.otherCategories !== undefined ? (
        <CountTable
          p={p}
          caption={m.byCategory}
          what={m.category}
          howMany={m.count}
          rows={[
            ...inst.byCategory.map((c) => ({ label: categoryLabel(p, c.key), count: c.count })),
            ...(inst.otherCategories !== undefined
              ? [{ label: m.otherCategories, count: inst.otherCategories }]
              : []),
          ]}
        />
      ) : null}
      <h2>{m.signatoriesTitle}</h2>
      {items.length === 0 ? (
        <p>{m.noneListed}</p>
      ) : (
        <SignatoryList p={p} items={items} markVerified={false} />
      )}
      {props.next || !props.isFirstPage ? (
        <nav aria-label={m.pagination} class="pagination">
          {!props.isFirstPage ? <a href={base}>{m.first}</a> : null}
          {props.next ? <a href={`${base}?after=${encodeURIComponent(props.next)}`}>{m.next}</a> : null}
        </nav>
      ) : null}
      <DebateSection
        p={p}
        institution={inst}
        values={props.values}
        errors={props.errors}
        notice={props.notice}
      />
    </Layout>
  )
}

/** How many are willing, or «fewer than 5» when they are fewer than the minimum group size. */
function willingText(p: PageContext, inst: InstitutionDetail): string {
  if (!inst.hasWilling) return p.m.debate.willing({ n: 0 })
  return inst.willing === null
    ? p.m.debate.willingFew({ k: p.site.minGroupSize })
    : p.m.debate.willing({ n: inst.willing })
}

function DebateSection(props: {
  p: PageContext
  institution: InstitutionDetail
  values?: RelayValues
  errors?: RelayErrors
  notice?: string
}) {
  const { p, institution: inst, values = {}, errors = {} } = props
  const m = p.m.debate
  const fields: {
    name: RelayField
    label: string
    type: string
    max: number
    autocomplete?: string
    hint?: string
  }[] = [
    { name: 'name', label: m.name, type: 'text', max: 100, autocomplete: 'name' },
    {
      name: 'email',
      label: m.email,
      type: 'email',
      max: 254,
      autocomplete: 'email',
      hint: m.emailHint({ domain: inst.domain }),
    },
  ]
  const FieldError = ({ name }: { name: RelayField }) =>
    errors[name] ? (
      <p class="field-error" id={`error-relay-${name}`}>
        {p.m.fieldError[errors[name]!]}
      </p>
    ) : null
  return (
    <section class="debate" id="debate" aria-labelledby="debate-title">
      <h2 id="debate-title">{m.title}</h2>
      {props.notice ? (
        <p class="error-summary" role="alert">
          {props.notice}
        </p>
      ) : null}
      <p>{willingText(p, inst)}</p>
      {inst.hasWilling ? (
        <>
          <p>{m.formIntro}</p>
          <form method="post" action={p.href(`/institutions/${inst.domain}/contact#debate`)} novalidate>
            {fields.map((f) => (
              <div class={`field${errors[f.name] ? ' has-error' : ''}`}>
                <label for={`relay-${f.name}`}>{f.label}</label>
                {f.hint ? (
                  <p class="hint" id={`hint-relay-${f.name}`}>
                    {f.hint}
                  </p>
                ) : null}
                <FieldError name={f.name} />
                <input
                  type={f.type}
                  id={`relay-${f.name}`}
                  name={f.name}
                  value={values[f.name] ?? ''}
                  maxlength={f.max}
                  autocomplete={f.autocomplete}
                  required
                  aria-invalid={errors[f.name] ? 'true' : undefined}
                  aria-describedby={
                    [f.hint ? `hint-relay-${f.name}` : '', errors[f.name] ? `error-relay-${f.name}` : '']
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                />
              </div>
            ))}
            <div class={`field${errors.message ? ' has-error' : ''}`}>
              <label for="relay-message">{m.message}</label>
              <p class="hint" id="hint-relay-message">
                {m.messageHint({ max: p.site.debateMessageMax })}
              </p>
              <FieldError name="message" />
              <textarea
                id="relay-message"
                name="message"
                rows={6}
                maxlength={p.site.debateMessageMax}
                required
                aria-invalid={errors.message ? 'true' : undefined}
                aria-describedby={['hint-relay-message', errors.message ? 'error-relay-message' : '']
                  .filter(Boolean)
                  .join(' ')}
              >
                {values.message ?? ''}
              </textarea>
            </div>
            <div class="hp" aria-hidden="true">
              <label for="relay-website">{p.m.sign.honeypot}</label>
              <input
                type="text"
                id="relay-website"
                name="website"
                value=""
                tabindex={-1}
                autocomplete="off"
              />
            </div>
            <button type="submit">{m.send}</button>
          </form>
        </>
      ) : null}
    </section>
  )
}
