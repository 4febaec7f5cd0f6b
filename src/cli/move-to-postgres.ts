// npm run move-to-postgres -- postgres://…: copies the SQLite database the settings name
// into an empty PostgreSQL database, checks the counts, and says what to change.
import { loadConfig } from '../config.js'
import { MoveError, moveToPostgres } from '../db/move-to-postgres.js'

const target = process.argv[2]
if (!target || !/^postgres(ql)?:\/\//.test(target)) {
  console.error('usage: npm run move-to-postgres -- postgres://user:password@host:5432/database')
  process.exit(2)
}
const config = loadConfig()
if (config.databaseUrl) {
  console.error('move-to-postgres: DATABASE_URL is set, so this server already runs on PostgreSQL')
  process.exit(2)
}
console.log(`copying ${config.sqliteFile} (one snapshot; signatures made after it are not copied)`)
const started = Date.now()
try {
  const moved = await moveToPostgres(config.sqliteFile, target, {
    progress: (table, rows) => console.log(`  ${table}: ${rows} row(s), as many as in SQLite`),
  })
  const total = moved.reduce((sum, t) => sum + t.rows, 0)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`copied ${moved.length} tables, ${total} rows, in ${seconds} s; counts checked`)
  console.log(
    `to switch: set DATABASE_URL=${target.replace(/\/\/[^@/]*@/, '//…@')} in the settings, keep SECRET as it is, restart; ${config.sqliteFile} is left untouched`,
  )
} catch (err) {
  const reason = err instanceof MoveError ? err.message : (err as Error).message.split('\n')[0]
  console.error(`move-to-postgres failed, nothing kept in PostgreSQL: ${reason}`)
  process.exit(1)
}
