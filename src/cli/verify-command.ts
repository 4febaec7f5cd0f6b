// npm run verify -- <site address | saved folder> [--save folder] [--receipt p:id:minute:salt] [--previous folder]
//
// Checks a Paraphe site's public log from what it publishes: downloads (or reads from
// a saved copy) the key, the checkpoints and every entry, recomputes the tree, checks
// every checkpoint's signature, root and count, the server's consistency proofs from
// one checkpoint to the next, and optionally a signatory's receipt and the checkpoints
// of a copy saved earlier (--previous: the log must still extend them). One verdict;
// exit code 1 on any problem, 2 on a usage error. A function apart from the command
// so that the tests run it, output and exit code, on every tampered copy they make.
import { mkdirSync } from 'node:fs'
import { loadLog, loadSavedCopy, saveLog, serverProofs } from '../domain/transparency/sources.js'
import { type EarlierCopy, parseReceipt, verifyLog } from '../domain/transparency/verify.js'

export interface CommandResult {
  code: 0 | 1 | 2
  stdout: string[]
  stderr: string[]
}

const USAGE =
  'usage: npm run verify -- <https://site | saved folder> [--save folder] [--receipt p:id:minute:salt] [--previous folder]'

export async function runVerify(args: readonly string[]): Promise<CommandResult> {
  const stdout: string[] = []
  const usage = (line: string): CommandResult => ({ code: 2, stdout, stderr: [line, USAGE] })

  const withValue = ['--save', '--receipt', '--previous']
  const values = new Map<string, string>()
  const positional: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (withValue.includes(a)) {
      const v = args[i + 1]
      if (v === undefined || v.startsWith('--')) return usage(`verify: ${a} needs a value`)
      values.set(a, v)
      i += 1
    } else if (a.startsWith('--')) return usage(`verify: unknown option ${a}`)
    else positional.push(a)
  }
  const source = positional[0]
  if (!source) return usage('verify: name a site address or a saved folder')
  if (positional.length > 1) return usage(`verify: one source at a time (also given: ${positional[1]})`)

  const receiptText = values.get('--receipt')
  const receipt = receiptText === undefined ? undefined : parseReceipt(receiptText)
  if (receiptText !== undefined && !receipt)
    return usage('verify: --receipt is position:signature:minute:salt, as the receipt shows it')

  let earlier: EarlierCopy | undefined
  const previousDir = values.get('--previous')
  if (previousDir !== undefined) {
    try {
      earlier = loadSavedCopy(previousDir)
    } catch (err) {
      return usage(`verify: --previous ${previousDir}: ${(err as Error).message}`)
    }
  }

  let loaded: Awaited<ReturnType<typeof loadLog>>
  try {
    loaded = await loadLog(source)
  } catch (err) {
    stdout.push(`FAILED: cannot read the log from ${source}: ${(err as Error).message}`)
    return { code: 1, stdout, stderr: [] }
  }
  const save = values.get('--save')
  if (save) {
    mkdirSync(save, { recursive: true })
    saveLog(save, loaded.log)
  }

  const verdict = await verifyLog(loaded.log, {
    proofs: loaded.url ? serverProofs(loaded.url) : undefined,
    receipt,
    earlier,
  })
  if (verdict.ok) {
    const said = ['every signature, root and count verifies']
    if (earlier)
      said.push(`the log still extends the ${earlier.checkpoints.length} checkpoints kept in ${previousDir}`)
    if (receipt) said.push('the receipt verifies')
    stdout.push(`OK: ${verdict.summary}; ${said.join('; ')}.`)
    return { code: 0, stdout, stderr: [] }
  }
  stdout.push(`FAILED: ${verdict.summary}`)
  for (const p of verdict.problems) stdout.push(`  - ${p}`)
  return { code: 1, stdout, stderr: [] }
}
