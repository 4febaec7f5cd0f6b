// A signatory's receipt: what they need to find their own entry in the public log and
// check it is there, salt included. Shown only behind their own links (the thanks
// page after confirming, the manage page), never anywhere public.
import type { Db } from '../../db/database.js'
import { latestCheckpoint } from './checkpoints.js'
import { commitmentOf, minuteOf } from './entries.js'
import type { LogSequencer } from './sequencer.js'

export interface Receipt {
  position: number
  signatureId: number
  /** The confirmation minute the commitment covers. */
  confirmedMinute: string
  salt: string
  commitment: string
  /** The size of the latest checkpoint when it includes this entry (its inclusion proof is served). */
  checkpointSize?: number
}

/**
 * The receipt of a signature, if it is counted (in the log) now. Just confirmed, its
 * entry may still wait for its position: the sequencer numbers it first, a matter of
 * milliseconds.
 */
export async function findReceipt(
  db: Db,
  signatureId: number,
  sequencer: Pick<LogSequencer, 'settle'>,
): Promise<Receipt | undefined> {
  const read = () =>
    db
      .selectFrom('signatures')
      .select(['id', 'log_salt', 'log_position', 'log_pending', 'confirmed_at'])
      .where('id', '=', signatureId)
      .executeTakeFirst()
  let row = await read()
  if (row && row.log_position === null && row.log_pending !== null) {
    await sequencer.settle()
    row = await read()
  }
  if (!row?.log_salt || row.log_position === null || !row.confirmed_at) return undefined
  const checkpoint = await latestCheckpoint(db)
  const position = Number(row.log_position)
  return {
    position,
    signatureId: row.id,
    confirmedMinute: minuteOf(row.confirmed_at),
    salt: row.log_salt,
    commitment: commitmentOf(row.log_salt, row.id, row.confirmed_at),
    checkpointSize: checkpoint && checkpoint.size > position ? checkpoint.size : undefined,
  }
}
