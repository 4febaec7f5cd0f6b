// Opening and closing signing by hand; the closing date of the config still applies.
import { AdminLayout, Csrf, type AdminPageContext } from './layout.js'
import { dateTime } from './parts.js'

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
      {props.closesAt ? <p>{m.closesAt({ date: dateTime(props.closesAt.toISOString()) })}</p> : null}
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
