// The mail that carries a moderator's login link: text and HTML from the same data.
import { messagesFor } from '../i18n/index.js'
import type { RenderedMail } from './templates.js'

export function renderAdminLoginMail(input: {
  locale: string
  link: string
  minutes: number
  organisation: string
}): RenderedMail {
  const m = messagesFor(input.locale).admin
  const subject = m.loginMailSubject(input.organisation)
  const paragraphs = [m.loginMailBody, input.link, m.loginMailExpiry(input.minutes), m.loginMailIgnore]
  const text = `${paragraphs.join('\n\n')}\n`
  const html =
    '<!DOCTYPE html>' +
    (
      <html lang={input.locale}>
        <head>
          <meta charset="utf-8" />
          <title>{subject}</title>
        </head>
        <body>
          <p>{m.loginMailBody}</p>
          <p>
            <a href={input.link}>{input.link}</a>
          </p>
          <p>{m.loginMailExpiry(input.minutes)}</p>
          <p>{m.loginMailIgnore}</p>
        </body>
      </html>
    ).toString()
  return { subject: subject.replace(/[\r\n]+/g, ' '), text, html }
}
