import { PostgresAdapter, type Kysely } from 'kysely'

/** The few places where SQL differs (DDL, row locking) ask this. */
// biome-ignore lint/suspicious/noExplicitAny: asked of the typed database and of the migrations' untyped one
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
