// The read side as production runs it: public pages kept for a second, and the public
// numbers (counts, statistics) read from a snapshot at most once a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STAMP_REVALIDATION_MS } from '../src/domain/form-stamp.js'
import { DATABASES } from './helpers/databases.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { get, hiddenValue } from './helpers/http.js'
import { signAndConfirm } from './helpers/signing.js'
import { waitFor } from './helpers/wait.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/**
 * Long enough for a kept page and a snapshot (1 s each) to be read again: where a test
 * needs both gone before its next step (a burst that must start on an expired snapshot,
 * a clock moved past a stamp's age), it waits this long; elsewhere it waits for the change.
 */
const AFTER_A_SECOND = 1100
/** How long a change may take to show: the age of a kept page, and room for a busy machine. */
const SNAPSHOT_AGE_AND_SLACK = 3000

describe.each(DATABASES)('cached reads (%s)', (kind) => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp(kind, {}, { pageCacheMs: 1000 })
  })
  afterAll(async () => {
    await app?.close()
  })

  const confirmedInApi = async () =>
    JSON.parse((await get(app.url, '/api/v1/stats')).html).confirmed as number

  /** Counts the queries of the counters table the application sends from now on. */
  function countCounterQueries(): { count(): number; stop(): void } {
    const executor = app.server.ctx.db.getExecutor()
    const original = executor.executeQuery.bind(executor)
    let count = 0
    executor.executeQuery = ((query, ...rest) => {
      if (/from "counters"/.test(query.sql)) count++
      return original(query, ...rest)
    }) as typeof executor.executeQuery
    return {
      count: () => count,
      stop: () => {
        executor.executeQuery = original
      },
    }
  }

  it('answer many requests for the numbers in a second with one database read', async () => {
    const numbers = app.server.ctx.numbers
    await sleep(AFTER_A_SECOND)
    const before = {
      counts: numbers.counts.reads(),
      statistics: numbers.statistics.reads(),
      organisations: numbers.organisations.reads(),
    }
    const queries = countCounterQueries()
    const started = performance.now()
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        get(app.url, ['/api/v1/stats', '/badge.svg', '/en/badge.svg', '/stats'][i % 4]!),
      ),
    )
    const seconds = Math.floor((performance.now() - started) / 1000)
    queries.stop()
    expect(answers.every((a) => a.status === 200)).toBe(true)
    // One read per second the burst lasted (one, unless the machine is very slow)…
    expect(numbers.counts.reads() - before.counts).toBeGreaterThanOrEqual(1)
    expect(numbers.counts.reads() - before.counts).toBeLessThanOrEqual(1 + seconds)
    expect(numbers.statistics.reads() - before.statistics).toBeLessThanOrEqual(1 + seconds)
    // The API's count of organisations comes from its own snapshot too.
    expect(numbers.organisations.reads() - before.organisations).toBeGreaterThanOrEqual(1)
    expect(numbers.organisations.reads() - before.organisations).toBeLessThanOrEqual(1 + seconds)
    // …and no request went to the counters on its own: read per request, forty would.
    expect(queries.count()).toBeGreaterThan(0)
    expect(queries.count()).toBeLessThan(20)
  })

  it('answer the counter badge from memory, compressed once, with its embedding headers', async () => {
    const first = await get(app.url, '/badge.svg', { 'Accept-Encoding': 'br' })
    const again = await get(app.url, '/badge.svg', { 'Accept-Encoding': 'br' })
    expect(again.headers.get('content-type')).toContain('image/svg+xml')
    expect(again.html).toBe(first.html)
    expect(again.html).toContain('aria-label=')
    expect(again.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'))
    expect((await get(app.url, '/badge.svg', { 'If-None-Match': again.headers.get('etag')! })).status).toBe(
      304,
    )
  })

  it('answer the stats API from memory with its CORS and security headers and a stable validator', async () => {
    const first = await get(app.url, '/api/v1/stats')
    const again = await get(app.url, '/api/v1/stats')
    expect(again.html).toBe(first.html)
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(again.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(again.headers.get('access-control-allow-origin')).toBe('*')
    expect(again.headers.get('x-content-type-options')).toBe('nosniff')
    expect(
      (await get(app.url, '/api/v1/stats', { 'If-None-Match': again.headers.get('etag')! })).status,
    ).toBe(304)
  })

  it('show a new confirmation within the age of the snapshot', async () => {
    const before = await confirmedInApi()
    await signAndConfirm(app, { email: 'nouvelle@univ-tlse3.fr', first_name: 'Nour' })
    await waitFor('the API to show the new count', async () => (await confirmedInApi()) === before + 1, {
      timeoutMs: SNAPSHOT_AGE_AND_SLACK,
    })
    expect((await get(app.url, '/badge.svg')).html).toContain(String(before + 1))
  })

  it('revalidate an unchanged home page with a 304 although each render carries a fresh form timestamp', async () => {
    const first = await get(app.url, '/')
    const etag = first.headers.get('etag')!
    const second = await waitFor(
      'the home page rendered again',
      async () => {
        const page = await get(app.url, '/')
        return hiddenValue(page.html, 'form_ts') !== hiddenValue(first.html, 'form_ts') && page
      },
      { timeoutMs: SNAPSHOT_AGE_AND_SLACK },
    )
    expect(second.headers.get('etag')).toBe(etag)
    const again = await get(app.url, '/', { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(again.html).toBe('')
  })

  it('give the home page a new ETag when its count changes', async () => {
    const etag = (await get(app.url, '/')).headers.get('etag')!
    await signAndConfirm(app, { email: 'encore@univ-tlse3.fr', first_name: 'Ines' })
    const changed = await waitFor(
      'the home page to show the new count',
      async () => {
        const page = await get(app.url, '/', { 'If-None-Match': etag })
        return page.status !== 304 && page
      },
      { timeoutMs: SNAPSHOT_AGE_AND_SLACK },
    )
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
  })

  it('never confirm with a 304 a copy whose form timestamp is more than an hour old', async () => {
    const old = await get(app.url, '/')
    app.clock.advance(STAMP_REVALIDATION_MS)
    await sleep(AFTER_A_SECOND)
    const fresh = await get(app.url, '/', { 'If-None-Match': old.headers.get('etag')! })
    expect(fresh.status).toBe(200)
    const stampedAt = Number(hiddenValue(fresh.html, 'form_ts').split('.')[0])
    expect(app.clock.now().getTime() - stampedAt).toBeLessThan(AFTER_A_SECOND * 2)
  })
})
