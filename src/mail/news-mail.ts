// A news item as a mail: the collective's text, then why the reader receives it and
// their own link to stop. Layout and text part come from layout.tsx.
import { messagesFor } from '../i18n/index.js'
import { composeMail, type MailSite, type RenderedMail } from './layout.js'

export interface NewsMailInput {
  site: MailSite
  firstName: string
  title: string
  /** The body rendered by the site's Markdown, and its Markdown source for the text part. */
  html: string
  markdown: string
  /** The reader's own page to stop news (GET shows a button; POST stops). */
  stopLink: string
  /** A test a moderator sends themselves: said in the subject and above the text. */
  test?: boolean
}

export function renderNewsMail(input: NewsMailInput): RenderedMail {
  const m = messagesFor(input.site.locale)
  const subject = m.news.mailSubject({ title: input.site.title, headline: input.title })
  return composeMail({
    site: input.site,
    subject: input.test ? m.news.testSubject({ subject }) : subject,
    preheader: m.news.mailPreheader({ title: input.site.title }),
    greeting: m.mail.greeting({ name: input.firstName }),
    blocks: [
      ...(input.test ? [{ paragraph: m.news.testNote }] : []),
      { paragraph: input.title },
      { rendered: input.html, text: input.markdown },
      { paragraph: m.news.mailWhy({ title: input.site.title }) },
      { link: input.stopLink },
    ],
    sentBecause: m.news.mailSentBy({ domain: input.site.domain, title: input.site.title }),
  })
}

/**
 * The headers of a mail sent to a list (RFC 2369, 2919, 8058): mail clients show their
 * own «unsubscribe» and send the one-click POST to the reader's stop link; List-Id lets
 * readers and providers sort the news apart from the site's other mail.
 */
export function newsHeaders(stopLink: string, host: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${stopLink}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `<news.${host}>`,
    Precedence: 'bulk',
  }
}
