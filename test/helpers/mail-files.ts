// Reading the mail a server without SMTP_URL writes to DATA_DIR/mail, as a
// newcomer trying Paraphe would open it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { TestApp } from './app.js'

/** Every mail written so far, oldest first, once the work after answers is done and the outbox sent. */
export async function mailFiles(app: TestApp): Promise<ParsedMail[]> {
  await app.server.afterAnswer.idle()
  await app.server.worker.drain()
  const dir = join(app.dataDir, 'mail')
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.eml'))
    .sort()
  return Promise.all(names.map((n) => simpleParser(readFileSync(join(dir, n)))))
}

/** The newest mail written to this address. */
export async function lastMailTo(app: TestApp, address: string): Promise<ParsedMail> {
  const mails = (await mailFiles(app)).filter((m) => {
    const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : []
    return to.some((t) => t.value.some((v) => v.address === address))
  })
  const mail = mails.at(-1)
  if (!mail) throw new Error(`no mail written to ${address}`)
  return mail
}
