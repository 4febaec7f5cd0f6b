// Before a new version changes the schema of a SQLite database that already holds a
// campaign, a copy of it as it was is written beside it: if the upgrade goes wrong,
// the previous version of Paraphe can be started again on that copy (OPERATIONS.md,
// rolling back). A PostgreSQL database is the operator's to back up with pg_dump.
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { backupSqlite } from './backup.js'
import { type Db, migrationState } from './database.js'

/**
 * Copies kept from earlier upgrades: enough to go back past an upgrade found wrong
 * only after the next one, few enough that a large database does not fill the disk.
 */
export const UPGRADE_BACKUPS_KEPT = 3

const PREFIX = 'paraphe-before-'
const STAMPED = /-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)\.sqlite$/

/** The file of one upgrade's copy: DATA_DIR/backups/paraphe-before-010_x-2026-11-30T03-55-00Z.sqlite. */
export function upgradeBackupFile(dataDir: string, firstPending: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-')
  return join(dataDir, 'backups', `${PREFIX}${firstPending}-${stamp}.sqlite`)
}

/**
 * Writes the copy when migrations are pending on a database that has had some already
 * (a brand-new file holds nothing to save), then deletes the oldest upgrade copies
 * beyond UPGRADE_BACKUPS_KEPT; copies made with npm run backup are never touched.
 * Returns the line to log, or undefined when there was nothing to do.
 */
export async function backupBeforeUpgrade(
  db: Db,
  sqliteFile: string,
  dataDir: string,
  now: Date,
): Promise<string | undefined> {
  const { applied, pending } = await migrationState(db)
  if (applied.length === 0 || pending.length === 0) return undefined
  const file = upgradeBackupFile(dataDir, pending[0]!, now)
  await backupSqlite(sqliteFile, file)
  const folder = join(dataDir, 'backups')
  // The time in the name sorts them in the order they were made, whatever the migration.
  const stampOf = (name: string) => STAMPED.exec(name)?.[1] ?? ''
  const upgrades = readdirSync(folder)
    .filter((name) => name.startsWith(PREFIX) && STAMPED.test(name))
    .sort((a, b) => stampOf(a).localeCompare(stampOf(b)))
  for (const old of upgrades.slice(0, Math.max(0, upgrades.length - UPGRADE_BACKUPS_KEPT)))
    rmSync(join(folder, old))
  return `upgrade: ${pending.length} migration(s) to apply (${pending.join(', ')}); the database as it was is copied to ${file} (the last ${UPGRADE_BACKUPS_KEPT} such copies are kept)`
}
