// Mails of the debate relay, in the layout of every mail: the sender's confirmation,
// and the message relayed to each willing signatory.
import { messagesFor } from '../i18n/index.js'
import { composeMail, type MailSite, type RenderedMail } from './layout.js'

export function renderRelayConfirm(input: {
  site: MailSite
  name: string
  institution: string
  link: string
  hours: number
}): RenderedMail {
  const m = messagesFor(input.site.locale)
  return composeMail({
    site: input.site,
    subject: m.debate.confirmSubject({ title: input.site.title }),
    preheader: m.debate.confirmPreheader,
    greeting: m.mail.greeting({ name: input.name }),
    blocks: [
      { paragraph: m.debate.confirmMailBody({ institution: input.institution }) },
      { button: m.debate.confirmMailButton, href: input.link },
      { paragraph: m.debate.confirmExpiry({ hours: input.hours }) },
    ],
  })
}

export function renderRelayed(input: {
  site: MailSite
  firstName: string
  senderName: string
  senderEmail: string
  institution: string
  message: string
  stopLink: string
}): RenderedMail {
  const m = messagesFor(input.site.locale)
  return composeMail({
    site: input.site,
    subject: m.debate.relaySubject({ institution: input.institution }),
    preheader: m.debate.relayPreheader({ name: input.senderName }),
    greeting: m.mail.greeting({ name: input.firstName }),
    blocks: [
      {
        paragraph: m.debate.relayIntro({
          name: input.senderName,
          email: input.senderEmail,
          institution: input.institution,
        }),
      },
      { quote: input.message },
      { paragraph: m.debate.relayStop },
      { link: input.stopLink },
    ],
    replyReachesContact: false,
  })
}
