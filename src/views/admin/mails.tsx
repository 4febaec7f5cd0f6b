// Mails given up for good, for moderators to look at.
import type { DeadMail } from '../../domain/moderation.js'
import { AdminLayout, type AdminPageContext } from './layout.js'
import { AdminTable, dateTime } from './parts.js'

export function MailsPage(props: { a: AdminPageContext; mails: DeadMail[] }) {
  const { a } = props
  const m = a.m.admin
  return (
    <AdminLayout a={a} title={m.mailsTitle}>
      <p>{m.mailsIntro}</p>
      {props.mails.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <AdminTable
          columns={[m.col.date, m.col.kind, m.col.name, m.col.error]}
          rows={props.mails}
          cells={(mail) => [
            dateTime(mail.createdAt),
            (m.mailKind as Record<string, string>)[mail.kind] ?? mail.kind,
            mail.signatureId && mail.name ? (
              <a href={`/admin/signatures/${mail.signatureId}`}>{mail.name}</a>
            ) : mail.organisationId && mail.name ? (
              <a href={`/admin/organisations?filter=all#organisation-${mail.organisationId}`}>{mail.name}</a>
            ) : (
              '—'
            ),
            mail.lastError ?? '—',
          ]}
        />
      )}
    </AdminLayout>
  )
}
