// The public log of the count (issue 20), through the real server on both databases:
// every change of the count is an entry, checkpoints are signed, the receipt lets a
// signatory find their entry, and `npm run verify` catches any rewriting.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { generateKeyPairSync } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCounter } from '../src/domain/counters.js'
import { seedSignatures } from '../src/domain/seed.js'
import { invalidateMatching } from '../src/domain/bulk.js'
import { moderateSignature } from '../src/domain/moderation.js'
import { allowedActions } from '../src/domain/signature-state.js'
import { confirmSignature, withdrawSignature } from '../src/domain/signatures.js'
import { newToken } from '../src/domain/tokens.js'
import { checkpointText, keyFrom, writeCheckpoint } from '../src/domain/transparency/checkpoints.js'
import { readHead } from '../src/domain/transparency/log.js'
import { leafData } from '../src/domain/transparency/entries.js'
import { leafHash, verifyConsistency, verifyInclusion } from '../src/domain/transparency/merkle.js'
import { loadLog, serverProofs } from '../src/domain/transparency/sources.js'
import { parseReceipt, verifyLog } from '../src/domain/transparency/verify.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { nextMail, signAndConfirm } from './helpers/signing.js'

const run = promisify(execFile)

async function checkpoint(app: TestApp) {
  return writeCheckpoint(app.server.ctx.transact, app.config.baseUrl, app.server.ctx.logKey, app.clock.now())
}

/** A link of `purpose` for a signature, as the mailed ones are, without waiting for a mail. */
async function linkFor(app: TestApp, signatureId: number, purpose: 'confirm' | 'manage'): Promise<string> {
  const { token, hash } = newToken()
  const now = app.clock.now()
  await app.server.ctx.transact((tx) =>
    tx
      .insertInto('tokens')
      .values({
        hash,
        signature_id: signatureId,
        purpose,
        expires_at: new Date(now.getTime() + 3600_000).toISOString(),
        created_at: now.toISOString(),
      })
      .execute(),
  )
  return token
}

