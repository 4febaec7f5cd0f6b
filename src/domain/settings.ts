// Settings moderators change at run time (signing open or closed), stored in the
// database. Every page needs them, so they are read from memory; the copy is
// refreshed at most every few seconds, so that a change made through another server
// process on the same PostgreSQL database shows up quickly too.
import type { Db } from '../db/database.js'
import type { Transact } from '../db/transactor.js'

const REFRESH_MS = 5_000

export interface RuntimeSettings {
  /** The moderators' choice, or undefined when they made none (site.toml's signing_open applies). */
  signingOpen(): boolean | undefined
  /** Re-reads the database if the copy is older than a few seconds. */
  refresh(): Promise<void>
  setSigningOpen(open: boolean, now: Date): Promise<void>
  get(name: string): string | undefined
  set(name: string, value: string, now: Date): Promise<void>
}

export function runtimeSettings(db: Db, transact: Transact, clock: () => number = Date.now): RuntimeSettings {
  let values = new Map<string, string>()
  let readAt = -Infinity
  let reading: Promise<void> | undefined
  async function read(): Promise<void> {
    const rows = await db.selectFrom('settings').select(['name', 'value']).execute()
    values = new Map(rows.map((r) => [r.name, r.value]))
    readAt = clock()
  }
  async function set(name: string, value: string, now: Date): Promise<void> {
    await transact((tx) =>
      tx
        .insertInto('settings')
        .values({ name, value, updated_at: now.toISOString() })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated_at: now.toISOString() }))
        .execute(),
    )
    values.set(name, value)
  }
  return {
    signingOpen() {
      const v = values.get('signing_open')
      return v === undefined ? undefined : v === '1'
    },
    async refresh() {
      if (clock() - readAt < REFRESH_MS) return
      // Concurrent requests share one read.
      reading ??= read().finally(() => {
        reading = undefined
      })
      await reading
    },
    setSigningOpen: (open, now) => set('signing_open', open ? '1' : '0', now),
    get: (name) => values.get(name),
    set,
  }
}
