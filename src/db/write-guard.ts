// Every write of the domain goes through the transactor (transactor.ts): on SQLite
// that is what lets concurrent writes share one commit, and on both databases what
// makes a change and its bookkeeping (counters, audit, outbox) one transaction. A
// write made beside it would commit on its own, wait for the disk on the event loop
// and escape the group commit. The guard makes that mistake loud: with it, an
// INSERT, UPDATE or DELETE run outside the transactor's work throws. The test suite
// starts every server with the guard on. Production runs without it: following the
// transactor's work through every promise (AsyncLocalStorage) has a cost on each one.
import { AsyncLocalStorage } from 'node:async_hooks'
import { DeleteQueryNode, InsertQueryNode, MergeQueryNode, UpdateQueryNode, type KyselyPlugin } from 'kysely'

export interface WriteGuard {
  /** The Kysely plugin that refuses a write made outside `run`. */
  plugin: KyselyPlugin
  /** Runs the transactor's own work: writes made from it are the ones allowed. */
  run<T>(work: () => T): T
}

export class WriteOutsideTransactor extends Error {
  constructor(kind: string) {
    super(`${kind} outside the transactor: every write goes through ctx.transact`)
  }
}

export function createWriteGuard(): WriteGuard {
  const insideTransactor = new AsyncLocalStorage<true>()
  return {
    run: (work) => insideTransactor.run(true, work),
    plugin: {
      transformQuery({ node }) {
        if (insideTransactor.getStore()) return node
        if (InsertQueryNode.is(node)) throw new WriteOutsideTransactor('INSERT')
        if (UpdateQueryNode.is(node)) throw new WriteOutsideTransactor('UPDATE')
        if (DeleteQueryNode.is(node)) throw new WriteOutsideTransactor('DELETE')
        if (MergeQueryNode.is(node)) throw new WriteOutsideTransactor('MERGE')
        return node
      },
      async transformResult({ result }) {
        return result
      },
    },
  }
}
