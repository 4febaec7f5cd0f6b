// The public log of the count (issue 20), through the real server on both databases:
// every change of the count is an entry, checkpoints are signed, the receipt lets a
// signatory find their entry, and `npm run verify` catches any rewriting.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
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
import { checkpointText, keyFrom, writeCheckpoint } from '../src/domain/transparency/checkpoints.js'
import { logUnloggedSignatures, readHead } from '../src/domain/transparency/log.js'
import { leafData } from '../src/domain/transparency/entries.js'
import { leafHash, verifyConsistency, verifyInclusion } from '../src/domain/transparency/merkle.js'
import { loadLog, saveLog, serverProofs } from '../src/domain/transparency/sources.js'
import { parseReceipt, type PublishedLog, verifyLog } from '../src/domain/transparency/verify.js'
import { runVerify } from '../src/cli/verify-command.js'
import { startTestApp, type TestApp } from './helpers/app.js'
import { DATABASES } from './helpers/databases.js'
import { get, hiddenValue, linkIn, postForm, validSignature } from './helpers/http.js'
import { linkFor, nextMail, signAndConfirm } from './helpers/signing.js'

const run = promisify(execFile)

async function checkpoint(app: TestApp) {
  return writeCheckpoint(app.server.ctx.transact, app.config.baseUrl, app.server.ctx.logKey, app.clock.now())
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

  it('shows the salt to its signatory alone: never without their link, nor anywhere public', async () => {
    const row = await app.server.ctx.db
      .selectFrom('signatures')
      .select(['id', 'log_salt'])
      .where('last_name', '=', 'Reçu')
      .executeTakeFirstOrThrow()
    const salt = row.log_salt!
    expect(salt).toMatch(/^[0-9a-f]{32}$/)
    const manageToken = await linkFor(app, row.id, 'manage')
    const elsewhere = [
      '/confirmed?listed=1',
      `/confirmed?listed=1&receipt=${'A'.repeat(43)}`,
      // A live link of another purpose is no confirmation link.
      `/confirmed?listed=1&receipt=${manageToken}`,
      '/signatories',
      '/transparency',
      '/transparency/entries',
      '/transparency/checkpoints',
      '/feed.atom',
      '/open-data/signatories.json',
      '/open-data/signatories.csv',
      '/api/v1/signatories',
    ]
    for (const path of elsewhere) {
      const page = await get(app.url, path)
      expect(page.status, path).toBe(200)
      expect(page.html, path).not.toContain(salt)
      expect(page.html, path).not.toContain('class="receipt"')
    }
  })

  it('records a withdrawal as a cancellation of its addition, and erases the salt with the row', async () => {
    const managePath = await signAndConfirm(
      app,
      { email: 'retrait@cnrs.fr', last_name: 'Retrait' },
      { manage: true },
    )
    // The manage page shows the receipt, numbering the entry first if it still waits.
    const page = await get(app.url, managePath!)
    expect(page.html).toContain('class="receipt"')
    const row = await app.server.ctx.db
      .selectFrom('signatures')
      .select(['id', 'log_position'])
      .where('last_name', '=', 'Retrait')
      .executeTakeFirstOrThrow()
    const sizeBefore = (await readHead(app.server.ctx.db)).size
    await postForm(app.url, `${managePath}/withdraw`, { csrf: hiddenValue(page.html, 'csrf') })
    await app.server.ctx.logSequencer.settle()
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
    // Each confirmation left its entry waiting; the sequencer numbers them, in one order.
    await ctx.logSequencer.settle()
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
    // What it proves, what it does not, and how to check, now and later against a kept copy.
    expect(fr.html).toContain('Ce qui est garanti')
    expect(fr.html).toContain('pas que chaque signature vient d’une personne réelle')
    const site = app.config.baseUrl
    // The key's fingerprint, to compare with a copy published elsewhere.
    expect(app.server.ctx.logKey.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(fr.html).toContain(app.server.ctx.logKey.fingerprint)
    expect(fr.html).toContain(
      `<code>npm run verify -- ${site} --save copie-du-journal\nnpm run verify -- ${site} --previous copie-du-journal</code>`,
    )
    const en = await get(app.url, '/en/transparency')
    expect(en.html).toContain('A count anyone can check')
    expect(en.html).toContain('What is not')
    expect(en.html).toContain(`npm run verify -- ${site} --previous log-copy`)
    const { checkpoints } = await (await fetch(`${app.url}/transparency/checkpoints`)).json()
    const latest = checkpoints.at(-1)
    expect((await get(app.url, '/feed.atom')).html).toContain(latest.signature)
    expect((await get(app.url, '/transparency/proof/inclusion?position=abc')).status).toBe(400)
  })

  describe('npm run verify', () => {
    let log: PublishedLog
    let checkpoints: PublishedLog['checkpoints']
    let original: string
    beforeAll(async () => {
      // An addition nothing cancels, under a checkpoint that is not the last one, whatever
      // the tests before left (a loaded machine writes fewer checkpoints on its own): the
      // tampering below needs one.
      // The mails of the tests before first, so that the next one is this signature's.
      await app.server.afterAnswer.idle()
      await app.server.worker.drain()
      await signAndConfirm(app, { email: 'verify.one@cnrs.fr', last_name: 'Vérifiée' })
      await checkpoint(app)
      await signAndConfirm(app, { email: 'verify.two@cnrs.fr', last_name: 'Vérifiée' })
      await checkpoint(app)
      original = join(saved, 'original')
      const first = await runVerify([app.url, '--save', original])
      expect(first.stdout).toEqual([
        expect.stringMatching(
          new RegExp(
            `^OK: \\d+ entries, \\d+ checkpoints under the key of SHA-256 fingerprint ${app.server.ctx.logKey.fingerprint}; the latest \\(size \\d+\\) counts \\d+ signatures; every signature, root and count verifies\\.$`,
          ),
        ),
      ])
      expect(first.code).toBe(0)
      log = (await loadLog(original)).log
      checkpoints = [...log.checkpoints].sort((a, b) => a.size - b.size)
      expect(checkpoints.length).toBeGreaterThan(2)
    })

    /** npm run verify's verdict on a saved copy of the log, changed by `change` first. */
    const verifyTampered = (change: (copy: PublishedLog) => void, ...more: string[]) => {
      const copy = structuredClone(log)
      change(copy)
      const dir = mkdtempSync(join(saved, 'copy-'))
      saveLog(dir, copy)
      return runVerify([dir, ...more])
    }

    /**
     * The line naming a change at position p: the first checkpoint covering p no longer
     * matches, and the change lies after the last checkpoint that still does.
     */
    const rootMismatchAt = (p: number): RegExp => {
      const before = checkpoints.filter((c) => c.size <= p).at(-1)?.size ?? 0
      const first = checkpoints.find((c) => c.size > p)!
      const where =
        first.size - 1 === before
          ? `entry ${before}`
          : `an entry among positions ${before} to ${first.size - 1}`
      return new RegExp(
        `^  - checkpoint at size ${first.size}: its root does not match the entries \\(${where} was changed, removed or reordered\\)$`,
      )
    }

    it('passes on the site and on the copy it saved', async () => {
      const again = await runVerify([original])
      expect(again.code).toBe(0)
      expect(again.stdout[0]).toMatch(/^OK: /)
    })

    it('names an entry changed, and where it lies', async () => {
      const p = checkpoints[0]!.size
      const v = await verifyTampered((l) => {
        l.entries[p]!.at = '2020-01-01T00:00Z'
      })
      expect(v.code).toBe(1)
      expect(v.stdout[0]).toMatch(/^FAILED: /)
      expect(v.stdout[1]).toMatch(rootMismatchAt(p))
      // The checkpoints before it still match: they are not named.
      for (const c of checkpoints.filter((c) => c.size <= p))
        expect(v.stdout.join('\n')).not.toContain(`checkpoint at size ${c.size}:`)
    })

    it('names an entry removed, whether the gap is left or the rest renumbered', async () => {
      const p = checkpoints[0]!.size
      const gap = await verifyTampered((l) => {
        l.entries.splice(p, 1)
      })
      expect(gap.code).toBe(1)
      expect(gap.stdout[1]).toBe(`  - entry ${p} is missing or out of order (found position ${p + 1})`)
      expect(gap.stdout[2]).toBe(
        `  - checkpoint at size ${checkpoints[1]!.size}: the log has only ${p} valid ${p === 1 ? 'entry' : 'entries'} (entries removed or missing)`,
      )
      // A signature quietly taken off: an addition nothing cancels, removed and the rest
      // renumbered to hide the gap. Every later leaf changes: the first root after it fails.
      // Before the last checkpoint's range: there, the log would just be too short for it.
      const q = log.entries.findIndex(
        (e, i) =>
          e.kind === 'add' && !log.entries.some((c) => c.cancels === i) && i < checkpoints.at(-2)!.size,
      )
      expect(q).toBeGreaterThanOrEqual(0)
      const renumbered = await verifyTampered((l) => {
        l.entries.splice(q, 1)
        l.entries.forEach((e, i) => {
          e.position = i
          if (e.cancels !== null && e.cancels > q) e.cancels -= 1
        })
      })
      expect(renumbered.code).toBe(1)
      expect(renumbered.stdout[1]).toMatch(rootMismatchAt(q))
    })

    it('names entries reordered, even renumbered to look in order', async () => {
      // Two additions side by side: swapped, each still replays (nothing cancels itself early).
      const p = log.entries.findIndex(
        (e, i) =>
          i >= checkpoints[0]!.size &&
          e.kind === 'add' &&
          log.entries[i + 1]?.kind === 'add' &&
          i + 1 < checkpoints.at(-1)!.size,
      )
      expect(p).toBeGreaterThanOrEqual(0)
      const v = await verifyTampered((l) => {
        const [a, b] = [l.entries[p]!, l.entries[p + 1]!]
        l.entries[p] = { ...b, position: p }
        l.entries[p + 1] = { ...a, position: p + 1 }
      })
      expect(v.code).toBe(1)
      expect(v.stdout[1]).toMatch(rootMismatchAt(p))
    })

    it('names a checkpoint re-signed with another key', async () => {
      const other = keyFrom(generateKeyPairSync('ed25519').privateKey)
      const v = await verifyTampered((l) => {
        const c = l.checkpoints.at(-1)!
        c.count += 1
        c.signature = other.sign(checkpointText(l.origin, c))
      })
      expect(v.code).toBe(1)
      expect(v.stdout.slice(1)).toEqual([
        `  - checkpoint at size ${checkpoints.at(-1)!.size}: its signature does not verify with the published key`,
      ])
    })

    it('names a count that its entries do not give, even under a key published with it', async () => {
      const key = keyFrom(generateKeyPairSync('ed25519').privateKey)
      const v = await verifyTampered((l) => {
        l.publicKeyPem = key.publicKeyPem
        for (const c of l.checkpoints) {
          c.count += 1
          c.signature = key.sign(checkpointText(l.origin, c))
        }
      })
      expect(v.code).toBe(1)
      expect(v.stdout[1]).toMatch(
        new RegExp(
          `^  - checkpoint at size ${checkpoints[0]!.size}: it says ${checkpoints[0]!.count + 1} signatures, its entries give ${checkpoints[0]!.count}$`,
        ),
      )
    })

    it('with --previous, names a key that changed since the copy kept', async () => {
      const key = keyFrom(generateKeyPairSync('ed25519').privateKey)
      const v = await verifyTampered(
        (l) => {
          l.publicKeyPem = key.publicKeyPem
          for (const c of l.checkpoints) c.signature = key.sign(checkpointText(l.origin, c))
        },
        '--previous',
        original,
      )
      // Alone, the new key's copy is consistent; only the kept copy tells the key changed.
      expect(v.stdout.slice(1)).toEqual([
        '  - the published key is not the one saved with the earlier copy: the site now signs with another key',
      ])
      expect(v.code).toBe(1)
    })

    it('with --previous, names a kept copy that was altered', async () => {
      const altered = mkdtempSync(join(saved, 'kept-'))
      const kept = structuredClone(log)
      kept.checkpoints[0]!.count += 1
      saveLog(altered, kept)
      const v = await runVerify([original, '--previous', altered])
      expect(v.code).toBe(1)
      expect(v.stdout.slice(1)).toEqual([
        `  - kept checkpoint at size ${kept.checkpoints[0]!.size}: its signature does not verify with the key saved with it (the copy was altered, or is of another site)`,
      ])
    })

    it('refuses, saying how, a --previous that is no saved copy and a malformed receipt', async () => {
      const missing = await runVerify([original, '--previous', join(saved, 'nowhere')])
      expect(missing.code).toBe(2)
      expect(missing.stderr[0]).toBe(
        `verify: --previous ${join(saved, 'nowhere')}: no checkpoints.json in this folder (one written by --save)`,
      )
      const receipt = await runVerify([original, '--receipt', '12:x'])
      expect(receipt.code).toBe(2)
      expect(receipt.stderr[0]).toBe(
        'verify: --receipt is position:signature:minute:salt, as the receipt shows it',
      )
      expect((await runVerify(['--save'])).stderr[0]).toBe('verify: --save needs a value')
    })

    // The command itself once, on one database: starting it costs seconds.
    it.runIf(kind === 'sqlite')(
      'runs as a command: exit 0 on the site, 1 naming the problem on a tampered copy, 2 on a usage error',
      async () => {
        const verify = (...args: string[]) =>
          run(process.execPath, ['--import', 'tsx', 'src/cli/verify.ts', ...args]).then(
            (r) => ({ code: 0, ...r }),
            (err) => err as { code: number; stdout: string; stderr: string },
          )
        const ok = await verify(app.url)
        expect(ok.code).toBe(0)
        expect(ok.stdout).toMatch(/^OK: /)
        const copy = mkdtempSync(join(saved, 'command-'))
        const entries = structuredClone(log)
        entries.entries[1]!.at = '2020-01-01T00:00Z'
        saveLog(copy, entries)
        const failed = await verify(copy)
        expect(failed.code).toBe(1)
        expect(failed.stdout).toMatch(/^FAILED: .*\n {2}- checkpoint at size \d+: its root does not match/)
        const usage = await verify()
        expect(usage.code).toBe(2)
        expect(usage.stderr).toContain('verify: name a site address or a saved folder')
      },
      60_000,
    )
  })
})

