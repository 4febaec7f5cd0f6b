// What one entry of the public log says, and the exact bytes its leaf hashes: the
// server, the verifier and anyone's own code must agree on them to the byte.
import { createHmac, randomBytes } from 'node:crypto'

export interface LogEntry {
  position: number
  /** To the minute, UTC: "2026-11-28T10:00Z". */
  at: string
  kind: 'add' | 'cancel'
  /** An addition's commitment to its signature (hex); null for a cancellation. */
  commitment: string | null
  /** A cancellation's target: the position of the addition it cancels; null for an addition. */
  cancels: number | null
}

/** A time to the minute: entries say when, not the second, which could tie them to a visit. */
export function minuteOf(iso: string): string {
  return `${iso.slice(0, 16)}Z`
}

/**
 * The leaf of an entry, as hashed into the tree: four lines of text,
 * "<position>\n<at>\n<kind>\n<commitment or cancelled position>".
 */
export function leafData(e: LogEntry): Buffer {
  const what = e.kind === 'add' ? e.commitment : String(e.cancels)
  return Buffer.from(`${e.position}\n${e.at}\n${e.kind}\n${what}`, 'utf8')
}

export function newSalt(): string {
  return randomBytes(16).toString('hex')
}

/**
 * A signature's commitment: HMAC-SHA-256 keyed by its salt over "<id> <confirmation
 * minute>". Nothing personal goes in; without the salt, which only the signatory is
 * shown and which is deleted with the signature, nobody can tell whose it is.
 */
export function commitmentOf(salt: string, signatureId: number, confirmedAt: string): string {
  return createHmac('sha256', Buffer.from(salt, 'hex'))
    .update(`${signatureId} ${minuteOf(confirmedAt)}`)
    .digest('hex')
}

/**
 * Replays entries from the first: the count after them, or the first inconsistency
 * (a position out of order, a cancellation of something that is not a live addition).
 */
export function replay(entries: Iterable<LogEntry>): { count: number; error?: string; size: number } {
  const live = new Set<number>()
  let size = 0
  for (const e of entries) {
    if (e.position !== size)
      return {
        count: live.size,
        size,
        error: `entry ${size} is missing or out of order (found position ${e.position})`,
      }
    if (e.kind === 'add') {
      if (!e.commitment || !/^[0-9a-f]{64}$/.test(e.commitment))
        return { count: live.size, size, error: `entry ${size} is an addition without a valid commitment` }
      live.add(e.position)
    } else if (e.kind === 'cancel') {
      if (e.cancels === null || !live.has(e.cancels))
        return {
          count: live.size,
          size,
          error: `entry ${size} cancels ${e.cancels}, which is not a counted addition`,
        }
      live.delete(e.cancels)
    } else return { count: live.size, size, error: `entry ${size} has an unknown kind` }
    size += 1
  }
  return { count: live.size, size }
}
