// The public log is numbered after commit: a change of the count leaves a pending
// entry in its own transaction, and the sequencer numbers what has committed. These
// tests stop the app's sequencer and number by hand, so that each interleaving the
// server can meet (several sequencers, a withdrawal read before its addition was
// numbered, a signature hidden and restored meanwhile, a stop) is played on purpose.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invalidateMatching } from '../src/domain/bulk.js'
import { applySignatureDelta, readCounter } from '../src/domain/counters.js'
import { purgeExpired } from '../src/domain/purge.js'
import { confirmSignature, withdrawSignature } from '../src/domain/signatures.js'
import { commitmentOf, replay } from '../src/domain/transparency/entries.js'
import { listEntries, numberPending, readHead } from '../src/domain/transparency/log.js'
import { startAnotherInstance, startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { postForm, validSignature } from './helpers/http.js'
import { linkFor } from './helpers/signing.js'

describe.each(DATABASES)('numbering the public log after commit (%s)', (kind) => {
  let app: TestApp
  let signed = 0
  beforeAll(async () => {
    app = await startTestApp(kind)
    // Numbered by hand from here on.
    await app.server.ctx.logSequencer.stop()
  })
  afterAll(async () => {
    await app?.close()
  })

  /** Signs `n` times through the form; returns the new signatures' ids, still pending. */
  async function sign(n: number): Promise<number[]> {
    const ids: number[] = []
    for (let i = 0; i < n; i++) {
      signed += 1
      const last = `Suite${signed}`
      const answer = await postForm(
        app.url,
        '/sign',
        validSignature({ email: `suite-${signed}@cnrs.fr`, last_name: last }),
      )
      expect(answer.status).toBe(303)
      const { id } = await app.server.ctx.db
        .selectFrom('signatures')
        .select('id')
        .where('last_name', '=', last)
        .executeTakeFirstOrThrow()
      ids.push(id)
    }
    return ids
  }

  async function confirm(id: number): Promise<void> {
    await confirmSignature(app.server.ctx, await linkFor(app, id, 'confirm'))
  }

  /** Numbers everything waiting, in batches of `batch`; returns how many. */
  async function numberAll(batch = 1000): Promise<number> {
    let total = 0
    for (;;) {
      const n = await app.server.ctx.transact((tx) => numberPending(tx, batch))
      total += n
      if (n === 0) return total
    }
  }

  function logRow(id: number) {
    return app.server.ctx.db
      .selectFrom('signatures')
      .select(['id', 'confirmed_at', 'log_salt', 'log_position', 'log_pending'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  }

  async function wholeLog() {
    const head = await readHead(app.server.ctx.db)
    return { head, entries: await listEntries(app.server.ctx.db, 0, head.size) }
  }

  it('counts a confirmation at once, and gives it its position when numbered', async () => {
    const [id] = await sign(1)
    const before = await readHead(app.server.ctx.db)
    const confirmedBefore = await readCounter(app.server.ctx.db, 'confirmed')
    await confirm(id!)
    expect(await readCounter(app.server.ctx.db, 'confirmed')).toBe(confirmedBefore + 1)
    expect((await readHead(app.server.ctx.db)).size).toBe(before.size)
    const waiting = await logRow(id!)
    expect(waiting.log_position).toBeNull()
    expect(waiting.log_pending).not.toBeNull()

    expect(await numberAll()).toBe(1)
    const row = await logRow(id!)
    expect(row).toMatchObject({ log_position: before.size, log_pending: null })
    const [entry] = await listEntries(app.server.ctx.db, before.size, before.size + 1)
    expect(entry).toMatchObject({ kind: 'add', cancels: null })
    expect(entry!.commitment).toBe(commitmentOf(row.log_salt!, id!, row.confirmed_at!))
  })

  it('numbers concurrent confirmations densely, each once, even with several sequencers at once', async () => {
    const ids = await sign(30)
    const before = (await readHead(app.server.ctx.db)).size
    await Promise.all(ids.map(confirm))
    // Three sequencers (three instances on one PostgreSQL database) race in small batches.
    const counts = await Promise.all([numberAll(4), numberAll(4), numberAll(4)])
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30)
    const { head, entries } = await wholeLog()
    expect(head.size).toBe(before + 30)
    expect(replay(entries).error).toBeUndefined()
    const rows = await Promise.all(ids.map(logRow))
    const positions = rows.map((r) => r.log_position)
    expect(new Set(positions).size).toBe(30)
    for (const r of rows) {
      expect(r.log_position).toBeGreaterThanOrEqual(before)
      expect(entries[r.log_position!]!.commitment).toBe(commitmentOf(r.log_salt!, r.id, r.confirmed_at!))
    }
  })

  it('cancels the right entry when a withdrawal read its signature before the addition was numbered', async () => {
    const [id] = await sign(1)
    await confirm(id!)
    // What a withdrawal read: the addition still waiting for its number…
    const stale = await logRow(id!)
    expect(stale.log_pending).not.toBeNull()
    // …which the sequencer gives it before the withdrawal commits.
    await numberAll()
    const position = (await logRow(id!)).log_position
    // The withdrawal, with what it read.
    await app.server.ctx.transact(async (tx) => {
      const deleted = await tx
        .deleteFrom('signatures')
        .where('id', '=', id!)
        .returningAll()
        .executeTakeFirstOrThrow()
      await applySignatureDelta(tx, app.config.site, { ...deleted, ...stale }, null, app.clock.now())
    })
    await numberAll()
    const { entries } = await wholeLog()
    expect(entries.at(-1)).toMatchObject({ kind: 'cancel', cancels: position })
    expect(replay(entries).error).toBeUndefined()
  })

  it('cancels an addition withdrawn before it was numbered', async () => {
    const [id] = await sign(1)
    await confirm(id!)
    const manage = await linkFor(app, id!, 'manage')
    await withdrawSignature(app.server.ctx, manage)
    const before = (await readHead(app.server.ctx.db)).size
    expect(await numberAll()).toBe(2)
    const { entries } = await wholeLog()
    expect(entries.slice(before)).toEqual([
      expect.objectContaining({ position: before, kind: 'add' }),
      expect.objectContaining({ position: before + 1, kind: 'cancel', cancels: before }),
    ])
    expect(replay(entries).error).toBeUndefined()
  })

  it('leaves no position on a signature invalidated before its addition was numbered', async () => {
    const [id] = await sign(1)
    await confirm(id!)
    const { last_name } = await app.server.ctx.db
      .selectFrom('signatures')
      .select('last_name')
      .where('id', '=', id!)
      .executeTakeFirstOrThrow()
    expect(
      await invalidateMatching(app.server.ctx, 'moderation@paraphe.test', { namePattern: last_name }),
    ).toBe(1)
    const before = (await readHead(app.server.ctx.db)).size
    expect(await numberAll()).toBe(2)
    const { entries } = await wholeLog()
    expect(entries.slice(before).map((e) => [e.kind, e.cancels])).toEqual([
      ['add', null],
      ['cancel', before],
    ])
    // Told its position after being invalidated, it would pass for counted, and a later
    // change would cancel its addition a second time.
    expect(await logRow(id!)).toMatchObject({ log_position: null, log_pending: null })
    const replayed = replay(entries)
    expect(replayed.error).toBeUndefined()
    expect(replayed.count).toBe(await readCounter(app.server.ctx.db, 'confirmed'))
  })

  it('forgets the pending rows a day after they were numbered, never one still waiting', async () => {
    await numberAll()
    const [id] = await sign(1)
    await confirm(id!)
    const pending = () => app.server.ctx.db.selectFrom('transparency_pending').select(['position']).execute()
    expect((await pending()).some((r) => r.position !== null)).toBe(true)
    app.clock.advance(25 * 3600_000)
    await purgeExpired(app.server.ctx)
    // The one left waits for its number; the log itself keeps every entry.
    expect(await pending()).toEqual([{ position: null }])
    await numberAll()
    const { head, entries } = await wholeLog()
    expect(entries).toHaveLength(head.size)
    expect(replay(entries).error).toBeUndefined()
  })

  it('numbers at the next start what a stopped server left waiting', async () => {
    const ids = await sign(3)
    for (const id of ids) await confirm(id)
    const waiting = await Promise.all(ids.map(logRow))
    expect(waiting.every((r) => r.log_position === null)).toBe(true)
    const size = (await readHead(app.server.ctx.db)).size
    await app.server.stop()
    let next: TestApp
    let copy: string | undefined
    if (kind === 'postgres') next = await startAnotherInstance(app)
    else {
      copy = mkdtempSync(join(tmpdir(), 'paraphe-restart-'))
      cpSync(app.dataDir, copy, { recursive: true })
      next = await startTestApp('sqlite', { DATA_DIR: copy })
    }
    try {
      expect((await readHead(next.server.ctx.db)).size).toBe(size + 3)
      const rows = await Promise.all(
        ids.map((id) =>
          next.server.ctx.db
            .selectFrom('signatures')
            .select('log_position')
            .where('id', '=', id)
            .executeTakeFirstOrThrow(),
        ),
      )
      expect(rows.map((r) => r.log_position).sort()).toEqual([size, size + 1, size + 2])
    } finally {
      await next.close()
      if (copy) rmSync(copy, { recursive: true, force: true })
    }
  })
})
