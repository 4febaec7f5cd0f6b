import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

/** The drivers a fresh process has loaded once it has opened `options` (run outside vitest's own loader). */
function driversLoadedOpening(options: string): string[] {
  const script = `
    import { createRequire } from 'node:module'
    import { openDatabase } from './src/db/database.ts'
    const handle = await openDatabase(${options})
    await handle.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute()
    await handle.close()
    const loaded = Object.keys(createRequire(import.meta.url).cache)
    console.log(JSON.stringify(['pg', 'better-sqlite3'].filter((d) => loaded.some((f) => f.includes('/node_modules/' + d + '/')))))
  `
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  })
  return JSON.parse(out.trim().split('\n').at(-1)!)
}

describe('opening the database', () => {
  it('loads the SQLite driver only: a site on SQLite never loads pg', () => {
    expect(driversLoadedOpening(`{ sqliteFile: ':memory:' }`)).toEqual(['better-sqlite3'])
  })
})