// A site that rewrites its own history and signs it again, with its own key: each
// checkpoint it now publishes verifies, so only a copy kept from before can tell.
describe.each(DATABASES)('npm run verify --previous against a rewritten history (%s)', (kind) => {
  let app: TestApp
  let kept: string
  beforeAll(async () => {
    app = await startTestApp(kind)
    kept = mkdtempSync(join(tmpdir(), 'paraphe-kept-'))
  })
  afterAll(async () => {
    await app?.close()
    rmSync(kept, { recursive: true, force: true })
  })

  it('passes while the log extends the kept copy, and names the checkpoints a rewrite broke', async () => {
    await signAndConfirm(app, { email: 'a@cnrs.fr', last_name: 'Avant' })
    await checkpoint(app)
    const manage = await signAndConfirm(app, { email: 'b@cnrs.fr', last_name: 'Parti' }, { manage: true })
    await signAndConfirm(app, { email: 'c@cnrs.fr', last_name: 'Reste' })
    const page = await get(app.url, manage!)
    await postForm(app.url, `${manage}/withdraw`, { csrf: hiddenValue(page.html, 'csrf') })
    await checkpoint(app)
    // Entries: 0 Avant, 1 Parti, 2 Reste, 3 Parti withdrawn; checkpoints at sizes 1 and 4.
    expect((await runVerify([app.url, '--save', kept])).code).toBe(0)

    await signAndConfirm(app, { email: 'd@cnrs.fr', last_name: 'Ensuite' })
    await checkpoint(app)
    const grown = await runVerify([app.url, '--previous', kept])
    expect(grown.stdout).toEqual([
      expect.stringMatching(
        /^OK: 5 entries, 3 checkpoints under the key .*; the log still extends the 2 checkpoints kept in /,
      ),
    ])

    // An hour later, the operator erases the withdrawn signature's traces and signs the log again.
    app.clock.advance(3600_000)
    const ctx = app.server.ctx
    await ctx.transact(async (tx) => {
      await tx.deleteFrom('transparency_checkpoints').execute()
      await tx.deleteFrom('transparency_nodes').execute()
      await tx.deleteFrom('transparency_entries').execute()
      await tx
        .updateTable('transparency_head')
        .set({ size: 0, additions: 0, cancellations: 0, frontier: '' })
        .where('id', '=', 1)
        .execute()
      await tx.updateTable('signatures').set({ log_position: null }).execute()
      await logUnloggedSignatures(tx, app.config.site, app.clock.now())
    })
    await signAndConfirm(app, { email: 'e@cnrs.fr', last_name: 'Encore' })
    await signAndConfirm(app, { email: 'f@cnrs.fr', last_name: 'Toujours' })
    await checkpoint(app)
    // Entries now: Avant, Reste, Ensuite, Encore, Toujours; one checkpoint at size 5.

    const alone = await runVerify([app.url])
    expect(alone.code).toBe(0)
    const compared = await runVerify([app.url, '--previous', kept])
    expect(compared.code).toBe(1)
    expect(compared.stdout).toEqual([
      `FAILED: 5 entries, 1 checkpoint under the key of SHA-256 fingerprint ${ctx.logKey.fingerprint}; the latest (size 5) counts 5 signatures`,
      // Even the first entry, the same signature, is not the same: it is dated from the rewrite.
      '  - kept checkpoint at size 1: its root does not match the entries (entry 0 was changed, removed or reordered)',
      '  - kept checkpoint at size 4: its root does not match the entries (an entry among positions 0 to 3 was changed, removed or reordered)',
    ])
  }, 60_000)
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
