// Every write of the domain goes through the transactor (transactor.ts): on SQLite
// that is what lets concurrent writes share one commit, and on both databases what
// makes a change and its bookkeeping (counters, audit, outbox) one transaction. A
// write made beside it would commit on its own, wait for the disk on the event loop
// and escape the group commit. The guard makes that mistake loud: with it, an
// INSERT, UPDATE or DELETE run outside the transactor's work throws. The test suite
// starts every server with the guard on.
import { AsyncLocalStorage } from 'node:async_hooks'
import { DeleteQueryNode, InsertQueryNode, MergeQueryNode, UpdateQueryNode, type KyselyPlugin } from 'kysely'

const insideTransactor = new AsyncLocalStorage<true>()

/** Runs the transactor's own work: writes made from it are the ones allowed. */
export function asTransactorWork<T>(work: () => T): T {
  return insideTransactor.run(true, work)
}

export class WriteOutsideTransactor extends Error {
  constructor(kind: string) {
    super(`${kind} outside the transactor: every write goes through ctx.transact`)
  }
}

/** The Kysely plugin that refuses a write made outside asTransactorWork. */
export const writeGuard: KyselyPlugin = {
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
}
