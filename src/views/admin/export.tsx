// The exports for moderators, each behind a button (a POST, audited): the full CSV,
// and the list for publication in the format an editor asks for.
import { AdminLayout, Csrf, type AdminPageContext } from './layout.js'

/** The formats and how the button names them (the plain text's name is translated). */
const FORMATS = [
  ['pdf', 'PDF'],
  ['docx', 'DOCX (Word, LibreOffice)'],
  ['txt', ''],
] as const

export function ExportPage({ a }: { a: AdminPageContext }) {
  const m = a.m.admin
  return (
    <AdminLayout a={a} title={m.exportTitle}>
      <p>{m.exportIntro}</p>
      <form method="post" action="/admin/export">
        <Csrf a={a} />
        <button type="submit">{m.exportButton}</button>
      </form>
      <h2>{m.publicationTitle}</h2>
      <p>{m.publicationIntro}</p>
      {FORMATS.map(([format, label]) => (
        <form method="post" action="/admin/export/list" class="admin-action">
          <Csrf a={a} />
          <input type="hidden" name="format" value={format} />
          <input type="hidden" name="locale" value={a.locale} />
          <button type="submit">
            {m.publicationButton({ format: format === 'txt' ? m.plainText : label })}
          </button>
        </form>
      ))}
    </AdminLayout>
  )
}
