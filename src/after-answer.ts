// Work a request asks for but need not wait for. Asking for a manage link or a login
// link must answer the same, in the same time, whether or not the address signed or
// moderates: the answer goes first, and what the address leads to is done after.
// Held in memory: a crash between the answer and the work loses that one request,
// which its sender can make again (nothing was promised but "if the address …").

import { firstLine, type Logger } from './log.js'

export interface AfterAnswer {
  run(work: () => Promise<void>): void
  /** Resolves once no work is waiting or under way. */
  idle(): Promise<void>
}

export function createAfterAnswer(logger: Logger): AfterAnswer {
  const pending = new Set<Promise<void>>()
  return {
    run(work) {
      // setImmediate: the handler returns and its answer is written before the work starts.
      const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .catch((err: unknown) => logger.error('work after an answer failed', { error: firstLine(err) }))
        .finally(() => pending.delete(done))
      pending.add(done)
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending])
    },
  }
}
