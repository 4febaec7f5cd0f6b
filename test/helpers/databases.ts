// Integration tests run once per database: a fresh SQLite file, and a fresh
// PostgreSQL database on the server the run shares (created here, dropped afterwards).
// Which server that is, the global setup decides: see postgres-server.ts.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'

export type DatabaseKind = 'sqlite' | 'postgres'
export const DATABASES: DatabaseKind[] = ['sqlite', 'postgres']

const ADMIN_URL = inject('postgresUrl')

export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `paraphe_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}
