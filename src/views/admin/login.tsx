// Logging in: the address form, «a link is on its way», and the button behind the link.
import { AdminLayout, type AdminPageContext } from './layout.js'

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
