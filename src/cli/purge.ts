// npm run purge: applies the retention rules now, as the server does every hour.
import { loadConfig } from '../config.js'
import { prepareDataDir } from '../data-dir.js'
import { migrateToLatest, openDatabase } from '../db/database.js'
import { createTransactor } from '../db/transactor.js'
import { purgeExpired } from '../domain/purge.js'

const config = prepareDataDir(loadConfig())
const database = await openDatabase(config)
await migrateToLatest(database.db)
const report = await purgeExpired({
  transact: createTransactor(database.db, database.dialect).transact,
  config,
  now: () => new Date(),
})
console.log(
  `purged: ${report.unconfirmedSignatures} unconfirmed signature(s), ${report.unconfirmedOrganisations} unconfirmed organisation(s), ${report.expiredTokens} expired link(s), ${report.oldMails} old mail record(s), ` +
    `${report.networkTraces} network trace(s), ${report.invalidatedSignatures} invalidated signature(s), ${report.auditEntries} audit entr(ies), ` +
    `${report.adminRecords} expired login record(s)`,
)
await database.close()
