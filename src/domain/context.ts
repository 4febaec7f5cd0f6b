import type { Config } from '../config.js'
import type { Db } from '../db/database.js'
import type { Transact } from '../db/transactor.js'
import type { RateLimiter } from './rate-limits.js'

/** What domain functions need: the database, the settings, a clock, and a way to wake the mailer. */
export interface DomainContext {
  db: Db
  /** Runs a write transaction; on SQLite, concurrent writes share one commit (group commit). */
  transact: Transact
  config: Config
  now(): Date
  /** Called after a transaction that queued mail has committed. */
  mailQueued(): void
  /** The site's one rate limiter (windows in memory on SQLite, shared rows on PostgreSQL). */
  limiter: RateLimiter
  /**
   * Runs work once the request's answer is on its way, so that the answer takes the
   * same time whatever the work finds; a failure is logged, and stopping the server
   * waits for work under way.
   */
  afterAnswer(work: () => Promise<void>): void
}
