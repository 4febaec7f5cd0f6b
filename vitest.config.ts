import { availableParallelism } from 'node:os'
import { configDefaults, defineConfig } from 'vitest/config'

/** The tests that drive Chromium: the slowest part of a run, left out of the quick one. */
const BROWSER_TESTS = ['test/e2e/**', 'test/kit-browser.test.ts']

// `vitest --mode quick` (npm run test:quick) is the edit-test loop: unit tests and the
// integration tests on SQLite only, without the browser. `npm test` runs everything.
export default defineConfig(({ mode }) => {
  const quick = mode === 'quick'
  // Read by test/helpers/database-kinds.ts, in the global setup and in every test worker.
  if (quick) process.env.TEST_DATABASES ??= 'sqlite'
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
      exclude: quick ? [...configDefaults.exclude, ...BROWSER_TESTS] : configDefaults.exclude,
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // Integration tests share one PostgreSQL server, found or started once for the
      // run by the global setup, and databases migrated once: each app starts on a copy.
      globalSetup: ['test/helpers/global-setup.ts'],
      fileParallelism: true,
      // An integration file spends much of its time waiting on sockets (PostgreSQL, SMTP,
      // its own server, Chromium): one file per core keeps every core busy, where vitest's
      // default (one core left free) runs the files one after another on a 2-core machine.
      maxWorkers: Math.max(2, availableParallelism()),
    },
  }
})
