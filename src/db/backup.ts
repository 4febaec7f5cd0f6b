// An online copy of the SQLite database, consistent while the server keeps writing:
// SQLite's backup API copies pages and restarts when they change under it, so the copy
// is one committed state of the database, never a torn file.
import SQLite from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { PRIVATE_DIR, privateFile } from '../data-dir.js'

/** The default destination: DATA_DIR/backups/paraphe-2026-11-29T03-55-00Z.sqlite. */
export function defaultBackupFile(dataDir: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-')
  return join(dataDir, 'backups', `paraphe-${stamp}.sqlite`)
}

/** Copies the live database file to `destination`, then checks the copy's integrity. */
export async function backupSqlite(sqliteFile: string, destination: string): Promise<{ pages: number }> {
  // A copy is as private as the database it copies.
  mkdirSync(dirname(destination), { recursive: true, mode: PRIVATE_DIR })
  const refused = privateFile(destination)
  if (refused) console.warn(refused)
  const source = new SQLite(sqliteFile, { fileMustExist: true })
  try {
    source.pragma('busy_timeout = 5000')
    const progress = await source.backup(destination)
    // The copy inherits the live database's WAL mode, in which merely opening it leaves
    // -wal and -shm files beside it: a copy meant to be moved as one file is turned
    // back to a plain rollback journal (the server sets WAL again when it opens a restore).
    const copy = new SQLite(destination)
    try {
      copy.pragma('journal_mode = DELETE')
      const check = copy.pragma('integrity_check', { simple: true })
      if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`)
    } finally {
      copy.close()
    }
    return { pages: progress.totalPages }
  } finally {
    source.close()
  }
}
