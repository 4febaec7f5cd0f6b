// How the server presents itself to the mail provider and to mailboxes: it greets with
// the site's host name (a provider checks it against the sending address), unless
// SMTP_URL names another, and every mail says it was sent by a program, so that
// vacation replies and other auto-responders do not answer it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { postForm, validSignature } from './helpers/http.js'
import { startSmtp, type TestSmtp } from './helpers/smtp.js'

describe.each(DATABASES)('the SMTP identity (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind, { BASE_URL: 'https://manifeste.example.org' })
  })
  afterAll(async () => {
    await app?.close()
  })

  it("greets the SMTP server with BASE_URL's host, and marks the mail Auto-Submitted: auto-generated", async () => {
    expect((await postForm(app.url, '/sign', validSignature({ email: 'greeting@cnrs.fr' }))).status).toBe(303)
    const [mail] = await app.smtp.waitForMessages(1)
    expect(app.smtp.greetings).toEqual(['manifeste.example.org'])
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated')
  })

  it('greets with the name SMTP_URL gives instead, when it gives one', async () => {
    let smtp: TestSmtp | undefined
    let named: TestApp | undefined
    try {
      smtp = await startSmtp()
      named = await startTestApp(kind, {
        BASE_URL: 'https://manifeste.example.org',
        SMTP_URL: `${smtp.url}?name=relay.example.net`,
      })
      await postForm(named.url, '/sign', validSignature({ email: 'named@cnrs.fr' }))
      await smtp.waitForMessages(1)
      expect(smtp.greetings).toEqual(['relay.example.net'])
    } finally {
      await named?.close()
      await smtp?.close()
    }
  })
})
