// Optional metrics in the Prometheus text format, for an operator's monitoring: off
// unless METRICS_PORT or METRICS_TOKEN is set (docs/OPERATIONS.md). prom-client is
// loaded only then; without it, every call below goes to noMetrics and costs nothing.
//
// A request is counted on the hot path: its cell (method, route pattern, status) is
// found by three map lookups and updated in place, without allocating; prom-client
// only reads the cells when a scraper asks. Labels hold route patterns
// (/manage/:token), never a path: a path may carry a token, and a label per path
// would grow without bound. Nothing personal is ever a label.
import type { Registry } from 'prom-client'
import type { RateLimiter } from './domain/rate-limits.js'
import { sameSecret } from './domain/tokens.js'

export type MailFailure = 'will_retry' | 'given_up' | 'refused'

export interface Metrics {
  /** One answered request: `route` is the pattern that answered it, `seconds` the time to produce the answer. */
  request(method: string, route: string, status: number, seconds: number): void
  /** A form refused for going over a rate limit: `form` is sign, manage, relay or login. */
  rateLimited(form: string): void
  mailSent(): void
  mailFailed(outcome: MailFailure): void
}

export const noMetrics: Metrics = { request() {}, rateLimited() {}, mailSent() {}, mailFailed() {} }

/** What is read from the database when a scraper asks, not kept up to date in memory. */
export interface MetricSources {
  counts(): Promise<{ confirmed: number; public: number }>
  outbox(): Promise<{ waiting: number; oldestWaitingSeconds: number; failed: number }>
}

export interface EnabledMetrics extends Metrics {
  /** The exposition: every metric as Prometheus text. */
  text(): Promise<string>
  contentType: string
}

/** Upper bounds of the latency buckets, in seconds: a cached page takes well under a millisecond, a signature a few. */
export const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

interface RequestCell {
  method: string
  route: string
  status: string
  /** Requests per bucket (not cumulative); the last slot is +Inf. */
  buckets: Float64Array
  sum: number
  count: number
}

/** Methods a label may hold: any other (rare, and refused by the routes) shares one. */
const METHODS = new Set(['GET', 'HEAD', 'POST'])

function requestCells() {
  const cells: RequestCell[] = []
  const byMethod = new Map<string, Map<string, Map<number, RequestCell>>>()
  return {
    cells,
    observe(method: string, route: string, status: number, seconds: number): void {
      const m = METHODS.has(method) ? method : 'other'
      let byRoute = byMethod.get(m)
      if (!byRoute) {
        byRoute = new Map()
        byMethod.set(m, byRoute)
      }
      let byStatus = byRoute.get(route)
      if (!byStatus) {
        byStatus = new Map()
        byRoute.set(route, byStatus)
      }
      let cell = byStatus.get(status)
      if (!cell) {
        // Once per combination: the routes and statuses are few.
        cell = {
          method: m,
          route,
          status: String(status),
          buckets: new Float64Array(LATENCY_BUCKETS.length + 1),
          sum: 0,
          count: 0,
        }
        byStatus.set(status, cell)
        cells.push(cell)
      }
      let i = 0
      while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]!) i++
      cell.buckets[i]!++
      cell.sum += seconds
      cell.count++
    },
  }
}

