// npm run verify -- <site address | saved folder> [--save folder] [--receipt p:id:minute:salt] [--previous folder]
//
// Checks a Paraphe site's public log from what it publishes: downloads (or reads from
// a saved copy) the key, the checkpoints and every entry, recomputes the tree, checks
// every checkpoint's signature, root and count, the server's consistency proofs from
// one checkpoint to the next, and optionally a signatory's receipt and checkpoints
// kept from earlier. Prints one verdict; exits 1 on any problem, 2 on a usage error.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type LoadedLog, loadLog, saveLog, serverProofs } from '../domain/transparency/sources.js'
import { parseReceipt, verifyLog } from '../domain/transparency/verify.js'

function usage(line: string): never {
  console.error(line)
  console.error(
    'usage: npm run verify -- <https://site | saved folder> [--save folder] [--receipt p:id:minute:salt] [--previous folder]',
  )
  process.exit(2)
}

const args = process.argv.slice(2)
const source = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1]!.startsWith('--')))
if (!source) usage('verify: name a site address or a saved folder')
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? (args[i + 1] ?? usage(`verify: ${name} needs a value`)) : undefined
}
const receiptText = option('--receipt')
const receipt =
  receiptText === undefined
    ? undefined
    : (parseReceipt(receiptText) ??
      usage('verify: --receipt is position:signature:minute:salt, as the receipt shows it'))

let log: LoadedLog
try {
  log = await loadLog(source)
} catch (err) {
  console.error(`FAILED: cannot read the log from ${source}: ${(err as Error).message}`)
  process.exit(1)
}
const save = option('--save')
if (save) {
  mkdirSync(save, { recursive: true })
  saveLog(save, log.log)
}
const previousDir = option('--previous')
const known = previousDir
  ? (JSON.parse(readFileSync(join(previousDir, 'checkpoints.json'), 'utf8')) as { checkpoints: [] })
      .checkpoints
  : undefined

const verdict = await verifyLog(log.log, {
  proofs: log.url ? serverProofs(log.url) : undefined,
  receipt,
  known,
})
if (verdict.ok) {
  console.log(
    `OK: ${verdict.summary}; every signature, root and count verifies${receipt ? ', and so does the receipt' : ''}.`,
  )
} else {
  console.log(`FAILED: ${verdict.summary}`)
  for (const p of verdict.problems) console.log(`  - ${p}`)
  process.exit(1)
}
