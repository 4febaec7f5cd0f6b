// Assembles a running Paraphe: data folder, database, content, mail worker, HTTP server and the
// retention schedule. main.ts calls it for real; tests call it with their settings.
import { getRequestListener } from '@hono/node-server'
import { createServer } from 'node:http'
import { createApp, publicPageCache } from './app.js'
import type { LoadedConfig } from './config.js'
import { dataDirWarning, prepareDataDir, PRIVATE_FILE, tighten } from './data-dir.js'
import { loadContent } from './content/load.js'
import { proxyExposureWarning } from './http/client-address.js'
import type { AppContext } from './context.js'
import { migrateToLatest, openDatabase, type DatabaseHandle } from './db/database.js'
import { storageGauge } from './db/storage-gauge.js'
import { createTransactor, type Transact } from './db/transactor.js'
import { backupBeforeUpgrade } from './db/upgrade-backup.js'
import { createWriteGuard } from './db/write-guard.js'
import { feedNewsMails } from './domain/news.js'
import { purgeExpired } from './domain/purge.js'
import { reconcileCounters } from './domain/reconcile.js'
import { runtimeSettings } from './domain/settings.js'
import { createRateLimiter } from './domain/rate-limits.js'
import { createAfterAnswer, type AfterAnswer } from './after-answer.js'
import { publicNumbers } from './domain/snapshot.js'
import { loadOrCreateLogKey, writeCheckpoint } from './domain/transparency/checkpoints.js'
import { logUnloggedSignatures, wrotePendingEntries } from './domain/transparency/log.js'
import { createLogSequencer } from './domain/transparency/sequencer.js'
import { loadDkim } from './mail/dkim.js'
import { fileTransport, smtpTransport, type MailTransport } from './mail/transport.js'
import { startOutboxWorker, type OutboxWorker } from './mail/worker.js'
import { join } from 'node:path'
import { createLogger, firstLine, type Logger } from './log.js'
import { bearerMatches, countingRefusals, createMetrics, noMetrics, type EnabledMetrics } from './metrics.js'
import { outboxHealth } from './mail/outbox.js'

export interface RunningServer {
  url: string
  port: number
  /** Where it logs: main.ts says its start and stop there too. */
  logger: Logger
  /** Where a scraper reads the metrics on their own port (METRICS_PORT), when they are on. */
  metricsUrl?: string
  ctx: AppContext
  database: DatabaseHandle
  worker: OutboxWorker
  /** Work started by requests after their answer (manage and login links). */
  afterAnswer: Pick<AfterAnswer, 'idle'>
  /** Stops accepting, lets requests in flight finish, stops the worker, closes the database. */
  stop(): Promise<void>
}

export interface StartOptions {
  now?: () => Date
  /** Where the server says what happens; by default the log the settings describe (src/log.ts), on standard output. */
  logger?: Logger
  transport?: MailTransport
  mailPollMs?: number
  /**
   * How long rendered public pages are served from memory, and the public numbers
   * (counts, statistics) kept as a snapshot (default 1 s); 0 turns both off.
   */
  pageCacheMs?: number
  /** 0 turns the schedule off (tests run the purge themselves). */
  purgeEveryMs?: number
  /** How often the counts are checked against the signatures; 0 turns it off. */
  reconcileEveryMs?: number
  /** Refuse any write made outside the transactor (write-guard.ts); the tests turn it on. */
  guardWrites?: boolean
}

/**
 * The hourly report: networks (by keyed hash) and e-mail domains whose signing rate
 * stands out, for a person to look at; then old rate-limit windows are deleted.
 */
export async function reportRates(ctx: AppContext, logger: Logger): Promise<void> {
  const limits = ctx.config.site.limits
  const lines = await ctx.limiter.listOutliers(ctx.now(), {
    networkPerHour: limits.reportNetworkPerHour,
    domainPerHour: limits.reportDomainPerHour,
  })
  for (const line of lines) {
    // Network hits are weighted: a submission without the form timestamp counts more.
    const what = line.kind === 'network' ? 'weighted signing requests' : 'signing requests'
    logger.warn(`rate report: ${line.kind} ${line.subject}: ${line.hits} ${what} in the last hour`)
  }
  await ctx.limiter.purge(ctx.now())
}

