// The exports for moderators, each behind a button (a POST, audited): the full CSV,
// and the list for publication in the format an editor asks for.
import { PUBLICATION_GROUPINGS } from '../../domain/publication-list.js'
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
      {/* One form: the grouping chosen once, each format its own submit button. */}
      <form method="post" action="/admin/export/list" class="admin-action">
        <Csrf a={a} />
        <input type="hidden" name="locale" value={a.locale} />
        <fieldset class="choices">
          <legend>{m.publicationGrouping}</legend>
          {PUBLICATION_GROUPINGS.map((g, i) => (
            <label class="choice">
              <input type="radio" name="grouping" value={g} checked={i === 0} />{' '}
              {g === 'category' ? m.groupByCategory : m.groupByInstitution}
            </label>
          ))}
        </fieldset>
        {FORMATS.map(([format, label]) => (
          <button type="submit" name="format" value={format}>
            {m.publicationButton({ format: format === 'txt' ? m.plainText : label })}
          </button>
        ))}
      </form>
    </AdminLayout>
  )
}
