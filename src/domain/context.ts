import type { Config } from '../config.js'
import type { Db, Tx } from '../db/database.js'

/** What domain functions need: the database, the settings, a clock, and a way to wake the mailer. */
export interface DomainContext {
  db: Db
  /** Runs a write transaction; on SQLite, concurrent writes share one commit (group commit). */
  transact<T>(work: (tx: Tx) => Promise<T>): Promise<T>
  config: Config
  now(): Date
  /** Called after a transaction that queued mail has committed. */
  mailQueued(): void
}
