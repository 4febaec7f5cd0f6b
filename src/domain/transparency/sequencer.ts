// Numbers the public log's pending entries (log.ts, numberPending) shortly after the
// changes that wrote them commit. Woken by those commits, and every second by a cheap
// look for work, which catches changes committed by another process (a command run
// by a moderator, a second instance). Passes never overlap within a process; between
// processes the head row's lock makes them take turns.
import type { Db } from '../../db/database.js'
import type { Transact } from '../../db/transactor.js'
import { hasPendingEntries, NUMBERING_BATCH, numberPending } from './log.js'

export interface LogSequencer {
  /** Something was written to be numbered: a pass soon, joining any other wake-up. */
  wake(): void
  /** A pass that starts after this call: resolves once what had committed is numbered. */
  settle(): Promise<void>
  /** No more passes; resolves when the one under way has finished. */
  stop(): Promise<void>
}

export interface SequencerOptions {
  /**
   * How long a wake-up waits for other commits to join its pass. A pass costs about
   * ten statements and a commit whatever it numbers: under load, a quarter of a second
   * gathers tens of entries into each; a page that needs a position now settles.
   */
  delayMs?: number
  /** How often it looks for entries nobody woke it for; 0 never. */
  everyMs?: number
  log?: (line: string) => void
}

export function createLogSequencer(db: Db, transact: Transact, options: SequencerOptions = {}): LogSequencer {
  const { delayMs = 250, everyMs = 1000, log = () => {} } = options
  let stopped = false
  /** The pass under way or last finished: the next one starts after it. */
  let last: Promise<void> = Promise.resolve()
  /** A pass asked for and not started yet: callers meanwhile share it. */
  let next: Promise<void> | undefined
  let wakeTimer: NodeJS.Timeout | undefined

  async function pass(): Promise<void> {
    while (!stopped && (await transact((tx) => numberPending(tx))) === NUMBERING_BATCH);
  }

  function settle(): Promise<void> {
    if (next) return next
    const run = last.then(() => {
      next = undefined
      return pass()
    })
    next = run
    last = run.catch((err: Error) => log(`public log: numbering failed: ${err.message.split('\n')[0]}`))
    return run
  }

  const idleTimer =
    everyMs > 0
      ? setInterval(() => {
          if (next || stopped) return
          hasPendingEntries(db)
            .then((waiting) => (waiting ? settle() : undefined))
            .catch(() => {}) // a failed pass is logged by settle; a failed look waits for the next
        }, everyMs).unref()
      : undefined

  return {
    wake() {
      if (wakeTimer || stopped) return
      wakeTimer = setTimeout(() => {
        wakeTimer = undefined
        settle().catch(() => {})
      }, delayMs)
      wakeTimer.unref()
    },
    settle,
    async stop() {
      stopped = true
      if (wakeTimer) clearTimeout(wakeTimer)
      if (idleTimer) clearInterval(idleTimer)
      await last
    },
  }
}