export async function startServer(loaded: LoadedConfig, options: StartOptions = {}): Promise<RunningServer> {
  const config = prepareDataDir(loaded)
  const logger =
    options.logger ??
    createLogger({
      format: config.log.format,
      level: config.log.level,
      syslogPrefix: config.log.journal,
      showLinks: !config.production,
    })
  const now = options.now ?? (() => new Date())
  const content = loadContent(config)
  const warnings = [
    dataDirWarning(config.dataDir),
    tighten(join(config.dataDir, 'secret'), PRIVATE_FILE),
    proxyExposureWarning(config.host, config.trustedProxyHops),
  ]
  const logKey = loadOrCreateLogKey(config.dataDir)
  warnings.push(logKey.warning)
  for (const line of warnings) if (line) logger.warn(line)
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: config.sqliteFile,
    warn: (line) => logger.warn(line),
  })
  if (database.dialect === 'sqlite') {
    const saved = await backupBeforeUpgrade(database.db, config.sqliteFile, config.dataDir, now())
    if (saved) logger.info(saved)
  }
  await migrateToLatest(database.db)
  const guard = options.guardWrites ? createWriteGuard() : undefined
  const db = guard ? database.db.withPlugin(guard.plugin) : database.db

  const pageCacheMs = options.pageCacheMs ?? 1000
  const numbers = publicNumbers(db, config.site, pageCacheMs)
  // When scraped, the metrics read the counts as the pages show them, and the outbox as /healthz does.
  const metrics: EnabledMetrics | undefined = config.metrics
    ? await createMetrics({ counts: () => numbers.counts.get(), outbox: () => outboxHealth(db, now()) })
    : undefined

  const dkim = loadDkim(config.dkim, config.mailFrom)
  const transport =
    options.transport ??
    (config.smtpUrl
      ? smtpTransport(config.smtpUrl, { greetingName: new URL(config.baseUrl).hostname, dkim })
      : fileTransport(join(config.dataDir, 'mail'), logger, { showLinks: !config.production, dkim }))
  const gauge =
    database.dialect === 'sqlite'
      ? storageGauge(config.dataDir, config.site.reliability.diskHeadroomMb * 1024 * 1024)
      : undefined
  const transactor = createTransactor(db, database.dialect, {
    guard,
    gauge,
    retryForMs: config.site.reliability.writeRetrySeconds * 1000,
  })
  // The news sending feeds the outbox from the worker's own passes, so that it resumes
  // with the worker after a restart; it needs the context, built just below.
  let feedNews: (() => Promise<number>) | undefined
  const worker = startOutboxWorker({
    feed: () => feedNews?.() ?? Promise.resolve(0),
    transact: transactor.transact,
    transport,
    from: config.mailFrom,
    replyTo: config.site.contactEmail,
    now,
    logger,
    metrics,
    pollMs: options.mailPollMs,
  })
  const sequencer = createLogSequencer(db, transactor.transact, { log: (line) => logger.error(line) })
  /** Every write of the application: one that changed the count wakes the log's sequencer once committed. */
  const transact: Transact = async (work) => {
    let tx: object | undefined
    const result = await transactor.transact((t) => {
      tx = t
      return work(t)
    })
    if (tx && wrotePendingEntries(tx)) sequencer.wake()
    return result
  }
  const afterAnswer = createAfterAnswer(logger)
  const createdLimiter = createRateLimiter(db, database.dialect, transact)
  const limiter = metrics ? countingRefusals(createdLimiter, metrics) : createdLimiter
  const ctx: AppContext = {
    db,
    transact,
    config,
    content,
    now,
    mailQueued: () => worker.wake(),
    mailWorkerLastPass: () => worker.lastPassAt(),
    storageRefusal: () => gauge?.refusal(),
    settings: runtimeSettings(db, transactor.transact),
    limiter,
    afterAnswer: (work) => afterAnswer.run(work),
    numbers,
    logKey: logKey.key,
    logSequencer: sequencer,
    metrics: metrics ?? noMetrics,
  }
  feedNews = () => feedNewsMails(ctx)
  // Signatures counted before the public log existed (or written by a seeder) join it
  // now, so that the log's count is the public count from the first checkpoint on.
  const unlogged = await ctx.transact((tx) => logUnloggedSignatures(tx, config.site, now()))
  if (unlogged > 0) logger.info(`public log: ${unlogged} counted signatures added`)
  // Changes committed before a stop (or a crash) that were not numbered yet.
  await sequencer.settle()
  await ctx.settings.refresh()
  const pageCache = pageCacheMs > 0 ? publicPageCache(ctx, pageCacheMs) : undefined
  // On their own port when one is given; else on the site's, behind the token.
  const metricsOnSitePort = metrics && config.metrics?.port === undefined ? config.metrics?.token : undefined
  const app = createApp(ctx, logger, {
    pageCache,
    metrics: metrics && metricsOnSitePort ? { metrics, token: metricsOnSitePort } : undefined,
  })

  const purgeEveryMs = options.purgeEveryMs ?? 3600_000
  const purgeTimer =
    purgeEveryMs > 0
      ? setInterval(() => {
          purgeExpired(ctx).catch((err: unknown) => logger.error('purge failed', { error: firstLine(err) }))
          reportRates(ctx, logger).catch((err: unknown) =>
            logger.error('rate report failed', { error: firstLine(err) }),
          )
        }, purgeEveryMs).unref()
      : undefined

  // The nightly reconciliation: a drift is logged, kept in the audit log and shown on the dashboard.
  const reconcileEveryMs = options.reconcileEveryMs ?? 24 * 3600_000
  const reconcileTimer =
    reconcileEveryMs > 0
      ? setInterval(() => {
          reconcileCounters(ctx)
            .then(async (r) => {
              await ctx.settings.set('last_reconciliation', JSON.stringify(r), ctx.now())
              if (r.drift)
                logger.warn('counter drift', {
                  kept_confirmed: r.kept.confirmed,
                  kept_public: r.kept.public,
                  recounted_confirmed: r.recounted.confirmed,
                  recounted_public: r.recounted.public,
                })
            })
            .catch((err: unknown) => logger.error('reconciliation failed', { error: firstLine(err) }))
        }, reconcileEveryMs).unref()
      : undefined

  // A checkpoint when the log grew, at most every [transparency] checkpoint_seconds.
  const checkpointTimer = setInterval(() => {
    writeCheckpoint(ctx.transact, config.baseUrl, ctx.logKey, ctx.now()).catch((err: unknown) =>
      logger.error('checkpoint failed', { error: firstLine(err) }),
    )
  }, config.site.checkpointSeconds * 1000).unref()

  // A page kept in memory is answered before the framework sees the request.
  const listener = getRequestListener(app.fetch, { hostname: config.host })
  const server = createServer(
    pageCache ? (req, res) => pageCache.answerEarly(req, res) || listener(req, res) : listener,
  )
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const metricsServer =
    metrics && config.metrics?.port !== undefined
      ? await listenForMetrics(metrics, config.metrics.host, config.metrics.port, config.metrics.token)
      : undefined

  let stopping: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    logger,
    metricsUrl: metricsServer?.url,
    ctx,
    database,
    worker,
    afterAnswer,
    stop() {
      stopping ??= (async () => {
        clearInterval(purgeTimer)
        clearInterval(reconcileTimer)
        clearInterval(checkpointTimer)
        await new Promise<void>((resolve) => {
          // Idle keep-alive sockets would hold close() open until they time out; busy ones
          // finish their request and are closed as soon as they fall idle.
          const closeIdle = () => {
            if ('closeIdleConnections' in server) server.closeIdleConnections()
          }
          const sweeper = setInterval(closeIdle, 50)
          server.close(() => {
            clearInterval(sweeper)
            resolve()
          })
          closeIdle()
        })
        await metricsServer?.close()
        await afterAnswer.idle()
        await limiter.close()
        await worker.stop()
        // Whatever was confirmed until now gets its position before the database closes.
        await sequencer.settle().catch(() => {})
        await sequencer.stop()
        await database.close()
      })()
      return stopping
    },
  }
}

/**
 * The metrics on their own port (METRICS_PORT, on METRICS_HOST: loopback unless told
 * otherwise), out of the site's way: GET /metrics and nothing else, behind the token
 * when one is set.
 */
async function listenForMetrics(
  metrics: EnabledMetrics,
  host: string,
  port: number,
  token: string | undefined,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const allowed = token === undefined || bearerMatches(req.headers.authorization, token)
    if (req.method !== 'GET' || req.url !== '/metrics' || !allowed) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n')
      return
    }
    metrics.text().then(
      (body) =>
        res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' }).end(body),
      () => res.writeHead(500).end(),
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  const address = server.address()
  const bound = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
