import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase, type DatabaseHandle } from './database.js'
import { StorageFull, storageGauge } from './storage-gauge.js'
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

describe('storage that fails for a moment', () => {
  let handle: DatabaseHandle
  afterEach(async () => {
    await handle?.close()
  })
  const openDb = async () => {
    handle = await openDatabase({
      sqliteFile: join(mkdtempSync(join(tmpdir(), 'paraphe-retry-')), 'db.sqlite'),
    })
    await migrateToLatest(handle.db)
    return handle
  }
  const lostConnection = () =>
    Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' })
  const pauses: number[] = []
  const sleep = async (ms: number) => {
    pauses.push(ms)
  }

  it.each(['sqlite', 'postgres'] as const)(
    'tries a write again, with growing pauses, until it passes (%s code path)',
    async (dialect) => {
      const { db } = await openDb()
      pauses.length = 0
      // The PostgreSQL path runs db.transaction(): SQLite answers it the same way here.
      const { transact } = createTransactor(db, dialect, { retryForMs: 10_000, sleep })
      let attempts = 0
      const value = await transact(async () => {
        attempts++
        if (attempts < 4) throw lostConnection()
        return 'written'
      })
      expect(value).toBe('written')
      expect(attempts).toBe(4)
      expect(pauses).toEqual([50, 100, 200])
    },
  )

  it('gives up when the time is up, with the storage error', async () => {
    const { db } = await openDb()
    const { transact } = createTransactor(db, 'sqlite', { retryForMs: 0, sleep })
    await expect(
      transact(async () => {
        throw lostConnection()
      }),
    ).rejects.toMatchObject({ code: 'ECONNRESET' })
  })

  it('never runs again a write that failed for its own reasons', async () => {
    const { db } = await openDb()
    const { transact } = createTransactor(db, 'sqlite', { retryForMs: 10_000, sleep })
    let attempts = 0
    await expect(
      transact(async () => {
        attempts++
        throw new Error('a bug, not an outage')
      }),
    ).rejects.toThrow('a bug')
    expect(attempts).toBe(1)
  })

  it('refuses writes at once while the disk is nearly full, and takes them again when space returns', async () => {
    const { db } = await openDb()
    let free = 10 * 1024 * 1024
    let now = 0
    const gauge = storageGauge(
      '/unused',
      64 * 1024 * 1024,
      () => now,
      () => free,
    )
    const { transact } = createTransactor(db, 'sqlite', { retryForMs: 10_000, sleep, gauge })
    let ran = 0
    const write = () =>
      transact(async () => {
        ran++
      })
    await expect(write()).rejects.toBeInstanceOf(StorageFull)
    expect(ran).toBe(0)
    free = 100 * 1024 * 1024
    await expect(write()).rejects.toBeInstanceOf(StorageFull) // read at most once a second
    now += 1000
    await write()
    expect(ran).toBe(1)
  })
})
