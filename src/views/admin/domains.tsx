// Institution domains: naming one (shown in place of the domain) or blocking it.
import type { NamedDomain } from '../../domain/moderation.js'
import { AdminLayout, Csrf, type AdminPageContext } from './layout.js'
import { AdminTable } from './parts.js'

export function DomainsPage(props: { a: AdminPageContext; domains: NamedDomain[]; error?: boolean }) {
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
        <AdminTable
          columns={[m.domain, m.displayName, m.blockedCol]}
          rows={props.domains}
          cells={(d) => [d.domain, d.displayName ?? '—', d.blocked ? m.yes : m.no]}
        />
      ) : null}
    </AdminLayout>
  )
}
