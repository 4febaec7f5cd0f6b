// npm run admin -- add someone@example.org | remove someone@example.org | list
// Moderators of ADMIN_EMAILS come from the environment; these are kept in the database.
import { loadConfig } from '../config.js'
import { prepareDataDir } from '../data-dir.js'
import { migrateToLatest, openDatabase } from '../db/database.js'
import { createTransactor } from '../db/transactor.js'
import { addModerator, listModerators, removeModerator } from '../domain/moderators.js'

const [command, address] = process.argv.slice(2)
const usage = 'usage: npm run admin -- add <email> | remove <email> | list'

const config = prepareDataDir(loadConfig())
const database = await openDatabase(config)
let status = 0
try {
  await migrateToLatest(database.db)
  if (command === 'add' && address) {
    console.log(
      `moderator added: ${await addModerator(createTransactor(database.db, database.dialect).transact, address, new Date())}`,
    )
  } else if (command === 'remove' && address) {
    const removed = await removeModerator(createTransactor(database.db, database.dialect).transact, address)
    console.log(
      removed
        ? `moderator removed, sessions ended: ${address}`
        : `not a moderator in the database: ${address}`,
    )
    if (!removed) status = 1
  } else if (command === 'list') {
    for (const m of await listModerators(database.db, config))
      console.log(`${m.email}\t(${m.source === 'config' ? 'ADMIN_EMAILS' : 'database'})`)
  } else {
    console.error(usage)
    status = 2
  }
} catch (err) {
  console.error((err as Error).message)
  status = 1
} finally {
  await database.close()
}
process.exitCode = status
