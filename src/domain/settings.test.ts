import { afterAll, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase } from '../db/database.js'
import { createTransactor } from '../db/transactor.js'
import { runtimeSettings } from './settings.js'

const database = await openDatabase({ sqliteFile: ':memory:' })

describe('runtime settings', () => {
  afterAll(() => database.close())

  it('see a change made by another process within a few seconds, without reading the database on every page', async () => {
    await migrateToLatest(database.db)
    let clock = 0
    const { transact } = createTransactor(database.db, 'sqlite')
    const mine = runtimeSettings(database.db, transact, () => clock)
    const theirs = runtimeSettings(database.db, transact, () => clock)
    await mine.refresh()
    expect(mine.signingOpen()).toBeUndefined()
    await theirs.setSigningOpen(false, new Date())
    expect(theirs.signingOpen()).toBe(false)
    clock += 1_000
    await mine.refresh()
    expect(mine.signingOpen()).toBeUndefined()
    clock += 5_000
    await mine.refresh()
    expect(mine.signingOpen()).toBe(false)
  })
})
