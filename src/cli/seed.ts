// npm run seed -- --count N [--days D] [--seed S]: adds N varied confirmed signatures
// to the configured database, counters included.
// npm run seed -- --recount: rebuilds every counter from the signatures (after
// changing domain_patterns in site.toml, or upgrading a database that has signatures).
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.js'
import { prepareDataDir } from '../data-dir.js'
import { migrateToLatest, openDatabase } from '../db/database.js'
import { createTransactor } from '../db/transactor.js'
import { settleSearchIndex } from '../db/search.js'
import { rebuildCounters } from '../domain/counters.js'
import { seedSignatures } from '../domain/seed.js'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    days: { type: 'string', default: '42' },
    seed: { type: 'string' },
    recount: { type: 'boolean', default: false },
  },
})

const config = prepareDataDir(loadConfig())
const database = await openDatabase(config)
try {
  await migrateToLatest(database.db)
  if (values.recount) {
    const totals = await rebuildCounters(
      createTransactor(database.db, database.dialect).transact,
      config.site,
      new Date(),
    )
    console.log(
      `counters rebuilt: ${totals.confirmed ?? 0} confirmed signature(s), ${Object.keys(totals).length} counter(s)`,
    )
  } else {
    const count = Number.parseInt(values.count, 10)
    const days = Number.parseInt(values.days, 10)
    if (!Number.isInteger(count) || count < 1) throw new Error('--count: a positive whole number')
    if (!Number.isInteger(days) || days < 1) throw new Error('--days: a positive whole number')
    const started = Date.now()
    await seedSignatures(createTransactor(database.db, database.dialect).transact, config, {
      count,
      days,
      now: new Date(),
      seed: values.seed ? Number(values.seed) : undefined,
    })
    await settleSearchIndex(database.db)
    console.log(`seeded ${count} confirmed signature(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
} finally {
  await database.close()
}
