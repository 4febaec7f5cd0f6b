// Starts the real server for a test: its own data folder, its own database, a real
// SMTP server on loopback, and a clock the test can move forward.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, type Config } from '../../src/config.js'
import { startServer, type RunningServer } from '../../src/server.js'
import { createPostgresDatabase, type DatabaseKind } from './databases.js'
import { startSmtp, type TestSmtp } from './smtp.js'

export interface TestClock {
  now(): Date
  advance(ms: number): void
}

export function testClock(start = new Date('2026-11-28T10:00:00.000Z')): TestClock {
  let offset = 0
  const realStart = Date.now()
  return {
    // Real time flows (so timestamps differ) from a fixed start the test can move.
    now: () => new Date(start.getTime() + (Date.now() - realStart) + offset),
    advance(ms) {
      offset += ms
    },
  }
}

export interface TestApp {
  server: RunningServer
  smtp: TestSmtp
  clock: TestClock
  config: Config
  url: string
  dataDir: string
  close(): Promise<void>
}

export async function startTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'paraphe-test-'))
  const smtp = await startSmtp()
  const database = kind === 'postgres' ? await createPostgresDatabase() : undefined
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    BASE_URL: 'http://paraphe.test',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Paraphe <no-reply@paraphe.test>',
    DATABASE_URL: database?.url,
    ...env,
  })
  const clock = testClock()
  const server = await startServer(config, { now: clock.now, log: process.env.TEST_LOG ? (l) => console.error(l) : () => {}, mailPollMs: 100, purgeEveryMs: 0 })
  return {
    server,
    smtp,
    clock,
    config,
    url: server.url,
    dataDir,
    async close() {
      await server.stop()
      await smtp.close()
      await database?.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
