// Mails sent to signatories: the text and HTML versions come from the same data,
// so they always say the same thing. HTML is produced by hono/jsx, which escapes.
import type { Messages } from '../i18n/index.js'
import { messagesFor } from '../i18n/index.js'

export type MailKind = 'confirm' | 'already_signed' | 'manage'

export interface MailInput {
  kind: MailKind
  locale: string
  firstName: string
  link: string
  siteTitle: string
  organisation: string
  /** Validity of the link, in days (confirm) or hours (manage). */
  validity: number
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

interface MailContent {
  subject: string
  paragraphsBefore: string[]
  paragraphsAfter: string[]
}

function contentFor(m: Messages, input: MailInput): MailContent {
  switch (input.kind) {
    case 'confirm':
      return {
        subject: m.mail.confirmSubject(input.siteTitle),
        paragraphsBefore: [m.mail.confirmBody(input.siteTitle)],
        paragraphsAfter: [m.mail.confirmExpiry(input.validity), m.mail.ignore],
      }
    case 'already_signed':
      return {
        subject: m.mail.alreadySubject(input.siteTitle),
        paragraphsBefore: [m.mail.alreadyBody(input.siteTitle)],
        paragraphsAfter: [m.mail.manageExpiry(input.validity)],
      }
    case 'manage':
      return {
        subject: m.mail.manageSubject(input.siteTitle),
        paragraphsBefore: [m.mail.manageBody(input.siteTitle)],
        paragraphsAfter: [m.mail.manageExpiry(input.validity)],
      }
  }
}

/** Strips line breaks from what goes into a header, whatever a name contains. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ')
}

export function renderMail(input: MailInput): RenderedMail {
  const m = messagesFor(input.locale)
  const c = contentFor(m, input)
  const greeting = m.mail.greeting(input.firstName)
  const signoff = m.mail.signoff(input.organisation)
  const text = [
    greeting,
    '',
    ...c.paragraphsBefore,
    '',
    input.link,
    '',
    ...c.paragraphsAfter.flatMap((p) => [p, '']),
    signoff,
    '',
  ].join('\n')
  const html =
    '<!DOCTYPE html>' +
    (
      <html lang={input.locale}>
        <head>
          <meta charset="utf-8" />
          <title>{c.subject}</title>
        </head>
        <body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36em;">
          <p>{greeting}</p>
          {c.paragraphsBefore.map((p) => (
            <p>{p}</p>
          ))}
          <p>
            <a href={input.link} style="color: #8a1c1c; font-weight: bold;">
              {input.link}
            </a>
          </p>
          {c.paragraphsAfter.map((p) => (
            <p>{p}</p>
          ))}
          <p>{signoff}</p>
        </body>
      </html>
    ).toString()
  return { subject: oneLine(c.subject), text, html }
}
