// Mails sent to signatories, in their language: the confirmation link, the «already
// signed» answer and the manage link. Layout and text part come from layout.tsx.
import { messagesFor } from '../i18n/index.js'
import { composeMail, type MailSite, type RenderedMail } from './layout.js'

export type { RenderedMail } from './layout.js'

export type MailKind = 'confirm' | 'already_signed' | 'manage'

export interface MailInput {
  kind: MailKind
  site: MailSite
  firstName: string
  link: string
  /** Validity of the link, in days (confirm) or hours (manage). */
  validity: number
}

export function renderMail(input: MailInput): RenderedMail {
  const m = messagesFor(input.site.locale).mail
  const title = input.site.title
  const common = { site: input.site, greeting: m.greeting({ name: input.firstName }) }
  switch (input.kind) {
    case 'confirm':
      return composeMail({
        ...common,
        subject: m.confirmSubject({ title }),
        preheader: m.confirmPreheader({ days: input.validity }),
        blocks: [
          { paragraph: m.confirmBody({ title }) },
          { button: m.confirmButton, href: input.link },
          { paragraph: m.confirmExpiry({ days: input.validity }) },
          { paragraph: m.ignore },
        ],
      })
    case 'already_signed':
      return composeMail({
        ...common,
        subject: m.alreadySubject({ title }),
        preheader: m.alreadyPreheader,
        blocks: [
          { paragraph: m.alreadyBody({ title }) },
          { button: m.manageButton, href: input.link },
          { paragraph: m.manageExpiry({ hours: input.validity }) },
          { paragraph: m.ignoreUnchanged },
        ],
      })
    case 'manage':
      return composeMail({
        ...common,
        subject: m.manageSubject({ title }),
        preheader: m.managePreheader({ hours: input.validity }),
        blocks: [
          { paragraph: m.manageBody({ title }) },
          { button: m.manageButton, href: input.link },
          { paragraph: m.manageExpiry({ hours: input.validity }) },
          { paragraph: m.ignoreUnchanged },
        ],
      })
  }
}
