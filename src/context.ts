import type { Content } from './content/load.js'
import type { DomainContext } from './domain/context.js'
import type { RuntimeSettings } from './domain/settings.js'
import type { PublicNumbers } from './domain/snapshot.js'
import type { LogKey } from './domain/transparency/checkpoints.js'
import type { LogSequencer } from './domain/transparency/sequencer.js'
import type { Metrics } from './metrics.js'

/** Everything a request handler may use; built once per running server by startServer (server.ts). */
export interface AppContext extends DomainContext {
  content: Content
  /** When the mail worker last finished a pass over the outbox (for /healthz). */
  mailWorkerLastPass(): Date | undefined
  /** The error that refuses writes for want of disk space now, if any (SQLite; storage-gauge.ts). */
  storageRefusal(): Error | undefined
  /** Settings moderators change at run time, cached in memory. */
  settings: RuntimeSettings
  /** Counts and statistics as public pages, the badge and the API show them, read at most once a second. */
  numbers: PublicNumbers
  /** The key that signs the public log's checkpoints (its public half is published). */
  logKey: LogKey
  /** Numbers the log's pending entries; `settle` when a page needs a position now (a receipt). */
  logSequencer: LogSequencer
  /** Prometheus metrics when they are on (METRICS_PORT, METRICS_TOKEN); noMetrics otherwise. */
  metrics: Metrics
}
