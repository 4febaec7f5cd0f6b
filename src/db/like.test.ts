import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPostgresDatabase, DATABASES } from '../../test/helpers/databases.js'
import { openDatabase, sql, type DatabaseHandle } from './database.js'
import { containsText, escapeLike, like, startsWithText } from './like.js'

const TEXTS = ['50% off', '50 percent off', 'anne_marie', 'annexmarie', 'back\\slash', 'backslash']

describe.each(DATABASES)('LIKE with typed text (%s)', (kind) => {
  let handle: DatabaseHandle
  let drop: (() => Promise<void>) | undefined
  beforeAll(async () => {
    if (kind === 'postgres') {
      const pg = await createPostgresDatabase()
      drop = pg.drop
      handle = openDatabase({ databaseUrl: pg.url, sqliteFile: '' })
    } else handle = openDatabase({ sqliteFile: ':memory:' })
  })
  afterAll(async () => {
    await handle?.close()
    await drop?.()
  })

  /** The texts a condition keeps, read by the database itself. */
  async function matching(condition: ReturnType<typeof like>): Promise<string[]> {
    const values = sql.join(
      TEXTS.map((t) => sql`select ${t} as t`),
      sql` union all `,
    )
    const rows = await handle.db
      .selectFrom(sql<{ t: string }>`(${values})`.as('x'))
      .select(sql<string>`x.t`.as('t'))
      .where(condition)
      .execute()
    return rows.map((r) => r.t).sort()
  }

  it('matches % and _ typed by someone as themselves, not as wildcards', async () => {
    expect(await matching(containsText('x.t', '50%'))).toEqual(['50% off'])
    expect(await matching(startsWithText('x.t', 'anne_'))).toEqual(['anne_marie'])
    expect(await matching(containsText('x.t', 'k\\s'))).toEqual(['back\\slash'])
  })

  it('keeps the wildcards a caller adds around escaped text', async () => {
    expect(await matching(like('x.t', `${escapeLike('50')}%off`))).toEqual(['50 percent off', '50% off'])
  })
})
