import { availableParallelism } from 'node:os'
import { configDefaults, defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/** The tests that drive Chromium: the slowest part of a run, left out of the quick one. */
const BROWSER_TESTS = ['test/e2e/**', 'test/kit-browser.test.ts']
const isBrowserTest = (file: string) => /\/test\/(e2e\/.*|kit-browser)\.test\.ts$/.test(file)

/**
 * The browser files first: they are the longest (every page in two colour schemes and
 * two widths), and a long file started last is a run's tail, one core working while
 * the other waits. Among themselves and after them, vitest's own order: the longest
 * first when it remembers the last run's durations, the largest file first when not
 * (a fresh clone, or `npm ci`, which empties node_modules/.vite where they are kept).
 */
class BrowserFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    return [
      ...sorted.filter((f) => isBrowserTest(f.moduleId)),
      ...sorted.filter((f) => !isBrowserTest(f.moduleId)),
    ]
  }
}

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
      // Files share their worker's modules instead of importing the server and its
      // dependencies again each: that costs a second of CPU per file, a sixth of a run's
      // CPU over eighty files. Safe because no test replaces a module or changes the
      // environment, and what modules keep between calls is memoisation (e.g. the
      // disposable domains list); each test starts its own server on its own database.
      isolate: false,
      sequence: { sequencer: BrowserFirst },
      // An integration file spends much of its time waiting on sockets (PostgreSQL, SMTP,
      // its own server, Chromium): one file per core keeps every core busy, where vitest's
      // default (one core left free) runs the files one after another on a 2-core machine.
      maxWorkers: Math.max(2, availableParallelism()),
    },
  }
})