async function confirmedIds(app: TestApp): Promise<number[]> {
  const rows = await app.server.ctx.db
    .selectFrom('signatures')
    .select('id')
    .where('status', '=', 'confirmed')
    .where('invalidated_at', 'is', null)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

describe.each(DATABASES)('the public log of the count (%s)', (kind) => {
  let app: TestApp
  let saved: string
  beforeAll(async () => {
    app = await startTestApp(kind)
    saved = mkdtempSync(join(tmpdir(), 'paraphe-log-'))
  })
  afterAll(async () => {
    await app?.close()
    rmSync(saved, { recursive: true, force: true })
  })

  it('shows a signatory their receipt after confirming, and the log verifies it', async () => {
    const mail = await nextMail(app, () =>
      postForm(app.url, '/sign', validSignature({ email: 'recu@univ-tlse3.fr', last_name: 'Reçu' })),
    )
    const confirmPath = linkIn(mail.text, 'confirm')
    const form = await get(app.url, confirmPath)
    const done = await postForm(app.url, confirmPath, { csrf: hiddenValue(form.html, 'csrf') })
    expect(done.location).toMatch(/^\/confirmed\?listed=1&receipt=/)
    await checkpoint(app)
    const thanks = await get(app.url, done.location!)
    expect(thanks.headers.get('cache-control')).toBe('no-store')
    const row = await app.server.ctx.db
      .selectFrom('signatures')
      .select(['id', 'log_salt', 'log_position'])
      .where('last_name', '=', 'Reçu')
      .executeTakeFirstOrThrow()
    expect(row.log_salt).toMatch(/^[0-9a-f]{32}$/)
    expect(thanks.html).toContain(row.log_salt)
    const command = /npm run verify -- \S+ --receipt (\S+)<\/code>/.exec(thanks.html)
    expect(command?.[1]).toMatch(new RegExp(`^${row.log_position}:${row.id}:`))

    const log = await loadLog(app.url)
    const verdict = await verifyLog(log.log, {
      proofs: serverProofs(app.url),
      receipt: parseReceipt(command![1]!),
    })
    expect(verdict.problems).toEqual([])
    // Someone else's salt does not pass for this receipt.
    const forged = await verifyLog(log.log, {
      receipt: { ...parseReceipt(command![1]!)!, salt: '0'.repeat(32) },
    })
    expect(forged.problems).toEqual([
      `receipt: the entry at position ${row.log_position} is not this signature's commitment`,
    ])
  })

  it('records a withdrawal as a cancellation of its addition, and erases the salt with the row', async () => {
    const managePath = await signAndConfirm(
      app,
      { email: 'retrait@cnrs.fr', last_name: 'Retrait' },
      { manage: true },
    )
    const row = await app.server.ctx.db
      .selectFrom('signatures')
      .select(['id', 'log_position'])
      .where('last_name', '=', 'Retrait')
      .executeTakeFirstOrThrow()
    const page = await get(app.url, managePath!)
    expect(page.html).toContain('class="receipt"')
    const sizeBefore = (await readHead(app.server.ctx.db)).size
    await postForm(app.url, `${managePath}/withdraw`, { csrf: hiddenValue(page.html, 'csrf') })
    const entries = await (await fetch(`${app.url}/transparency/entries?from=${sizeBefore}`)).json()
    expect(entries.entries).toEqual([
      expect.objectContaining({
        position: sizeBefore,
        kind: 'cancel',
        cancels: row.log_position,
        commitment: null,
      }),
    ])
    const gone = await app.server.ctx.db
      .selectFrom('signatures')
      .select('id')
      .where('id', '=', row.id)
      .execute()
    expect(gone).toEqual([])
  })

  it('keeps the count equal to additions minus cancellations, and every proof valid, whatever happens', async () => {
    const ctx = app.server.ctx
    let n = 0
    const action = fc.oneof(
      fc.constant({ kind: 'confirm' as const }),
      fc.record({
        kind: fc.constantFrom('withdraw' as const, 'delete' as const, 'hide' as const, 'invalidate' as const),
        pick: fc.nat(),
      }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 6 }), async (actions) => {
        for (const a of actions) {
          if (a.kind === 'confirm') {
            n += 1
            const email = `prop-${kind}-${n}@prop${n}.example.org`
            await postForm(app.url, '/sign', validSignature({ email, last_name: `Prop${n}` }))
            const { id } = await ctx.db
              .selectFrom('signatures')
              .select('id')
              .where('last_name', '=', `Prop${n}`)
              .executeTakeFirstOrThrow()
            await confirmSignature(ctx, await linkFor(app, id, 'confirm'))
            continue
          }
          const ids = await confirmedIds(app)
          if (ids.length === 0) continue
          const id = ids[a.pick % ids.length]!
          if (a.kind === 'withdraw') await withdrawSignature(ctx, await linkFor(app, id, 'manage'))
          else if (a.kind === 'invalidate') {
            const { email_domain } = await ctx.db
              .selectFrom('signatures')
              .select('email_domain')
              .where('id', '=', id)
              .executeTakeFirstOrThrow()
            await invalidateMatching(ctx, 'moderator@paraphe.test', { domain: email_domain })
          } else if (a.kind === 'hide') {
            // Hiding a hidden signature is refused: the moderator's move is then to restore it.
            const row = await ctx.db
              .selectFrom('signatures')
              .selectAll()
              .where('id', '=', id)
              .executeTakeFirstOrThrow()
            const move = allowedActions(row).includes('hide') ? 'hide' : 'restore'
            await moderateSignature(ctx, 'moderator@paraphe.test', id, move)
          } else await moderateSignature(ctx, 'moderator@paraphe.test', id, a.kind)
        }
        await checkpoint(app)
        const head = await readHead(ctx.db)
        expect(head.additions - head.cancellations).toBe(await readCounter(ctx.db, 'confirmed'))
        const log = await loadLog(app.url)
        const checkpoints = log.log.checkpoints
        const latest = checkpoints.at(-1)!
        expect(latest.count).toBe(await readCounter(ctx.db, 'confirmed'))
        // Every entry's proof against the latest checkpoint, from the server's stored nodes.
        for (const e of log.log.entries.slice(0, latest.size)) {
          const proof = await (
            await fetch(`${app.url}/transparency/proof/inclusion?position=${e.position}&size=${latest.size}`)
          ).json()
          const ok = verifyInclusion(
            leafHash(leafData(e)),
            e.position,
            latest.size,
            proof.path.map((h: string) => Buffer.from(h, 'hex')),
            Buffer.from(latest.root, 'hex'),
          )
          expect(ok, `inclusion of ${e.position}`).toBe(true)
        }
        // And from every checkpoint to the latest.
        for (const c of checkpoints) {
          const proof = await (
            await fetch(`${app.url}/transparency/proof/consistency?first=${c.size}&second=${latest.size}`)
          ).json()
          const ok = verifyConsistency(
            c.size,
            latest.size,
            Buffer.from(c.root, 'hex'),
            Buffer.from(latest.root, 'hex'),
            proof.proof.map((h: string) => Buffer.from(h, 'hex')),
          )
          expect(ok, `consistency ${c.size}→${latest.size}`).toBe(true)
        }
        expect((await verifyLog(log.log)).problems).toEqual([])
      }),
      { numRuns: kind === 'sqlite' ? 12 : 6 },
    )
  }, 120_000)

  it('gives concurrent confirmations dense positions, each once, in one order', async () => {
    const ctx = app.server.ctx
    const ids: number[] = []
    for (let i = 0; i < 24; i++) {
      await postForm(
        app.url,
        '/sign',
        validSignature({ email: `ensemble-${i}@cnrs.fr`, last_name: `Ensemble${i}` }),
      )
      const { id } = await ctx.db
        .selectFrom('signatures')
        .select('id')
        .where('last_name', '=', `Ensemble${i}`)
        .executeTakeFirstOrThrow()
      ids.push(id)
    }
    const before = (await readHead(ctx.db)).size
    const tokens = await Promise.all(ids.map((id) => linkFor(app, id, 'confirm')))
    await Promise.all(tokens.map((t) => confirmSignature(ctx, t)))
    const head = await readHead(ctx.db)
    expect(head.size).toBe(before + ids.length)
    const positions = await ctx.db
      .selectFrom('signatures')
      .select('log_position')
      .where('id', 'in', ids)
      .execute()
    expect(new Set(positions.map((p) => p.log_position)).size).toBe(ids.length)
    await checkpoint(app)
    expect((await verifyLog((await loadLog(app.url)).log)).problems).toEqual([])
  })

  it('publishes the key, the checkpoints, the page in both languages and the latest checkpoint in the feed', async () => {
    await checkpoint(app)
    const key = await get(app.url, '/transparency/key')
    expect(key.html).toBe(app.server.ctx.logKey.publicKeyPem)
    expect(readFileSync(join(app.dataDir, 'transparency-key.pem'), 'utf8')).toContain('PRIVATE KEY')
    const fr = await get(app.url, '/transparency')
    expect(fr.status).toBe(200)
    expect(fr.html).toContain('Un décompte que chacun peut vérifier')
    const en = await get(app.url, '/en/transparency')
    expect(en.html).toContain('A count anyone can check')
    const { checkpoints } = await (await fetch(`${app.url}/transparency/checkpoints`)).json()
    const latest = checkpoints.at(-1)
    expect((await get(app.url, '/feed.atom')).html).toContain(latest.signature)
    expect((await get(app.url, '/transparency/proof/inclusion?position=abc')).status).toBe(400)
  })

  describe('npm run verify', () => {
    let log: Awaited<ReturnType<typeof loadLog>>['log']
    beforeAll(async () => {
      await checkpoint(app)
      log = (await loadLog(app.url)).log
      expect(log.entries.length).toBeGreaterThan(3)
    })
    const tampered = (change: (copy: typeof log) => void) => {
      const copy = structuredClone(log)
      change(copy)
      return verifyLog(copy)
    }

    // The command itself once, on one database: starting it costs seconds.
    it.runIf(kind === 'sqlite')(
      'passes on the site and on a saved copy, and fails on a saved copy that was tampered with',
      async () => {
        const verify = (...args: string[]) =>
          run(process.execPath, ['--import', 'tsx', 'src/cli/verify.ts', ...args])
        const ok = await verify(app.url, '--save', saved)
        expect(ok.stdout).toMatch(/^OK: /)
        const entries = JSON.parse(readFileSync(join(saved, 'entries.json'), 'utf8'))
        entries.entries[1].at = '2020-01-01T00:00Z'
        writeFileSync(join(saved, 'entries.json'), JSON.stringify(entries))
        const failed = await verify(saved).catch((err) => err)
        expect(failed.code).toBe(1)
        expect(failed.stdout).toContain('its root does not match the entries')
      },
      60_000,
    )

    it('names an entry changed', async () => {
      const v = await tampered((l) => {
        l.entries[0]!.commitment = 'f'.repeat(64)
      })
      expect(v.ok).toBe(false)
      expect(v.problems[0]).toMatch(/root does not match the entries/)
    })

    it('names an entry removed', async () => {
      const v = await tampered((l) => {
        l.entries.splice(1, 1)
      })
      expect(v.problems[0]).toMatch(/entry 1 is missing or out of order/)
    })

    it('names entries reordered, even renumbered to look in order', async () => {
      const v = await tampered((l) => {
        const [a, b] = [l.entries[0]!, l.entries[1]!]
        l.entries[0] = { ...b, position: 0 }
        l.entries[1] = { ...a, position: 1 }
      })
      expect(v.problems.some((p) => /root does not match the entries/.test(p))).toBe(true)
    })

    it('names a checkpoint re-signed with another key', async () => {
      const other = keyFrom(generateKeyPairSync('ed25519').privateKey)
      const v = await tampered((l) => {
        const c = l.checkpoints.at(-1)!
        c.count += 1
        c.signature = other.sign(checkpointText(l.origin, c))
      })
      expect(v.problems[0]).toMatch(/its signature does not verify with the published key/)
    })

    it('names a count that its entries do not give', async () => {
      const { privateKey } = generateKeyPairSync('ed25519')
      const key = keyFrom(privateKey)
      const v = await tampered((l) => {
        l.publicKeyPem = key.publicKeyPem
        for (const c of l.checkpoints) {
          c.count += 1
          c.signature = key.sign(checkpointText(l.origin, c))
        }
      })
      expect(v.problems[0]).toMatch(/it says \d+ signatures, its entries give \d+/)
    })
  })
})

describe('the log at start-up', () => {
  it('adds to the log the signatures a seeder counted, in bulk', async () => {
    const app = await startTestApp('sqlite')
    try {
      await seedSignatures(app.server.ctx.transact, app.config, {
        count: 1200,
        now: app.clock.now(),
        seed: 7,
      })
      const head = await readHead(app.server.ctx.db)
      expect(head.additions - head.cancellations).toBe(await readCounter(app.server.ctx.db, 'confirmed'))
      await checkpoint(app)
      expect((await verifyLog((await loadLog(app.url)).log)).problems).toEqual([])
    } finally {
      await app.close()
    }
  })
})
