import type { Config } from '../config.js'
import type { Db } from '../db/database.js'
import type { Transact } from '../db/transactor.js'

/** What domain functions need: the database, the settings, a clock, and a way to wake the mailer. */
export interface DomainContext {
  db: Db
  /** Runs a write transaction; on SQLite, concurrent writes share one commit (group commit). */
  transact: Transact
  config: Config
  now(): Date
  /** Called after a transaction that queued mail has committed. */
  mailQueued(): void
}
