// Mail is part of the promise: a signature acknowledged is a mail that will arrive,
// and the forms must never become a way to flood someone's inbox.
import { afterEach, describe, expect, it } from 'vitest'
import { purgeExpired } from '../src/domain/purge.js'
import { enqueueMail } from '../src/mail/outbox.js'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { startSmtp } from './helpers/smtp.js'
import { get, linkIn, postForm, validSignature } from './helpers/http.js'

const MINUTE = 60_000

describe.each(DATABASES)('mail delivery (%s)', (kind) => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  const outbox = (a: TestApp) => a.server.ctx.db.selectFrom('outbox').selectAll().orderBy('id').execute()

  it('keeps signing while the SMTP server is down, and delivers every mail once it is back', async () => {
    app = await startTestApp(kind)
    const port = app.smtp.port
    await app.smtp.close()
    for (const n of [1, 2, 3]) {
      const page = await postForm(app.url, '/sign', validSignature({ email: `person${n}@cnrs.fr` }))
      expect(page.status).toBe(303)
    }
    await app.server.worker.drain()
    const waiting = await outbox(app)
    expect(waiting.map((r) => r.status)).toEqual(['pending', 'pending', 'pending'])
    expect(waiting.every((r) => r.attempts === 1 && r.recipient !== null)).toBe(true)

    const back = await startSmtp(port)
    app.smtp = back
    app.clock.advance(2 * MINUTE)
    await app.server.worker.drain()
    await back.waitForMessages(3)
    expect(back.messages.map((m) => (m.to as { text: string }).text).sort()).toEqual([
      'person1@cnrs.fr',
      'person2@cnrs.fr',
      'person3@cnrs.fr',
    ])
    expect((await outbox(app)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent'])
    await app.server.worker.drain()
    expect(back.messages).toHaveLength(3)
  })

  it('stops a pass once the SMTP server proves unreachable, and tries the rest at the next one', async () => {
    app = await startTestApp(kind)
    const port = app.smtp.port
    await app.smtp.close()
    // Ten mails queued at once, as a news sending or a burst of signatures queues them.
    await app.server.ctx.transact(async (tx) => {
      for (let n = 0; n < 10; n++)
        await enqueueMail(
          tx,
          {
            kind: 'confirm',
            recipient: `down${n}@cnrs.fr`,
            recipientHash: `hash-${n}`,
            mailboxHash: `mailbox-${n}`,
            signatureId: null,
            subject: `Mail ${n}`,
            text: 'Bonjour',
            html: '<p>Bonjour</p>',
          },
          app!.clock.now(),
        )
    })
    await app.server.worker.drain()
    const rows = await outbox(app)
    // A failed connection per lane (four at most), not one per mail: the others were not
    // tried, and wait unclaimed for the next pass.
    expect(rows.every((r) => r.status === 'pending')).toBe(true)
    expect(rows.filter((r) => r.attempts === 0).length).toBeGreaterThanOrEqual(1)
    expect(rows.filter((r) => r.attempts === 0).every((r) => r.locked_until === null)).toBe(true)

    const back = await startSmtp(port)
    app.smtp = back
    app.clock.advance(2 * MINUTE)
    await app.server.worker.drain()
    await back.waitForMessages(10)
    expect((await outbox(app)).map((r) => r.status)).toEqual(Array(10).fill('sent'))
  })

  it('retries a temporary refusal (4xx) within minutes', async () => {
    app = await startTestApp(kind)
    app.smtp.refuseWith(451)
    await postForm(app.url, '/sign', validSignature())
    await app.server.worker.drain()
    const [row] = await outbox(app)
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: '451' })
    const retryIn = new Date(row!.next_attempt_at).getTime() - app.clock.now().getTime()
    expect(retryIn).toBeGreaterThan(0)
    expect(retryIn).toBeLessThanOrEqual(5 * MINUTE)
    app.smtp.refuseWith(undefined)
    app.clock.advance(2 * MINUTE)
    await app.server.worker.drain()
    await app.smtp.waitForMessages(1)
    expect((await outbox(app))[0]!.status).toBe('sent')
  })

  it('stops at once on a permanent refusal (5xx), suppresses the address and keeps a trace for moderators', async () => {
    app = await startTestApp(kind)
    app.smtp.refuseWith(550)
    await postForm(app.url, '/sign', validSignature())
    await app.server.worker.drain()
    const [row] = await outbox(app)
    expect(row).toMatchObject({ status: 'dead', last_error: '550', recipient: null, text_body: null })
    const suppressed = await app.server.ctx.db.selectFrom('suppressions').selectAll().execute()
    expect(suppressed).toHaveLength(1)
    app.smtp.refuseWith(undefined)
    await postForm(app.url, '/sign', validSignature())
    await app.server.worker.drain()
    expect(await outbox(app)).toHaveLength(1)
    expect(app.smtp.messages).toHaveLength(0)
  })

  it('gives up after the last retry and marks the mail dead', async () => {
    app = await startTestApp(kind)
    app.smtp.refuseWith(421)
    await postForm(app.url, '/sign', validSignature())
    for (let i = 0; i < 12; i++) {
      await app.server.worker.drain()
      app.clock.advance(25 * 3600_000)
    }
    const [row] = await outbox(app)
    expect(row).toMatchObject({ status: 'dead', recipient: null })
  })

  it('sends at most the configured number of mails to one address, however often the form is sent', async () => {
    app = await startTestApp(kind)
    for (let i = 0; i < 9; i++) {
      const page = await postForm(app.url, '/sign', validSignature())
      expect(page.status).toBe(303)
    }
    for (let i = 0; i < 3; i++) await postForm(app.url, '/manage', { email: 'camille.durand@univ-tlse3.fr' })
    await app.server.afterAnswer.idle()
    await app.server.worker.drain()
    expect((await outbox(app)).length).toBe(5)
    await app.smtp.waitForMessages(5)
    expect(app.smtp.messages).toHaveLength(5)
  })

  it('purges unconfirmed signatures and expired links after the configured delay, and nothing else', async () => {
    app = await startTestApp(kind)
    await postForm(app.url, '/sign', validSignature({ email: 'early@cnrs.fr' }))
    await app.smtp.waitForMessages(1)
    const confirmPath = linkIn(app.smtp.messages[0]!.text!, 'confirm')
    const form = await get(app.url, confirmPath)
    const csrf = /name="csrf" value="([^"]+)"/.exec(form.html)![1]!
    await postForm(app.url, confirmPath, { csrf })
    await postForm(app.url, '/sign', validSignature({ email: 'pending@cnrs.fr' }))
    await app.server.worker.drain()

    const ctx = app.server.ctx
    const before = await purgeExpired({
      ...ctx,
      now: () => new Date(app!.clock.now().getTime() + 6 * 24 * 3600_000),
    })
    expect(before).toMatchObject({ unconfirmedSignatures: 0 })
    const report = await purgeExpired({
      ...ctx,
      now: () => new Date(app!.clock.now().getTime() + 8 * 24 * 3600_000),
    })
    expect(report.unconfirmedSignatures).toBe(1)
    expect(report.expiredTokens).toBeGreaterThanOrEqual(1)
    const left = await ctx.db.selectFrom('signatures').select(['status']).execute()
    expect(left).toEqual([{ status: 'confirmed' }])
    const tokens = await ctx.db.selectFrom('tokens').selectAll().execute()
    expect(tokens).toHaveLength(0)
  })
})
