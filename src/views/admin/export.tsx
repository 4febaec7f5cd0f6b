// The full export for moderators, behind one button (a POST, audited).
import { AdminLayout, Csrf, type AdminPageContext } from './layout.js'

export function ExportPage({ a }: { a: AdminPageContext }) {
  const m = a.m.admin
  return (
    <AdminLayout a={a} title={m.exportTitle}>
      <p>{m.exportIntro}</p>
      <form method="post" action="/admin/export">
        <Csrf a={a} />
        <button type="submit">{m.exportButton}</button>
      </form>
    </AdminLayout>
  )
}
