// npm run move-to-postgres: a campaign running on SQLite, with signatures confirmed,
// pending and private, mails waiting in the outbox and counters kept, is copied into an
// empty PostgreSQL database; the site then runs on the copy as it ran on the file.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedSignatures } from '../src/domain/seed.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { createPostgresDatabase } from './helpers/databases.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'

const run = promisify(execFile)

type Failure = { code: number; stdout: string; stderr: string }

describe('moving a SQLite campaign to PostgreSQL', () => {
  let app: TestApp
  let moved: TestApp | undefined
  let target: Awaited<ReturnType<typeof createPostgresDatabase>>
  const cli = (url: string, env: Record<string, string> = {}) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/move-to-postgres.ts', url], {
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: app.dataDir,
        CONTENT_DIR: app.config.contentDir,
        ...env,
      },
    })

  beforeAll(async () => {
    app = await startTestApp('sqlite')
    target = await createPostgresDatabase({ empty: true })
  })
  afterAll(async () => {
    await moved?.close()
    await app?.close()
    await target?.drop()
  })

  it('copies every table from one snapshot, checks the counts, and the site works on the copy', async () => {
    await seedSignatures(app.server.ctx.transact, app.config, {
      count: 1500,
      days: 42,
      now: new Date(),
      seed: 7,
    })
    for (const n of [0, 1, 2]) {
      const signed = await postForm(
        app.url,
        '/sign',
        validSignature({ email: `moved${n}@cnrs.fr`, last_name: `Moved${n}`, public: n === 2 ? '' : '1' }),
      )
      expect(signed.status).toBe(303)
    }
    const mails = await app.smtp.waitForMessages(3)
    for (const mail of mails.slice(0, 2)) {
      const path = linkIn(mail.text!, 'confirm')
      await postForm(app.url, path, { csrf: hiddenValue((await get(app.url, path)).html, 'csrf') })
    }
    // A mail still waiting when the copy is taken goes out from PostgreSQL afterwards.
    await app.server.worker.stop()
    await postForm(app.url, '/sign', validSignature({ email: 'waiting@cnrs.fr', last_name: 'Waiting' }))
    const before = (await (await fetch(`${app.url}/api/v1/stats`)).json()) as Record<string, unknown>
    const waitingBefore = await app.server.ctx.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow()
    expect(waitingBefore.n).toBeGreaterThan(0)

    const { stdout } = await cli(target.url)
    expect(stdout).toMatch(/signatures: 1504 row\(s\), as many as in SQLite/)
    expect(stdout).toMatch(/outbox: \d+ row\(s\)/)
    expect(stdout).toMatch(/counters: \d+ row\(s\)/)
    expect(stdout).toContain('counts checked')
    expect(stdout).toContain('to switch: set DATABASE_URL=')
    // The password of the URL is not printed back.
    expect(stdout).not.toMatch(/\/\/[^@\s]+:[^@\s]+@/)

    moved = await startTestApp('sqlite', {
      DATABASE_URL: target.url,
      SECRET: app.config.secret,
      CONTENT_DIR: app.config.contentDir,
    })
    expect(moved.server.database.dialect).toBe('postgres')
    const after = (await (await fetch(`${moved.url}/api/v1/stats`)).json()) as Record<string, unknown>
    expect(after).toEqual(before)
    const list = await get(moved.url, '/signatories?q=Moved1')
    expect(list.html).toContain('Moved1')
    // The waiting mail is sent from the new database.
    const waiting = await moved.smtp.waitForMessages(1)
    expect(waiting[0]!.to).toBeDefined()
    // The same secret: an address that signed is recognised, so nothing is counted twice…
    await postForm(moved.url, '/sign', validSignature({ email: 'moved0@cnrs.fr', last_name: 'Moved0' }))
    const twice = await moved.server.ctx.db
      .selectFrom('signatures')
      .select('id')
      .where('last_name', '=', 'Moved0')
      .execute()
    expect(twice).toHaveLength(1)
    // …and ids go on after the copied ones: a new signature is stored, not refused on its key.
    expect(
      (await postForm(moved.url, '/sign', validSignature({ email: 'new@cnrs.fr', last_name: 'Newcomer' })))
        .status,
    ).toBe(303)
    const newcomer = await moved.server.ctx.db
      .selectFrom('signatures')
      .select('id')
      .where('last_name', '=', 'Newcomer')
      .executeTakeFirstOrThrow()
    expect(newcomer.id).toBeGreaterThan(1504)
  }, 120_000)

  it('refuses a PostgreSQL database that is not empty, and a server already on PostgreSQL', async () => {
    const notEmpty = (await cli(target.url).catch((e: Failure) => e)) as Failure
    expect(notEmpty.code).toBe(1)
    expect(notEmpty.stderr).toContain('not empty')
    const already = (await cli(target.url, { DATABASE_URL: target.url }).catch((e: Failure) => e)) as Failure
    expect(already.code).toBe(2)
    expect(already.stderr).toContain('already runs on PostgreSQL')
  }, 60_000)
})
