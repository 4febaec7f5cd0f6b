import { afterEach, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase, type DatabaseHandle } from './database.js'
import { createTransactor } from './transactor.js'
import { createWriteGuard, WriteOutsideTransactor } from './write-guard.js'

describe('the write guard', () => {
  let handle: DatabaseHandle
  afterEach(async () => {
    await handle?.close()
  })

  async function guarded() {
    handle = await openDatabase({ sqliteFile: ':memory:' })
    await migrateToLatest(handle.db)
    const guard = createWriteGuard()
    const db = handle.db.withPlugin(guard.plugin)
    return { db, transact: createTransactor(db, 'sqlite', { guard }).transact }
  }

  const row = { email_hash: 'h', reason: 'test', created_at: '2026-11-30T00:00:00.000Z' }

  it('throws on an insert, an update or a delete made beside the transactor', async () => {
    const { db } = await guarded()
    await expect(db.insertInto('suppressions').values(row).execute()).rejects.toBeInstanceOf(
      WriteOutsideTransactor,
    )
    await expect(db.updateTable('suppressions').set({ reason: 'x' }).execute()).rejects.toBeInstanceOf(
      WriteOutsideTransactor,
    )
    await expect(db.deleteFrom('suppressions').execute()).rejects.toBeInstanceOf(WriteOutsideTransactor)
  })

  it('lets the transactor write, including writes of concurrent work sharing one commit, and reads anywhere', async () => {
    const { db, transact } = await guarded()
    await Promise.all(
      ['a', 'b', 'c'].map((h) =>
        transact((tx) =>
          tx
            .insertInto('suppressions')
            .values({ ...row, email_hash: h })
            .execute(),
        ),
      ),
    )
    expect(await db.selectFrom('suppressions').select('email_hash').orderBy('email_hash').execute()).toEqual([
      { email_hash: 'a' },
      { email_hash: 'b' },
      { email_hash: 'c' },
    ])
  })

  it('still refuses a write made after the transactor has answered', async () => {
    const { db, transact } = await guarded()
    await transact(async () => undefined)
    await expect(db.insertInto('suppressions').values(row).execute()).rejects.toBeInstanceOf(
      WriteOutsideTransactor,
    )
  })
})
