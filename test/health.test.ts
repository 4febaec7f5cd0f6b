// GET /healthz, as a load balancer or an uptime monitor reads it. (The database going
// away is in database-outage.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get, postForm, validSignature } from './helpers/http.js'

describe.each(DATABASES)('the health probe (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind)
  })
  afterAll(async () => {
    await app?.close()
  })

  it('says the database answers, the mail worker passes and how the outbox stands, with no personal data', async () => {
    await postForm(app.url, '/sign', validSignature({ email: 'sante@univ-tlse3.fr' }))
    await app.smtp.waitForMessages(1)
    await app.server.worker.drain()
    const probe = await get(app.url, '/healthz')
    expect(probe.status).toBe(200)
    expect(probe.headers.get('cache-control')).toBe('no-store')
    const body = JSON.parse(probe.html)
    expect(body).toMatchObject({
      status: 'ok',
      database: 'ok',
      mail_worker: { alive: true },
      outbox: { waiting: 0, oldest_waiting_seconds: 0, failed: 0 },
    })
    expect(probe.html).not.toContain('sante')
  })

  it('counts a mail that waits, and its age', async () => {
    // A mail due later (a retry after a refusal), queued a minute and a half ago.
    const now = app.clock.now()
    await app.server.ctx.transact((tx) =>
      tx
        .insertInto('outbox')
        .values({
          signature_id: null,
          kind: 'confirm',
          recipient: 'retry@univ-tlse3.fr',
          recipient_hash: 'h',
          mailbox_hash: 'm',
          subject: 's',
          text_body: 't',
          html_body: 'h',
          headers: null,
          status: 'pending',
          attempts: 1,
          next_attempt_at: new Date(now.getTime() + 3600_000).toISOString(),
          locked_until: null,
          last_error: '451',
          created_at: new Date(now.getTime() - 90_000).toISOString(),
          sent_at: null,
        })
        .execute(),
    )
    const body = JSON.parse((await get(app.url, '/healthz')).html)
    expect(body.outbox.waiting).toBe(1)
    expect(body.outbox.oldest_waiting_seconds).toBeGreaterThanOrEqual(90)
    expect(JSON.stringify(body)).not.toContain('retry@')
  })
})