export async function createMetrics(sources: MetricSources): Promise<EnabledMetrics> {
  const client = await import('prom-client')
  const registry: Registry = new client.Registry()
  // The process itself: memory, CPU, event-loop delay, open files.
  client.collectDefaultMetrics({ register: registry })

  const requests = requestCells()
  // A histogram whose values are the cells above, read at scrape time: prom-client's own
  // Histogram would hash its labels at every observation.
  const requestHistogram = {
    name: 'paraphe_http_request_duration_seconds',
    help: 'Time to produce an answer, by method, route pattern and status; _count is the number of requests.',
    type: 'histogram',
    aggregator: 'sum',
    async get() {
      const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = []
      for (const cell of requests.cells) {
        const labels = { method: cell.method, route: cell.route, status: cell.status }
        let cumulative = 0
        for (let i = 0; i < LATENCY_BUCKETS.length; i++) {
          cumulative += cell.buckets[i]!
          values.push({
            labels: { ...labels, le: LATENCY_BUCKETS[i]! },
            value: cumulative,
            metricName: `${this.name}_bucket`,
          })
        }
        values.push({
          labels: { ...labels, le: '+Inf' },
          value: cell.count,
          metricName: `${this.name}_bucket`,
        })
        values.push({ labels, value: cell.sum, metricName: `${this.name}_sum` })
        values.push({ labels, value: cell.count, metricName: `${this.name}_count` })
      }
      return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values }
    },
  }
  registry.registerMetric(requestHistogram as unknown as Parameters<Registry['registerMetric']>[0])

  const refusals = new client.Counter({
    name: 'paraphe_rate_limit_refusals_total',
    help: 'Forms refused for going over a rate limit, by form.',
    labelNames: ['form'],
    registers: [registry],
  })
  const sent = new client.Counter({
    name: 'paraphe_mails_sent_total',
    help: 'Mails handed to the SMTP server (or written to files) by this process.',
    registers: [registry],
  })
  const failed = new client.Counter({
    name: 'paraphe_mails_failed_total',
    help: 'Mails not delivered by this process, by outcome: will_retry (temporary), given_up (retries exhausted), refused (permanent refusal, address suppressed).',
    labelNames: ['outcome'],
    registers: [registry],
  })
  for (const outcome of ['will_retry', 'given_up', 'refused']) failed.labels(outcome).inc(0)

  new client.Gauge({
    name: 'paraphe_signatures',
    help: 'Signatures of the whole site by state: confirmed (counted), public (listed).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await sources.counts()
      this.labels('confirmed').set(counts.confirmed)
      this.labels('public').set(counts.public)
    },
  })
  // The outbox is read once per scrape for its three gauges.
  let outboxReading: ReturnType<MetricSources['outbox']> | undefined
  const outbox = () => (outboxReading ??= sources.outbox().finally(() => (outboxReading = undefined)))
  new client.Gauge({
    name: 'paraphe_outbox_waiting',
    help: 'Mails waiting in the outbox (the whole site).',
    registers: [registry],
    async collect() {
      this.set((await outbox()).waiting)
    },
  })
  new client.Gauge({
    name: 'paraphe_outbox_oldest_waiting_seconds',
    help: 'Age of the oldest mail waiting in the outbox; 0 when none waits.',
    registers: [registry],
    async collect() {
      this.set((await outbox()).oldestWaitingSeconds)
    },
  })
  new client.Gauge({
    name: 'paraphe_outbox_failed',
    help: 'Mails given up on and still kept in the outbox (the whole site).',
    registers: [registry],
    async collect() {
      this.set((await outbox()).failed)
    },
  })

  return {
    request: requests.observe,
    rateLimited: (form) => refusals.labels(form).inc(),
    mailSent: () => sent.inc(),
    mailFailed: (outcome) => failed.labels(outcome).inc(),
    text: () => registry.metrics(),
    contentType: registry.contentType,
  }
}

/** The site's rate limiter, each refusal counted under its form (the first part of the limit's bucket: sign, manage…). */
export function countingRefusals(limiter: RateLimiter, metrics: Metrics): RateLimiter {
  return {
    ...limiter,
    async hit(limits, weight, now, tallies) {
      const outcome = await limiter.hit(limits, weight, now, tallies)
      if (!outcome.ok) {
        const bucket = limits[0]?.bucket ?? 'other'
        const end = bucket.indexOf(':')
        metrics.rateLimited(end < 0 ? bucket : bucket.slice(0, end))
      }
      return outcome
    },
  }
}

/** Whether an Authorization header is `Bearer <token>`, compared in constant time (METRICS_TOKEN). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  return sameSecret(`Bearer ${token}`, header)
}
