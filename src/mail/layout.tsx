// The one layout of every mail the site sends. Mail clients are not browsers: many
// drop <style> or rewrite it, some darken backgrounds while keeping inline colours,
// phones show whatever width the widest line asks for. So the markup is the
// conservative kind they all read: tables for layout, inline styles carrying a light
// scheme whole (background and text together), a dark scheme for the clients that
// honour prefers-color-scheme, a 600 px column that shrinks, a button made of a table
// cell, and the raw link under it allowed to break anywhere. The text part is built
// from the same blocks, so it says everything the HTML says.
import { raw } from 'hono/html'
import type { Config } from '../config.js'
import { messagesFor } from '../i18n/index.js'
import { typeset } from '../i18n/typeset.js'

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

/** What every mail says about where it comes from: the site, in the reader's language. */
export interface MailSite {
  locale: string
  /** The text's title in that language, typeset. */
  title: string
  /** The site's host name, as a reader sees it in the address bar. */
  domain: string
  /** When the request that caused the mail was made. */
  at: Date
}

export function mailSite(config: Pick<Config, 'baseUrl' | 'site'>, locale: string, at: Date): MailSite {
  const site = config.site
  return {
    locale,
    title: typeset(site.title[locale] ?? site.title[site.defaultLocale]!, locale),
    domain: new URL(config.baseUrl).host,
    at,
  }
}

export type MailBlock =
  | { paragraph: string }
  /** The mail's one action: a button, and its full address under it. */
  | { button: string; href: string }
  /** A secondary link (to stop relayed messages): shown as its address. */
  | { link: string }
  /** Words someone else wrote, quoted as they are. */
  | { quote: string }
  /**
   * A text the collective wrote in Markdown: `html` as the site's Markdown renders it
   * (raw HTML escaped), `text` the Markdown itself, which reads as it is in a text part.
   */
  | { rendered: string; text: string }

export interface MailDocument {
  site: MailSite
  subject: string
  /** The line a mailbox shows after the subject, before the mail is opened. */
  preheader: string
  greeting: string
  blocks: MailBlock[]
  /**
   * false when a reply goes to someone other than the collective's contact (a relayed
   * message answers its sender): the footer then does not promise that the site reads it.
   */
  replyReachesContact?: boolean
  /**
   * The footer's first line, when the mail was not caused by a request made on the site
   * (news: why the reader receives it); by default, which request caused it and when.
   */
  sentBecause?: string
}

// The site's palette (src/assets/style.css), checked for 4.5:1 by test/e2e/mails.test.ts.
const LIGHT = {
  page: '#f3f0ea',
  paper: '#ffffff',
  ink: '#1b1b1b',
  muted: '#555555',
  accent: '#a4161a',
  onAccent: '#ffffff',
  line: '#d8d4cc',
}
const DARK = {
  page: '#141414',
  paper: '#1f1f1f',
  ink: '#ecebe8',
  muted: '#b8b6b0',
  accent: '#ff8a80',
  onAccent: '#141414',
  line: '#3a3a3a',
}

// Clients that honour <style> and prefers-color-scheme switch to the dark palette;
// !important is what lets a class win over the inline light colours.
const DARK_CSS = `:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .m-page { background-color: ${DARK.page} !important; color: ${DARK.ink} !important; }
  .m-paper { background-color: ${DARK.paper} !important; color: ${DARK.ink} !important; }
  .m-muted { color: ${DARK.muted} !important; }
  .m-link { color: ${DARK.accent} !important; }
  .m-button { background-color: ${DARK.accent} !important; }
  .m-button-link { color: ${DARK.onAccent} !important; }
  .m-rule { border-color: ${DARK.line} !important; }
}`

const FONT = 'font-family: system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif;'
const PARAGRAPH = 'margin: 0 0 16px;'
// A token has no break point: without this the address alone widens a phone's mail to 632 px.
const BREAK_ANYWHERE = 'word-break: break-all; overflow-wrap: anywhere;'

/**
 * Rendered Markdown with the inline styles mail clients need (many drop <style>): the
 * markup is markdown-it's own, with raw HTML escaped, so its tags are known ones.
 */
function styledForMail(html: string): string {
  return html
    .replace(/<p>/g, `<p style="${PARAGRAPH}">`)
    .replace(/<(h[1-6])>/g, '<$1 style="margin: 24px 0 12px; font-size: 18px; line-height: 1.3;">')
    .replace(/<(ul|ol)>/g, `<$1 style="${PARAGRAPH} padding-left: 24px;">`)
    .replace(
      /<blockquote>/g,
      `<blockquote class="m-rule" style="margin: 0 0 16px; padding: 0 0 0 14px; border-left: 3px solid ${LIGHT.line};">`,
    )
    .replace(/<a href=/g, `<a class="m-link" style="color: ${LIGHT.accent}; overflow-wrap: anywhere;" href=`)
}

