import { afterAll, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase } from '../db/database.js'
import { runtimeSettings } from './settings.js'

describe('runtime settings', () => {
  const database = openDatabase({ sqliteFile: ':memory:' })
  afterAll(() => database.close())

  it('see a change made by another process within a few seconds, without reading the database on every page', async () => {
    await migrateToLatest(database.db)
    let clock = 0
    const mine = runtimeSettings(database.db, () => clock)
    const theirs = runtimeSettings(database.db, () => clock)
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
