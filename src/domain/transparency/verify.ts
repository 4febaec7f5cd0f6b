// Checking the public log from its published data alone: what `npm run verify` does,
// against the live site or a saved copy. Everything is recomputed here from the
// entries; nothing the server says about its own tree is taken on trust, except
// as something more to check (its consistency and inclusion proofs).
import { type Checkpoint, keyFingerprint, verifyCheckpoint } from './checkpoints.js'
import { commitmentOf, leafData, type LogEntry, replay } from './entries.js'
import { type Hash, leafHash, memoryReader, rootOf, verifyConsistency, verifyInclusion } from './merkle.js'

export interface PublishedLog {
  origin: string
  publicKeyPem: string
  checkpoints: Checkpoint[]
  entries: LogEntry[]
}

/** What a signatory's receipt says: "position:signature id:confirmation minute:salt". */
export interface ReceiptClaim {
  position: number
  signatureId: number
  confirmedMinute: string
  salt: string
}

export function parseReceipt(text: string): ReceiptClaim | undefined {
  const m = /^(\d+):(\d+):(\d{4}-\d\d-\d\dT\d\d:\d\dZ):([0-9a-f]{32})$/.exec(text.trim())
  if (!m) return undefined
  return { position: Number(m[1]), signatureId: Number(m[2]), confirmedMinute: m[3]!, salt: m[4]! }
}

export interface ServerProofs {
  consistency(first: number, second: number): Promise<Hash[]>
  inclusion(position: number, size: number): Promise<Hash[]>
}

export interface Verdict {
  ok: boolean
  /** Every problem found, each naming what is wrong and where. */
  problems: string[]
  /** What was checked, for the report. */
  summary: string
}

/**
 * What a reader kept from an earlier look at the log (a folder written by --save, or
 * checkpoints copied from the feed): the log published now must still extend each.
 */
export interface EarlierCopy {
  checkpoints: Checkpoint[]
  /** The key published then: a different key now is reported, not silently accepted. */
  publicKeyPem?: string
  origin?: string
}

const entriesWord = (n: number) => `${n} valid ${n === 1 ? 'entry' : 'entries'}`

export async function verifyLog(
  log: PublishedLog,
  options: { proofs?: ServerProofs; receipt?: ReceiptClaim; earlier?: EarlierCopy } = {},
): Promise<Verdict> {
  const problems: string[] = []
  const entries = [...log.entries].sort((a, b) => a.position - b.position)
  const whole = replay(entries)
  if (whole.error) problems.push(whole.error)
  const leaves = entries.slice(0, whole.size).map((e) => leafHash(leafData(e)))
  const read = memoryReader(leaves)
  const earlier = options.earlier
  // The count of each prefix, for each checkpoint's own count, published or kept.
  const countAt = new Map<number, number>()
  const sizes = new Set([...log.checkpoints, ...(earlier?.checkpoints ?? [])].map((c) => c.size))
  {
    const live = new Set<number>()
    for (const e of entries.slice(0, whole.size)) {
      if (e.kind === 'add') live.add(e.position)
      else if (e.cancels !== null) live.delete(e.cancels)
      if (sizes.has(e.position + 1)) countAt.set(e.position + 1, live.size)
    }
  }

  /**
   * Whether the entries published now give checkpoint c's root and count. `matched` is
   * the size of the last checkpoint they did match: a difference lies after it.
   */
  const matchesEntries = (c: Checkpoint, label: string, matched: number): boolean => {
    if (c.size > whole.size) {
      problems.push(
        `${label} at size ${c.size}: the log has only ${entriesWord(whole.size)} (entries removed or missing)`,
      )
      return false
    }
    if (rootOf(read, c.size).toString('hex') !== c.root) {
      const where =
        c.size - 1 === matched ? `entry ${matched}` : `an entry among positions ${matched} to ${c.size - 1}`
      problems.push(
        `${label} at size ${c.size}: its root does not match the entries (${where} was changed, removed or reordered)`,
      )
      return false
    }
    if (countAt.get(c.size) !== c.count) {
      problems.push(
        `${label} at size ${c.size}: it says ${c.count} signatures, its entries give ${countAt.get(c.size)}`,
      )
      return false
    }
    return true
  }

  const checkpoints = [...log.checkpoints].sort((a, b) => a.size - b.size)
  let previous: Checkpoint | undefined
  for (const c of checkpoints) {
    if (!verifyCheckpoint(log.origin, c, log.publicKeyPem)) {
      problems.push(`checkpoint at size ${c.size}: its signature does not verify with the published key`)
      continue
    }
    if (!matchesEntries(c, 'checkpoint', previous?.size ?? 0)) continue
    if (previous && options.proofs) {
      const proof = await options.proofs.consistency(previous.size, c.size)
      if (
        !verifyConsistency(
          previous.size,
          c.size,
          Buffer.from(previous.root, 'hex'),
          Buffer.from(c.root, 'hex'),
          proof,
        )
      )
        problems.push(
          `the server's consistency proof from size ${previous.size} to ${c.size} does not verify`,
        )
    }
    previous = c
  }

  // Checkpoints kept from earlier: signed by the key of then, they bind the site to the
  // entries of then. A log rewritten since and signed again, even with the same key,
  // passes every check above but not these.
  if (earlier) {
    const key = earlier.publicKeyPem ?? log.publicKeyPem
    if (earlier.publicKeyPem && earlier.publicKeyPem.trim() !== log.publicKeyPem.trim())
      problems.push(
        'the published key is not the one saved with the earlier copy: the site now signs with another key',
      )
    for (const k of [...earlier.checkpoints].sort((a, b) => a.size - b.size)) {
      if (!verifyCheckpoint(earlier.origin ?? log.origin, k, key))
        problems.push(
          `kept checkpoint at size ${k.size}: its signature does not verify with the key saved with it (the copy was altered, or is of another site)`,
        )
      else matchesEntries(k, 'kept checkpoint', 0)
    }
  }

  if (options.receipt) {
    const r = options.receipt
    const entry = entries[r.position]
    const latest = checkpoints.at(-1)
    if (!entry || entry.position !== r.position || entry.kind !== 'add')
      problems.push(`receipt: the log has no addition at position ${r.position}`)
    else if (entry.commitment !== commitmentOf(r.salt, r.signatureId, r.confirmedMinute))
      problems.push(`receipt: the entry at position ${r.position} is not this signature's commitment`)
    else if (entries.some((e) => e.kind === 'cancel' && e.cancels === r.position))
      problems.push(`receipt: the entry at position ${r.position} was cancelled (withdrawn or invalidated)`)
    else if (!latest || latest.size <= r.position)
      problems.push(`receipt: no checkpoint includes position ${r.position} yet`)
    else if (options.proofs) {
      const path = await options.proofs.inclusion(r.position, latest.size)
      if (
        !verifyInclusion(leaves[r.position]!, r.position, latest.size, path, Buffer.from(latest.root, 'hex'))
      )
        problems.push(`receipt: the server's inclusion proof for position ${r.position} does not verify`)
    }
  }

  const latest = checkpoints.at(-1)
  const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  const listed = entries.length === 1 ? '1 entry' : `${entries.length} entries`
  // The key's fingerprint, to compare with one the site's operators published elsewhere.
  const key = keyFingerprint(log.publicKeyPem) ?? 'unreadable'
  const summary = latest
    ? `${listed}, ${counted(checkpoints.length, 'checkpoint')} under the key of SHA-256 fingerprint ${key}; the latest (size ${latest.size}) counts ${counted(latest.count, 'signature')}`
    : `${listed}, no checkpoint yet`
  return { ok: problems.length === 0, problems, summary }
}
