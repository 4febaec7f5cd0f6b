// Upgrading a running campaign on SQLite: before the new version's migrations touch the
// database, the server copies it as it was beside it and says so, and keeps only the
// last few such copies. A new database, or one already up to date, is not copied.
import SQLite from 'better-sqlite3'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { UPGRADE_BACKUPS_KEPT } from '../src/db/upgrade-backup.js'
import { startTestApp } from './helpers/app.js'
import { postForm, validSignature } from './helpers/http.js'

describe('upgrading a SQLite database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'paraphe-upgrade-'))
  const backups = join(dataDir, 'backups')
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  /** Starts and stops the server on dataDir, returning what it logged. */
  async function startOnce(work?: (url: string) => Promise<void>): Promise<string[]> {
    const lines: string[] = []
    const app = await startTestApp('sqlite', { DATA_DIR: dataDir }, { log: (line) => lines.push(line) })
    await work?.(app.url)
    await app.server.stop()
    await app.smtp.close()
    return lines
  }

  it('does not copy a new database, nor one with no migration to apply', async () => {
    const first = await startOnce(async (url) => {
      expect(
        (await postForm(url, '/sign', validSignature({ email: 'before@cnrs.fr', last_name: 'Before' })))
          .status,
      ).toBe(303)
    })
    expect(first.filter((line) => line.startsWith('upgrade:'))).toEqual([])
    const again = await startOnce()
    expect(again.filter((line) => line.startsWith('upgrade:'))).toEqual([])
    expect(() => readdirSync(backups)).toThrow()
  })

  it('copies the database as it was before applying a new migration, says where, and keeps the last copies only', async () => {
    // The database as the previous release left it: without its last migration.
    const file = new SQLite(join(dataDir, 'paraphe.sqlite'))
    file.prepare("delete from kysely_migration where name = '009_name_skeletons'").run()
    file.close()
    // Copies of earlier upgrades, and one made by hand with npm run backup.
    mkdirSync(backups, { mode: 0o700 })
    const older = [
      'paraphe-before-004_rate_limits-2026-01-05T10-00-00Z.sqlite',
      'paraphe-before-007_listed_labels-2026-03-01T10-20-00Z.sqlite',
      'paraphe-before-002_visibility-2026-06-01T10-00-00Z.sqlite',
    ]
    for (const name of [...older, 'paraphe-2025-12-31T23-00-00Z.sqlite'])
      writeFileSync(join(backups, name), '')

    const lines = await startOnce()
    const said = lines.filter((line) => line.startsWith('upgrade:'))
    expect(said).toHaveLength(1)
    const copy = /copied to (\S+\.sqlite)/.exec(said[0]!)![1]!
    expect(copy).toMatch(
      /backups\/paraphe-before-009_name_skeletons-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.sqlite$/,
    )
    expect(said[0]).toContain('009_name_skeletons')

    // The copy is the database before the migration, whole, private, and a single file.
    const saved = new SQLite(copy, { readonly: true })
    const applied = (saved.prepare('select name from kysely_migration').all() as { name: string }[]).map(
      (r) => r.name,
    )
    const names = (saved.prepare('select last_name from signatures').all() as { last_name: string }[]).map(
      (r) => r.last_name,
    )
    saved.close()
    expect(applied).not.toContain('009_name_skeletons')
    expect(applied).toContain('008_search_index')
    expect(names).toEqual(['Before'])
    expect(statSync(copy).mode & 0o777).toBe(0o600)

    // The oldest upgrade copy by date is gone (not by migration name); the hand-made one stays.
    expect(readdirSync(backups).sort()).toEqual(
      [
        copy.slice(copy.lastIndexOf('/') + 1),
        'paraphe-before-007_listed_labels-2026-03-01T10-20-00Z.sqlite',
        'paraphe-before-002_visibility-2026-06-01T10-00-00Z.sqlite',
        'paraphe-2025-12-31T23-00-00Z.sqlite',
      ].sort(),
    )
    expect(UPGRADE_BACKUPS_KEPT).toBe(3)
  })
})
