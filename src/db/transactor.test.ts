import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase, type DatabaseHandle } from './database.js'
import { createTransactor } from './transactor.js'

describe('group commit on SQLite', () => {
  let handle: DatabaseHandle
  let file: string
  afterEach(async () => {
    await handle?.close()
  })

  async function open() {
    file = join(mkdtempSync(join(tmpdir(), 'paraphe-gc-')), 'db.sqlite')
    handle = await openDatabase({ sqliteFile: file })
    await migrateToLatest(handle.db)
    let transactions = 0
    const start = handle.db.startTransaction.bind(handle.db)
    handle.db.startTransaction = () => {
      transactions++
      return start()
    }
    return { transactor: createTransactor(handle.db, 'sqlite'), transactions: () => transactions }
  }

  const insert =
    (i: number) => (tx: Parameters<Parameters<ReturnType<typeof createTransactor>['transact']>[0]>[0]) =>
      tx
        .insertInto('suppressions')
        .values({ email_hash: `h${i}`, reason: 'test', created_at: new Date().toISOString() })
        .execute()

  it('shares commits between concurrent writes', async () => {
    const { transactor, transactions } = await open()
    await Promise.all(Array.from({ length: 200 }, (_, i) => transactor.transact(insert(i))))
    const rows = await handle.db.selectFrom('suppressions').selectAll().execute()
    expect(rows).toHaveLength(200)
    expect(transactions()).toBeLessThan(200)
  })

  it('shares commits between writes asked for by separate events of one turn of the event loop', async () => {
    // As requests do: each arrives in its own network callback, not in one Promise.all.
    const { transactor, transactions } = await open()
    const writes = await new Promise<Promise<unknown>[]>((resolve) => {
      const pending: Promise<unknown>[] = []
      for (let i = 0; i < 50; i++) setImmediate(() => pending.push(transactor.transact(insert(i))))
      setImmediate(() => resolve(pending))
    })
    await Promise.all(writes)
    expect(await handle.db.selectFrom('suppressions').selectAll().execute()).toHaveLength(50)
    expect(transactions()).toBe(1)
  })

  it('answers a write only once it is committed, visible to another connection', async () => {
    const { transactor } = await open()
    await transactor.transact(insert(1))
    const other = new SQLite(file, { readonly: true })
    expect(other.prepare('select count(*) as n from suppressions').get()).toEqual({ n: 1 })
    other.close()
  })

  it('rolls back a failing write alone, and reports its error to its caller only', async () => {
    const { transactor } = await open()
    const results = await Promise.allSettled([
      transactor.transact(insert(1)),
      transactor.transact(async (tx) => {
        await insert(2)(tx)
        throw new Error('this write fails')
      }),
      transactor.transact(insert(1)), // duplicate key
      transactor.transact(insert(3)),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
    const rows = await handle.db
      .selectFrom('suppressions')
      .select('email_hash')
      .orderBy('email_hash')
      .execute()
    expect(rows.map((r) => r.email_hash)).toEqual(['h1', 'h3'])
  })
})
