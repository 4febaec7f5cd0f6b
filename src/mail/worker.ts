// Sends what the outbox holds: a few mails at a time, with retries and backoff.
// It wakes when a transaction queues a mail and also polls, so that mails queued by
// another instance, or due for a retry, go out too.
import type { Transact } from '../db/transactor.js'
import { firstLine, silentLogger, type Logger } from '../log.js'
import { noMetrics, type Metrics } from '../metrics.js'
import { claimDueMails, markDead, markRetry, markSent, releaseClaims, suppressAddress } from './outbox.js'
import { DeliveryError, type MailTransport } from './transport.js'

export interface OutboxWorkerOptions {
  /** Runs the worker's writes (claims included); on SQLite, the server's group commit, so sent mails share commits. */
  transact: Transact
  transport: MailTransport
  from: string
  /**
   * Where a reply to any mail goes unless the mail names its own (a relayed message
   * answers its sender): the collective's contact, since the sender is a no-reply address.
   */
  replyTo?: string
  now?: () => Date
  /** Mails in flight at once: bounded so a burst does not overwhelm the SMTP server. */
  concurrency?: number
  pollMs?: number
  leaseMs?: number
  logger?: Logger
  /** Counts each mail sent or not (src/metrics.ts). */
  metrics?: Metrics
  /**
   * Called before each claim: puts more mail in the outbox when some is due to be
   * written there over time (a news sending, throttled); returns how many it queued.
   */
  feed?: () => Promise<number>
}

export interface OutboxWorker {
  /** Asks for a pass as soon as possible (called after a mail is queued). */
  wake(): void
  /** When the last pass over the outbox ended (successful or not), for /healthz; undefined before the first. */
  lastPassAt(): Date | undefined
  /** Runs passes until nothing is due; resolves when the outbox is drained of due mail. */
  drain(): Promise<void>
  stop(): Promise<void>
}

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const now = options.now ?? (() => new Date())
  const concurrency = options.concurrency ?? 4
  const pollMs = options.pollMs ?? 5_000
  const leaseMs = options.leaseMs ?? 120_000
  const logger = options.logger ?? silentLogger
  const metrics = options.metrics ?? noMetrics
  const write = options.transact
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let again = false
  let lastPass: Date | undefined

  /** Sends one claimed mail; false when the SMTP server could not be reached at all. */
  async function sendOne(row: Awaited<ReturnType<typeof claimDueMails>>[number]): Promise<boolean> {
    try {
      await options.transport.send({
        from: options.from,
        to: row.recipient!,
        subject: row.subject!,
        text: row.text_body!,
        html: row.html_body!,
        headers: {
          ...(options.replyTo ? { 'Reply-To': options.replyTo } : {}),
          ...(row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {}),
        },
      })
      const sentAt = now()
      await write((tx) => markSent(tx, row.id, sentAt))
      metrics.mailSent()
      // A mail that waited for retries went out at last: said once, so that whoever saw
      // it delayed (in /healthz or an earlier line) sees it resolved.
      if (row.attempts > 0)
        logger.info('mail delivered after a delay', {
          mail: row.id,
          kind: row.kind,
          attempts: row.attempts + 1,
          waited_seconds: Math.round((sentAt.getTime() - Date.parse(row.created_at)) / 1000),
        })
      return true
    } catch (err) {
      if (err instanceof DeliveryError && err.permanent) {
        await write(async (tx) => {
          await markDead(tx, row.id, err.code)
          await suppressAddress(tx, row.recipient_hash, `smtp ${err.code}`, now())
        })
        metrics.mailFailed('refused')
        logger.warn('mail refused for good; address suppressed', {
          mail: row.id,
          kind: row.kind,
          code: err.code,
        })
        return true
      }
      const code = err instanceof DeliveryError ? err.code : 'error'
      const outcome = await write((tx) => markRetry(tx, row, code, now()))
      metrics.mailFailed(outcome === 'dead' ? 'given_up' : 'will_retry')
      if (outcome === 'dead')
        logger.error('mail not delivered; giving up', { mail: row.id, kind: row.kind, code })
      else logger.warn('mail not delivered; will retry', { mail: row.id, kind: row.kind, code })
      return !(err instanceof DeliveryError && err.unreachable)
    }
  }

  /** One pass: claim a batch, send it with bounded concurrency, repeat while work remains. */
  async function pass(): Promise<void> {
    for (;;) {
      // A feed that fails (the database away) must not keep the mail already queued from going out.
      if (options.feed)
        await options
          .feed()
          .catch((err: unknown) => logger.error('outbox feed failed', { error: firstLine(err) }))
      const t = now()
      const batch = await write((tx) =>
        claimDueMails(tx, t, new Date(t.getTime() + leaseMs), concurrency * 4),
      )
      if (batch.length === 0) return
      let next = 0
      let reachable = true
      const lanes = Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
        while (next < batch.length && reachable) if (!(await sendOne(batch[next++]!))) reachable = false
      })
      await Promise.all(lanes)
      if (!reachable) {
        // The server is down: each further mail would spend a connection timeout to fail
        // the same way. The rest of the batch goes back, due as it was, for the next poll.
        const rest = batch.slice(next).map((row) => row.id)
        if (rest.length > 0) await write((tx) => releaseClaims(tx, rest))
        return
      }
      if (stopped) return
    }
  }

  function run(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        try {
          await pass()
        } catch (err) {
          // The database may be briefly unreachable: the next poll tries again.
          logger.error('outbox pass failed', { error: firstLine(err) })
        }
      } while (again && !stopped)
    })().finally(() => {
      lastPass = now()
      running = undefined
      schedule()
    })
    return running
  }

  function schedule(): void {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(() => void run(), pollMs)
    timer.unref()
  }

  schedule()
  void run()

  return {
    lastPassAt: () => lastPass,
    wake() {
      if (!stopped) void run()
    },
    async drain() {
      await run()
      while (running) await running
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      if (running) await running
      options.transport.close()
    },
  }
}
