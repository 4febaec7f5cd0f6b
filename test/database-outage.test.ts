// PostgreSQL goes away during a signing load and comes back: visitors get a clear,
// localised "try again" page, nothing is half-written, and the server recovers by
// itself. The outage is a cut proxy in front of the shared database server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from './helpers/app.js'
import { createPostgresDatabase, ON_POSTGRES } from './helpers/databases.js'
import { get, postForm, validSignature } from './helpers/http.js'
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.js'

describe.runIf(ON_POSTGRES)('a PostgreSQL outage', () => {
  let app: TestApp
  let proxy: TcpProxy
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>
  beforeAll(async () => {
    database = await createPostgresDatabase()
    const target = new URL(database.url)
    proxy = await startTcpProxy(Number(target.port || 5432), target.hostname)
    target.port = String(proxy.port)
    app = await startTestApp('postgres', { DATABASE_URL: target.toString() })
  })
  afterAll(async () => {
    await app?.close()
    await proxy?.close()
    await database?.drop()
  })

  it('answers a localised 503 while it lasts, keeps what was acknowledged, and recovers without a restart', async () => {
    const acknowledged: string[] = []
    const signing = async (n: number) => {
      const page = await postForm(
        app.url,
        n % 2 ? '/en/sign' : '/sign',
        validSignature({ email: `outage${n}@cnrs.fr`, last_name: `Outage${n}` }),
      )
      if (page.status === 303) acknowledged.push(`Outage${n}`)
      return page
    }
    for (let n = 0; n < 5; n++) expect((await signing(n)).status).toBe(303)

    // The database goes away in the middle of a load: each request is either done or refused.
    // It is cut as soon as the first of them is answered, while the others are on their way.
    const requests = Array.from({ length: 10 }, (_, i) => signing(50 + i))
    await Promise.race(requests)
    proxy.cut()
    for (const page of await Promise.all(requests)) expect([303, 503]).toContain(page.status)

    // Requests started while the database is away: each gets an answer, none a stack trace.
    const during = await Promise.all(Array.from({ length: 6 }, (_, i) => signing(100 + i)))
    for (const page of during) {
      expect(page.status).toBe(503)
      expect(page.headers.get('retry-after')).toBe('30')
      expect(page.html).not.toMatch(/at .*\.(ts|js):\d+/)
    }
    expect(during[0]!.html).toContain('Service momentanément indisponible')
    expect(during[1]!.html).toContain('Service temporarily unavailable')
    const list = await get(app.url, '/signatories')
    expect(list.status).toBe(503)
    // A probe says which resource failed.
    const probe = await get(app.url, '/healthz')
    expect(probe.status).toBe(503)
    expect(JSON.parse(probe.html)).toMatchObject({ status: 'unavailable', database: 'unavailable' })

    proxy.restore()
    for (let n = 200; n < 205; n++) expect((await signing(n)).status).toBe(303)
    expect((await get(app.url, '/signatories')).status).toBe(200)
    expect((await get(app.url, '/healthz')).status).toBe(200)

    // Nothing acknowledged is lost, and nothing half-written: every signature kept has its
    // confirmation link and its mail. A request whose commit reached the database just as the
    // connection was cut is stored though its sender was told to try again (the answer to a
    // commit cannot be told apart from the cut): trying again finds the same signature. Only
    // the requests on their way at the cut can be in that case, never one sent during it.
    const db = app.server.ctx.db
    const rows = await db.selectFrom('signatures').select(['id', 'last_name']).execute()
    const stored = new Set(rows.map((r) => r.last_name))
    for (const name of acknowledged) expect(stored, name).toContain(name)
    for (const name of stored) if (!acknowledged.includes(name)) expect(name).toMatch(/^Outage5\d$/)
    for (const row of rows) {
      expect(
        await db.selectFrom('tokens').select('hash').where('signature_id', '=', row.id).executeTakeFirst(),
      ).toBeDefined()
      expect(
        await db.selectFrom('outbox').select('id').where('signature_id', '=', row.id).executeTakeFirst(),
      ).toBeDefined()
    }
    // The mailer goes on after the outage: once the leases it held when the database went
    // away have run out, every acknowledged signature's mail arrives.
    app.clock.advance(30 * 60_000)
    app.server.worker.wake()
    await app.smtp.waitForMessages(rows.length)
  })
})
