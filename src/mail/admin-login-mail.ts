// The mail that carries a moderator's login link, in the layout of every mail.
import { messagesFor } from '../i18n/index.js'
import { composeMail, type MailSite, type RenderedMail } from './layout.js'

export function renderAdminLoginMail(input: { site: MailSite; link: string; minutes: number }): RenderedMail {
  const messages = messagesFor(input.site.locale)
  const m = messages.admin
  return composeMail({
    site: input.site,
    subject: m.loginMailSubject({ title: input.site.title }),
    preheader: m.loginMailPreheader({ minutes: input.minutes }),
    greeting: messages.mail.hello,
    blocks: [
      { paragraph: m.loginMailBody },
      { button: m.loginMailButton, href: input.link },
      { paragraph: m.loginMailExpiry({ minutes: input.minutes }) },
      { paragraph: m.loginMailIgnore },
    ],
  })
}
