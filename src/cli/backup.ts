// npm run backup [file]: a consistent copy of the SQLite database, taken while the
// server runs. On PostgreSQL, pg_dump does the same job (see docs/OPERATIONS.md).
import { loadConfig } from '../config.js'
import { backupSqlite, defaultBackupFile } from '../db/backup.js'

const config = loadConfig()
if (config.databaseUrl) {
  console.error('backup: DATABASE_URL points to PostgreSQL; use pg_dump --format=custom (docs/OPERATIONS.md)')
  process.exit(2)
}
const destination = process.argv[2] ?? defaultBackupFile(config.dataDir, new Date())
try {
  const { pages } = await backupSqlite(config.sqliteFile, destination)
  console.log(`backup written to ${destination} (${pages} pages, integrity ok); keep DATA_DIR/secret with it`)
} catch (err) {
  console.error(`backup failed: ${(err as Error).message.split('\n')[0]}`)
  process.exit(1)
}
