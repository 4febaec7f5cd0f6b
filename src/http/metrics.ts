// The request side of the metrics (src/metrics.ts): each answer counted under its route
// pattern, and GET /metrics on the site's own port for a scraper that shows METRICS_TOKEN.
import { Hono, type MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import { bearerMatches, type EnabledMetrics, type Metrics } from '../metrics.js'
import type { AppEnv } from './env.js'

/** Counts every answer of the application; the first middleware, so that its time includes the others'. */
export function measureRequests(metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async function measureRequest(c, next) {
    const started = performance.now()
    await next()
    // The pattern of the handler that answered (a 404 counts under the catch-all middleware's).
    metrics.request(c.req.method, routePath(c), c.res.status, (performance.now() - started) / 1000)
  }
}

/** GET /metrics, answered only to `Authorization: Bearer <METRICS_TOKEN>`; anyone else finds nothing there. */
export function metricsRoute(metrics: EnabledMetrics, token: string): Hono<AppEnv> {
  const route = new Hono<AppEnv>()
  route.get('/metrics', async (c, next) => {
    if (!bearerMatches(c.req.header('Authorization'), token)) return next()
    c.header('Cache-Control', 'no-store')
    c.header('Content-Type', metrics.contentType)
    return c.body(await metrics.text())
  })
  return route
}
