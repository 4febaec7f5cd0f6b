import { PostgresAdapter, type Kysely } from 'kysely'

/** The few places where SQL differs (DDL, row locking) ask this. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
