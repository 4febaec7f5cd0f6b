// Prometheus metrics, scraped as Prometheus would: off by default, then on their own
// port or behind a token, counting requests by route pattern (never by path), the
// signatures, the outbox, the mails and the rate-limit refusals.
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { contentWith } from './helpers/content.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { freePort } from './helpers/process.js'

const TOKEN = 'a-metrics-token-of-32-characters'

/** Scrapes `url` and reads one sample: the value of `name` with exactly these labels (undefined when absent). */
async function scrape(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers })
  const text = await res.text()
  const sample = (name: string, labels: Record<string, string> = {}): number | undefined => {
    const wanted = Object.entries(labels)
      .map(([k, v]) => `${k}="${v}"`)
      .sort()
      .join(',')
    for (const line of text.split('\n')) {
      const m = /^([a-z_:]+)(?:\{([^}]*)\})? (\S+)$/.exec(line)
      if (!m || m[1] !== name) continue
      const got = (m[2] ?? '').split(',').filter(Boolean).sort().join(',')
      if (got === wanted) return Number(m[3])
    }
    return undefined
  }
  return { status: res.status, type: res.headers.get('content-type'), text, sample }
}

describe('Prometheus metrics', () => {
  let app: TestApp | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  it('are off unless a port or a token is set', async () => {
    app = await startTestApp('sqlite')
    expect(app.server.metricsUrl).toBeUndefined()
    expect((await get(app.url, '/metrics')).status).toBe(404)
    expect((await get(app.url, '/metrics', { Authorization: `Bearer ${TOKEN}` })).status).toBe(404)
  })

  it('count requests by route pattern and status, signatures, the outbox, mails and refusals, on their own port', async () => {
    app = await startTestApp('sqlite', {
      METRICS_PORT: String(await freePort()),
      CONTENT_DIR: contentWith({ manage_per_minute: '1', min_fill_seconds: '0', min_group_size: '1' }),
    })
    const metrics = `${app.server.metricsUrl}/metrics`
    // Not on the site's port: the site knows no /metrics.
    expect((await get(app.url, '/metrics')).status).toBe(404)

    // A signature whose first mail is refused for now, then delivered; then confirmed.
    app.smtp.refuseWith(451)
    expect((await postForm(app.url, '/sign', validSignature({ email: 'metrics@cnrs.fr' }))).status).toBe(303)
    await app.server.worker.drain()
    let m = await scrape(metrics)
    expect(m.status).toBe(200)
    expect(m.type).toContain('text/plain; version=0.0.4')
    expect(m.sample('paraphe_mails_failed_total', { outcome: 'will_retry' })).toBe(1)
    expect(m.sample('paraphe_outbox_waiting')).toBe(1)
    expect(m.sample('paraphe_outbox_oldest_waiting_seconds')).toBeGreaterThanOrEqual(0)
    app.smtp.refuseWith(undefined)
    app.clock.advance(3 * 60_000)
    await app.server.worker.drain()
    const [mail] = await app.smtp.waitForMessages(1)
    const link = linkIn(mail!.text!, 'confirm')
    const page = await get(app.url, link)
    expect((await postForm(app.url, link, { csrf: hiddenValue(page.html, 'csrf') })).status).toBe(303)
    await get(app.url, '/signatories')
    await get(app.url, '/signatories')
    await get(app.url, '/no-such-page')
    // Over the manage form's limit (one a minute): the second is refused.
    await postForm(app.url, '/manage', { email: 'metrics@cnrs.fr' })
    expect((await postForm(app.url, '/manage', { email: 'metrics@cnrs.fr' })).status).toBe(429)
    await app.server.afterAnswer.idle()
    await app.server.worker.drain()

    m = await scrape(metrics)
    const requests = (method: string, route: string, status: string) =>
      m.sample('paraphe_http_request_duration_seconds_count', { method, route, status })
    expect(requests('POST', '/sign', '303')).toBe(1)
    expect(requests('GET', '/signatories', '200')).toBe(2)
    expect(requests('GET', '/confirm/:token', '200')).toBe(1)
    expect(requests('POST', '/confirm/:token', '303')).toBe(1)
    expect(requests('POST', '/manage', '429')).toBe(1)
    // The latency histogram: cumulative buckets, +Inf holding every request.
    const inf = m.sample('paraphe_http_request_duration_seconds_bucket', {
      method: 'GET',
      route: '/signatories',
      status: '200',
      le: '+Inf',
    })
    expect(inf).toBe(2)
    expect(
      m.sample('paraphe_http_request_duration_seconds_sum', {
        method: 'GET',
        route: '/signatories',
        status: '200',
      }),
    ).toBeGreaterThan(0)
    // Never a path: the token of the link is in no label, and neither is the unknown page.
    expect(m.text).not.toContain(link.split('/').at(-1)!)
    expect(m.text).not.toContain('no-such-page')
    expect(m.text).not.toContain('metrics@cnrs.fr')
    expect(m.sample('paraphe_signatures', { state: 'confirmed' })).toBe(1)
    expect(m.sample('paraphe_signatures', { state: 'public' })).toBe(1)
    expect(m.sample('paraphe_mails_sent_total')).toBeGreaterThanOrEqual(1)
    expect(m.sample('paraphe_outbox_waiting')).toBe(0)
    expect(m.sample('paraphe_rate_limit_refusals_total', { form: 'manage' })).toBe(1)
    expect(m.sample('process_resident_memory_bytes')).toBeGreaterThan(0)
  })

  it('answer on the site port only to the bearer of METRICS_TOKEN', async () => {
    app = await startTestApp('sqlite', { METRICS_TOKEN: TOKEN })
    expect(app.server.metricsUrl).toBeUndefined()
    expect((await get(app.url, '/metrics')).status).toBe(404)
    expect(
      (await get(app.url, '/metrics', { Authorization: `Bearer ${TOKEN.replace(/.$/, 'x')}` })).status,
    ).toBe(404)
    const m = await scrape(`${app.url}/metrics`, { Authorization: `Bearer ${TOKEN}` })
    expect(m.status).toBe(200)
    expect(m.sample('paraphe_outbox_waiting')).toBe(0)
    // The scrape itself is counted, under its route.
    expect(
      (await scrape(`${app.url}/metrics`, { Authorization: `Bearer ${TOKEN}` })).sample(
        'paraphe_http_request_duration_seconds_count',
        { method: 'GET', route: '/metrics', status: '200' },
      ),
    ).toBe(1)
  })

  it('count the pages answered from memory under the route that rendered them', async () => {
    app = await startTestApp('sqlite', { METRICS_PORT: String(await freePort()) }, { pageCacheMs: 60_000 })
    for (let i = 0; i < 3; i++) expect((await get(app.url, '/stats')).status).toBe(200)
    const m = await scrape(`${app.server.metricsUrl}/metrics`)
    expect(
      m.sample('paraphe_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/stats',
        status: '200',
      }),
    ).toBe(3)
  })

  it('refuse a token too short to be a secret, and a port that is not one', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/)
    expect(() => loadConfig({ METRICS_PORT: 'ninety' })).toThrow(/METRICS_PORT/)
  })
})