function Block(props: { block: MailBlock; fallback: string }) {
  const b = props.block
  if ('rendered' in b) return <>{raw(styledForMail(b.rendered))}</>
  if ('paragraph' in b) return <p style={PARAGRAPH}>{b.paragraph}</p>
  if ('link' in b)
    return (
      <p style={PARAGRAPH}>
        <a class="m-link" href={b.link} style={`color: ${LIGHT.accent}; ${BREAK_ANYWHERE}`}>
          {b.link}
        </a>
      </p>
    )
  if ('quote' in b)
    return (
      <blockquote
        class="m-rule"
        style={`margin: 0 0 16px; padding: 0 0 0 14px; border-left: 3px solid ${LIGHT.line}; overflow-wrap: anywhere;`}
      >
        {b.quote.split(/\n{2,}/).map((para) => (
          <p style={`${PARAGRAPH} white-space: pre-line;`}>{para}</p>
        ))}
      </blockquote>
    )
  return (
    <>
      <table role="presentation" cellpadding="0" cellspacing="0" border={0} style="margin: 8px 0 16px;">
        <tr>
          <td
            class="m-button"
            bgcolor={LIGHT.accent}
            style={`border-radius: 4px; background-color: ${LIGHT.accent};`}
          >
            <a
              class="m-button-link"
              href={b.href}
              style={`display: inline-block; padding: 12px 24px; border-radius: 4px; font-weight: bold; font-size: 16px; line-height: 1.25; color: ${LIGHT.onAccent}; text-decoration: none;`}
            >
              {b.button}
            </a>
          </td>
        </tr>
      </table>
      <p class="m-muted" style={`${PARAGRAPH} font-size: 14px; color: ${LIGHT.muted};`}>
        {props.fallback}
        <br />
        <a class="m-link" href={b.href} style={`color: ${LIGHT.accent}; ${BREAK_ANYWHERE}`}>
          {b.href}
        </a>
      </p>
    </>
  )
}

function footerOf(doc: MailDocument): string[] {
  const m = messagesFor(doc.site.locale).mail
  const sentBy =
    doc.sentBecause ??
    m.sentBy({
      domain: doc.site.domain,
      title: doc.site.title,
      date: messagesFor(doc.site.locale).date(doc.site.at),
      hour: doc.site.at.getUTCHours(),
      minute: doc.site.at.getUTCMinutes(),
    })
  return doc.replyReachesContact === false ? [sentBy] : [sentBy, m.replyNote]
}

function MailHtml(props: { doc: MailDocument }) {
  const { doc } = props
  const m = messagesFor(doc.site.locale).mail
  return (
    <html lang={doc.site.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <meta name="x-apple-disable-message-reformatting" />
        <title>{doc.subject}</title>
        <style>{DARK_CSS}</style>
      </head>
      <body
        class="m-page"
        style={`margin: 0; padding: 0; background-color: ${LIGHT.page}; color: ${LIGHT.ink};`}
      >
        {/* Shown by mailboxes beside the subject, never in the opened mail. */}
        <div style="display: none; max-height: 0; max-width: 0; overflow: hidden; opacity: 0; font-size: 1px; line-height: 1px; mso-hide: all;">
          {doc.preheader}
        </div>
        <table
          role="presentation"
          class="m-page"
          width="100%"
          cellpadding="0"
          cellspacing="0"
          border={0}
          bgcolor={LIGHT.page}
          style={`width: 100%; background-color: ${LIGHT.page}; color: ${LIGHT.ink};`}
        >
          <tr>
            <td align="center" style="padding: 16px 8px;">
              <table
                role="presentation"
                class="m-paper"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                border={0}
                bgcolor={LIGHT.paper}
                style={`width: 100%; max-width: 600px; background-color: ${LIGHT.paper}; color: ${LIGHT.ink};`}
              >
                <tr>
                  <td
                    class="m-paper"
                    style={`padding: 24px 20px; text-align: left; ${FONT} font-size: 16px; line-height: 1.5; background-color: ${LIGHT.paper}; color: ${LIGHT.ink};`}
                  >
                    <p style={PARAGRAPH}>{doc.greeting}</p>
                    {doc.blocks.map((block) => (
                      <Block block={block} fallback={m.linkFallback} />
                    ))}
                    <hr
                      class="m-rule"
                      style={`border: 0; border-top: 1px solid ${LIGHT.line}; margin: 24px 0 16px;`}
                    />
                    {footerOf(doc).map((line) => (
                      <p class="m-muted" style={`margin: 0 0 8px; font-size: 14px; color: ${LIGHT.muted};`}>
                        {line}
                      </p>
                    ))}
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  )
}

function textOf(block: MailBlock): string {
  if ('rendered' in block) return block.text.trim()
  if ('paragraph' in block) return block.paragraph
  if ('link' in block) return block.link
  if ('quote' in block)
    return block.quote
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n')
  return block.href
}

/** Strips line breaks from what goes into a header, whatever a name contains. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ')
}

/** The subject, the text part and the HTML part of one mail, from the same blocks. */
export function composeMail(doc: MailDocument): RenderedMail {
  // «-- » on a line of its own opens a signature: clients show what follows as one.
  const text = `${[doc.greeting, ...doc.blocks.map(textOf), `-- \n${footerOf(doc).join('\n')}`].join('\n\n')}\n`
  const html = `<!DOCTYPE html>${(<MailHtml doc={doc} />).toString()}`
  return { subject: oneLine(doc.subject), text, html }
}
