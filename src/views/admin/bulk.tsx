// Bulk invalidation after an attack: conditions, how many match, then the button.
import type { BulkConditions, BulkPreview } from '../../domain/bulk.js'
import { AdminLayout, Csrf, type AdminPageContext } from './layout.js'
import { dateTime } from './parts.js'

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
          {m.bulkDone({ n: props.done })}
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
          <h2 id="preview-title">{m.bulkMatches({ n: props.preview.count })}</h2>
          <ul>
            {props.preview.sample.map((s) => (
              <li>
                <a href={`/admin/signatures/${s.id}`}>
                  {s.firstName} {s.lastName}
                </a>{' '}
                · {s.emailDomain} · {dateTime(s.submittedAt)}
              </li>
            ))}
          </ul>
          {props.preview.count > 0 ? (
            <form method="post" action="/admin/bulk/invalidate">
              <Csrf a={a} />
              {hidden}
              <button type="submit" class="danger">
                {m.bulkInvalidate({ n: props.preview.count })}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </AdminLayout>
  )
}
