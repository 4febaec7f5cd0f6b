// Signing through HTTP as a person would: form, mailed link, button.
import { newToken } from '../../src/domain/tokens.js'
import type { TestApp } from './app.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './http.js'

/** The text of the next mail the SMTP server receives. */
export async function nextMail(
  app: TestApp,
  send: () => Promise<unknown>,
): Promise<{ text: string; to: string; subject: string; headers: Map<string, unknown> }> {
  const before = app.smtp.messages.length
  await send()
  const mails = await app.smtp.waitForMessages(before + 1)
  const mail = mails[before]!
  const to = Array.isArray(mail.to) ? mail.to[0]!.text : (mail.to?.text ?? '')
  return {
    text: mail.text ?? '',
    to,
    subject: mail.subject ?? '',
    headers: mail.headers as Map<string, unknown>,
  }
}

/** Signs and confirms; returns the path of a manage link for that signature. */
export async function signAndConfirm(
  app: TestApp,
  fields: Record<string, string>,
  options: { manage?: boolean } = {},
): Promise<string | undefined> {
  const prefix = fields.locale === 'en' ? '/en' : ''
  const confirmMail = await nextMail(app, () => postForm(app.url, `${prefix}/sign`, validSignature(fields)))
  const confirmPath = linkIn(confirmMail.text, 'confirm')

  const form = await get(app.url, confirmPath)
  const done = await postForm(app.url, confirmPath, { csrf: hiddenValue(form.html, 'csrf') })
  if (done.status !== 303) throw new Error(`confirmation answered ${done.status}`)
  if (!options.manage) return undefined
  const manageMail = await nextMail(app, () => postForm(app.url, '/manage', { email: fields.email! }))
  return linkIn(manageMail.text, 'manage')
}

/** A link of `purpose` for a signature, as the mailed ones are, without waiting for a mail. */
export async function linkFor(
  app: TestApp,
  signatureId: number,
  purpose: 'confirm' | 'manage',
): Promise<string> {
  const { token, hash } = newToken()
  const now = app.clock.now()
  await app.server.ctx.transact((tx) =>
    tx
      .insertInto('tokens')
      .values({
        hash,
        signature_id: signatureId,
        purpose,
        expires_at: new Date(now.getTime() + 3600_000).toISOString(),
        created_at: now.toISOString(),
      })
      .execute(),
  )
  return token
}
