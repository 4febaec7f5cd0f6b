// npm run doctor: what is wrong or risky in a deployment's settings, one line each,
// found before a visitor or a signatory finds it. Read-only: it changes nothing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import type { LoadedConfig } from './config.js'
import { proxyExposureWarning } from './http/client-address.js'

export interface Finding {
  /** problem: the site does not work as meant; risk: it works, but exposes or may lose something. */
  level: 'problem' | 'risk'
  text: string
}

/** Domains reserved for examples and tests (RFC 2606): an address there reaches nobody. */
const PLACEHOLDER = /@([^@]+\.)?(invalid|example|test|localhost|example\.(org|com|net))$/i

export async function checkDeployment(
  config: LoadedConfig,
  options: { smtpTimeoutMs?: number } = {},
): Promise<Finding[]> {
  const found: Finding[] = []
  const problem = (text: string) => found.push({ level: 'problem', text })
  const risk = (text: string) => found.push({ level: 'risk', text })

  if (!config.baseUrl.startsWith('https://'))
    problem(`BASE_URL ${config.baseUrl} is not https://: links in mails travel in clear, and no HSTS is sent`)
  const exposure = proxyExposureWarning(config.host, config.trustedProxyHops)
  if (exposure) risk(exposure.replace(/^warning: /, ''))
  if (!config.production)
    risk('NODE_ENV is not production: without SMTP_URL, live links are printed in the log')

  if (PLACEHOLDER.test(config.site.contactEmail))
    problem(
      `contact_email in site.toml is a placeholder (${config.site.contactEmail}): put the collective's address`,
    )
  if (PLACEHOLDER.test(config.mailFrom.replace(/>$/, '')))
    problem(
      `MAIL_FROM ${config.mailFrom} is at a domain nobody receives mail for: replies and bounces are lost`,
    )

  if (!config.smtpUrl) {
    problem('SMTP_URL is not set: mails are written to files in DATA_DIR/mail, and nobody receives them')
  } else {
    const timeout = options.smtpTimeoutMs ?? 10_000
    const transporter = nodemailer.createTransport({
      url: config.smtpUrl,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as object)
    try {
      await transporter.verify()
    } catch (err) {
      const e = err as { code?: string; responseCode?: number; message: string }
      // The URL may hold a password: only the host is named.
      const host = new URL(config.smtpUrl).host
      problem(
        `the SMTP server ${host} does not accept us: ${e.responseCode ?? e.code ?? ''} ${e.message.split('\n')[0]}`,
      )
    } finally {
      transporter.close()
    }
  }

  // Everything in DATA_DIR is for the server's user alone.
  const open = (path: string) => existsSync(path) && (statSync(path).mode & 0o077) !== 0
  const data = config.dataDir
  if (open(data)) risk(`DATA_DIR ${data} can be read by other users of the machine: chmod 700 it`)
  for (const name of ['paraphe.sqlite', 'secret'])
    if (open(join(data, name))) risk(`${join(data, name)} can be read by other users: chmod 600 it`)
  const backups = join(data, 'backups')
  if (existsSync(backups)) {
    if (open(backups)) risk(`${backups} can be read by other users: chmod 700 it`)
    for (const name of readdirSync(backups))
      if (open(join(backups, name))) risk(`${join(backups, name)} can be read by other users: chmod 600 it`)
  }

  // A backup is no use without the key of the address hashes. Without SECRET in the
  // environment, the server keeps it in DATA_DIR/secret, which copies of DATA_DIR hold.
  const secretFile = join(data, 'secret')
  const keptInDataDir =
    config.secret === undefined ||
    (existsSync(secretFile) && readFileSync(secretFile, 'utf8').trim() === config.secret)
  if (!keptInDataDir)
    risk(
      'SECRET comes from the environment, not from DATA_DIR/secret: copies of DATA_DIR do not hold it, keep it with every backup',
    )

  const site = config.site
  if (site.unconfirmedDays > 30)
    risk(`unconfirmed_days = ${site.unconfirmedDays}: addresses nobody confirmed are kept more than a month`)
  if (site.manageLinkHours > 24 * 7)
    risk(
      `manage_link_hours = ${site.manageLinkHours}: a mailed link that edits a signature lives more than a week`,
    )
  return found
}
