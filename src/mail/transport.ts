// Where mail goes: an SMTP server when SMTP_URL is set, otherwise .eml files in
// DATA_DIR/mail so that a newcomer can follow the links without any mail setup.
import { renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import { PRIVATE_FILE, privateDir } from '../data-dir.js'
import type { DkimSigning } from './dkim.js'
import type { Logger } from '../log.js'

export interface OutgoingMail {
  from: string
  to: string
  subject: string
  text: string
  html: string
  headers?: Record<string, string>
}

/**
 * A failed delivery: `permanent` for a 5xx answer, which retrying cannot fix;
 * `unreachable` when the server gave no answer at all (refused or dropped connection,
 * timeout), which says nothing about the mail and everything about the next ones.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly code: string,
    readonly unreachable = false,
  ) {
    super(message)
    this.name = 'DeliveryError'
  }
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/**
 * What every mail says about itself: sent by a program (RFC 3834), so that vacation
 * notices and other auto-responders do not answer a confirmation link. A mail's own
 * headers come after and may say otherwise. News (Precedence: bulk) are written by
 * people and sent to a list: RFC 3834 leaves them out, and auto-responders already
 * keep quiet for bulk mail.
 */
function withStandardHeaders(mail: OutgoingMail): OutgoingMail {
  if (mail.headers?.Precedence === 'bulk') return mail
  return { ...mail, headers: { 'Auto-Submitted': 'auto-generated', ...mail.headers } }
}

export function smtpTransport(
  url: string,
  options: {
    timeoutMs?: number
    maxConnections?: number
    /**
     * The name to greet the SMTP server with (EHLO), the site's host: providers check it,
     * and the machine's own name is often a bare address or a local name. A `name` in
     * the URL's query (smtp://…?name=mail.example.org) wins over it.
     */
    greetingName?: string
    /** Signs every mail (DKIM_* settings); unsigned without it. */
    dkim?: DkimSigning
  } = {},
): MailTransport {
  const timeout = options.timeoutMs ?? 30_000
  // A few long-lived connections, each carrying many mails: a burst of confirmations
  // is not a burst of SMTP handshakes, and the server sees bounded concurrency.
  // The URL goes inside the options: given apart, the options would be read as
  // defaults for each message, and every mail would open its own connection.
  const transporter = nodemailer.createTransport({
    url,
    name: options.greetingName,
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    maxMessages: 500,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dkim: options.dkim,
  } as object)
  return {
    async send(mail) {
      try {
        await transporter.sendMail(withStandardHeaders(mail))
      } catch (err) {
        const e = err as { responseCode?: number; code?: string }
        const status = e.responseCode
        // 5xx: the server refused for good (unknown mailbox, policy). 4xx, timeouts and
        // connection errors are temporary: greylisting, outage, overload.
        const permanent = status !== undefined && status >= 500 && status < 600
        throw new DeliveryError(
          `SMTP ${status ?? e.code ?? 'error'}`,
          permanent,
          String(status ?? e.code ?? 'error'),
          status === undefined,
        )
      }
    },
    close() {
      transporter.close()
    },
  }
}

/**
 * Writes each mail to `dir` and logs where. `showLinks` adds the mail's confirm or
 * manage link to that line, for a developer trying the site; never in production,
 * where a log is read by others and a live manage link lets anyone who reads it edit
 * or withdraw a signature.
 */
export function fileTransport(
  dir: string,
  logger: Logger,
  options: { showLinks: boolean; dkim?: DkimSigning },
): MailTransport {
  // Each mail carries a live link: the folder, like each file, is the server user's only.
  const warning = privateDir(dir)
  if (warning) logger.warn(warning)
  // Signed as over SMTP, so that a file shows what a receiver would check.
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
    dkim: options.dkim,
  })
  let sequence = 0
  return {
    async send(mail) {
      const info = await transporter.sendMail(withStandardHeaders(mail))
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++sequence}.eml`
      const tmp = join(dir, `.${name}.tmp`)
      // Written then renamed, so a reader never sees half a mail.
      writeFileSync(tmp, info.message as Buffer, { mode: PRIVATE_FILE })
      renameSync(tmp, join(dir, name))
      const link = options.showLinks
        ? /https?:\/\/\S+\/(?:confirm|manage)\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0]
        : undefined
      logger.info(`mail written to ${join(dir, name)}`, { link })
    },
    close() {},
  }
}
