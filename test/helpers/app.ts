// Starts the real server for a test: its own data folder, its own database, a real
// SMTP server on loopback, and a clock the test can move forward.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, type Config, type LoadedConfig } from '../../src/config.js'
import { startServer, type RunningServer } from '../../src/server.js'
import { copyMigratedSqlite, createPostgresDatabase, type DatabaseKind } from './databases.js'
import { contentWith } from './content.js'
import { lineLogger } from './log.js'
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
  /** The environment its config was read from. */
  env: Record<string, string | undefined>
  url: string
  dataDir: string
  close(): Promise<void>
}

export interface TestAppOptions {
  /** 'files' leaves SMTP_URL unset, so mail is written to DATA_DIR/mail as a newcomer sees it. */
  mail?: 'smtp' | 'files'
  /**
   * Tests read counts right after changing them: pages are rendered on every request
   * unless a test asks for the production page cache (page-cache.test.ts does).
   */
  pageCacheMs?: number
  /** Receives every line the server logs, as plain text without its level (tests that check what an operator reads). */
  log?: (line: string) => void
}

let sharedTestContent: string | undefined
function testContent(): string {
  sharedTestContent ??= contentWith({
    allow_networks: '["127.0.0.0/8", "::1/128"]',
    min_fill_seconds: '0',
    min_group_size: '1',
  })
  return sharedTestContent
}

export async function startTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'paraphe-test-'))
  // A data folder the test brings is used as it is: it may hold a database to restore, or
  // not exist yet. Otherwise the server starts on a database already migrated.
  if (kind === 'sqlite' && !env.DATA_DIR && !env.DATABASE_URL)
    copyMigratedSqlite(join(dataDir, 'paraphe.sqlite'))
  const smtp = await startSmtp()
  // A test that brings its own PostgreSQL database (behind a proxy it cuts) names it in DATABASE_URL.
  const database = kind === 'postgres' && !env.DATABASE_URL ? await createPostgresDatabase() : undefined
  const settings = {
    // Every test client signs from loopback: unless a test sets its own content, the
    // network limits and the minimum fill time (tested in abuse.test.ts) stay out of the
    // way, and a handful of signatures shows in every breakdown (min_group_size = 1; the
    // shipped threshold is tested in aggregates.test.ts).
    CONTENT_DIR: env.CONTENT_DIR ?? testContent(),
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    BASE_URL: 'http://paraphe.test',
    SMTP_URL: options.mail === 'files' ? undefined : smtp.url,
    MAIL_FROM: 'Paraphe <no-reply@paraphe.test>',
    DATABASE_URL: database?.url,
    ...env,
  }
  const config = loadConfig(settings)
  const clock = testClock()
  const server = await startTestServer(config, clock, options)
  return {
    server,
    smtp,
    clock,
    config: server.ctx.config,
    env: settings,
    url: server.url,
    dataDir,
    async close() {
      await server.stop()
      await smtp.close()
      // Not waited for: the end of the run drops whatever is left (migrated-templates.ts).
      database?.drop().catch(() => {})
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * Another instance of the same site, as several processes behind a proxy run it: the
 * same database, secret, content, SMTP server and clock, and its own data folder,
 * caches, limiter and mail worker. Closing it stops this instance only.
 */
export async function startAnotherInstance(first: TestApp, options: TestAppOptions = {}): Promise<TestApp> {
  if (!first.config.databaseUrl) throw new Error('instances share a site on PostgreSQL only')
  const dataDir = mkdtempSync(join(tmpdir(), 'paraphe-test-'))
  const env = { ...first.env, DATA_DIR: dataDir, SECRET: first.config.secret }
  const config = loadConfig(env)
  const server = await startTestServer(config, first.clock, options)
  return {
    server,
    smtp: first.smtp,
    clock: first.clock,
    config: server.ctx.config,
    env,
    url: server.url,
    dataDir,
    async close() {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function startTestServer(
  config: LoadedConfig,
  clock: TestClock,
  options: TestAppOptions,
): Promise<RunningServer> {
  return startServer(config, {
    now: clock.now,
    // The production log, line by line, shows links unless the settings say production.
    logger: lineLogger(options.log ?? (process.env.TEST_LOG ? (l) => console.error(l) : () => {}), {
      production: config.production,
    }),
    mailPollMs: 100,
    purgeEveryMs: 0,
    guardWrites: true,
    pageCacheMs: options.pageCacheMs ?? 0,
  })
}
