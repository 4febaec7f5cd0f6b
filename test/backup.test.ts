// npm run backup: a copy taken while people sign, restored into a fresh server, holds
// every signature acknowledged before it was taken.
import { copyFileSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { execFile } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupSqlite } from '../src/db/backup.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'

describe('backup and restore (SQLite)', () => {
  let app: TestApp
  let restored: TestApp | undefined
  const content = contentWith({ allow_networks: '["127.0.0.0/8", "::1/128"]' })
  beforeAll(async () => {
    app = await startTestApp('sqlite', { CONTENT_DIR: content })
  })
  afterAll(async () => {
    await restored?.close()
    await app?.close()
  })

  it('copies the live database while signatures keep coming, and the copy restores every one of them', async () => {
    for (let n = 0; n < 6; n++) {
      expect(
        (
          await postForm(
            app.url,
            '/sign',
            validSignature({ email: `kept${n}@cnrs.fr`, last_name: `Kept${n}` }),
          )
        ).status,
      ).toBe(303)
    }
    const mails = await app.smtp.waitForMessages(6)
    for (const mail of mails.slice(0, 3)) {
      const path = linkIn(mail.text!, 'confirm')
      await postForm(app.url, path, { csrf: hiddenValue((await get(app.url, path)).html, 'csrf') })
    }
    // The server goes on writing while the copy is taken.
    const during = Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        postForm(app.url, '/sign', validSignature({ email: `during${n}@cnrs.fr` })),
      ),
    )
    const file = join(mkdtempSync(join(tmpdir(), 'paraphe-backup-')), 'copy.sqlite')
    await backupSqlite(app.config.sqliteFile, file)
    await during

    const dataDir = mkdtempSync(join(tmpdir(), 'paraphe-restore-'))
    copyFileSync(file, join(dataDir, 'paraphe.sqlite'))
    restored = await startTestApp('sqlite', {
      DATA_DIR: dataDir,
      SECRET: app.config.secret,
      CONTENT_DIR: content,
    })
    const stats = (await (await fetch(`${restored.url}/api/v1/stats`)).json()) as {
      confirmed: number
      public: number
    }
    expect(stats).toMatchObject({ confirmed: 3, public: 3 })
    const names = (await restored.server.ctx.db.selectFrom('signatures').select('last_name').execute()).map(
      (r) => r.last_name,
    )
    for (let n = 0; n < 6; n++) expect(names).toContain(`Kept${n}`)
    // The address is still recognised with the same secret: signing again changes nothing.
    await postForm(restored.url, '/sign', validSignature({ email: 'kept0@cnrs.fr', last_name: 'Kept0' }))
    expect(
      (
        await restored.server.ctx.db
          .selectFrom('signatures')
          .select('id')
          .where('last_name', '=', 'Kept0')
          .execute()
      ).length,
    ).toBe(1)
  })

  it('leaves the copy alone in its folder, readable by its owner only: no -wal or -shm beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paraphe-backup-'))
    await backupSqlite(app.config.sqliteFile, join(dir, 'alone.sqlite'))
    expect(readdirSync(dir)).toEqual(['alone.sqlite'])
    expect(statSync(join(dir, 'alone.sqlite')).mode & 0o777).toBe(0o600)
  })

  it('is what npm run backup does, and it refuses PostgreSQL with a pointer to pg_dump', async () => {
    const run = promisify(execFile)
    const file = join(mkdtempSync(join(tmpdir(), 'paraphe-backup-')), 'cli.sqlite')
    const env = { PATH: process.env.PATH ?? '', DATA_DIR: app.dataDir, CONTENT_DIR: content }
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', file], { env })
    expect(stdout).toContain('integrity ok')
    const refused = await run(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts'], {
      env: { ...env, DATABASE_URL: 'postgres://x@127.0.0.1/none' },
    }).catch((e: { code: number; stderr: string }) => e)
    expect((refused as { code: number }).code).toBe(2)
    expect((refused as { stderr: string }).stderr).toContain('pg_dump')
  })
})
