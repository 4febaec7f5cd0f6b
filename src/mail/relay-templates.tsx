// Mails of the debate relay: the sender's confirmation, and the message relayed to
// each willing signatory. Text and HTML come from the same data; hono/jsx escapes.
import { messagesFor } from '../i18n/index.js'
import type { RenderedMail } from './templates.js'

function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ')
}

function compose(
  locale: string,
  subject: string,
  blocks: { text: string; link?: boolean; quote?: boolean }[],
): RenderedMail {
  const text = `${blocks
    .map((b) =>
      b.quote
        ? b.text
            .split('\n')
            .map((l) => `> ${l}`)
            .join('\n')
        : b.text,
    )
    .join('\n\n')}\n`
  const html =
    '<!DOCTYPE html>' +
    (
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <title>{subject}</title>
        </head>
        <body>
          {blocks.map((b) =>
            b.link ? (
              <p>
                <a href={b.text}>{b.text}</a>
              </p>
            ) : b.quote ? (
              <blockquote>
                {b.text.split('\n\n').map((para) => (
                  <p>{para}</p>
                ))}
              </blockquote>
            ) : (
              <p>{b.text}</p>
            ),
          )}
        </body>
      </html>
    ).toString()
  return { subject: oneLine(subject), text, html }
}

export function renderRelayConfirm(input: {
  locale: string
  name: string
  institution: string
  link: string
  siteTitle: string
  organisation: string
  hours: number
}): RenderedMail {
  const m = messagesFor(input.locale)
  return compose(input.locale, m.debate.confirmSubject(input.siteTitle), [
    { text: m.mail.greeting(input.name) },
    { text: m.debate.confirmMailBody(input.institution) },
    { text: input.link, link: true },
    { text: m.debate.confirmExpiry(input.hours) },
    { text: m.mail.signoff(input.organisation) },
  ])
}

export function renderRelayed(input: {
  locale: string
  firstName: string
  senderName: string
  senderEmail: string
  institution: string
  message: string
  stopLink: string
  organisation: string
}): RenderedMail {
  const m = messagesFor(input.locale)
  return compose(input.locale, m.debate.relaySubject(input.institution), [
    { text: m.mail.greeting(input.firstName) },
    { text: m.debate.relayIntro(input.senderName, input.senderEmail, input.institution) },
    { text: input.message, quote: true },
    { text: m.debate.relayStop },
    { text: input.stopLink, link: true },
    { text: m.mail.signoff(input.organisation) },
  ])
}
