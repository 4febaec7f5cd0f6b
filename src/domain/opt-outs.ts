// Leaving one of the two choices that keep a signatory's address (news from the
// collective, the debate relay), from a mailed link: the choice is cleared, the address
// erased unless the other choice still needs it, and the counters follow.
import type { Tx } from '../db/database.js'
import { isPostgres } from '../db/dialect.js'
import type { DomainContext } from './context.js'
import { applySignatureDelta } from './counters.js'
import { AppError } from './errors.js'

export type AddressChoice = 'wants_updates' | 'wants_debate'

const OTHER: Record<AddressChoice, AddressChoice> = {
  wants_updates: 'wants_debate',
  wants_debate: 'wants_updates',
}

/**
 * Clears `choice` for a signature, in the caller's transaction; false when it was
 * cleared already (leaving twice changes nothing the second time).
 */
export async function leaveChoice(
  ctx: DomainContext,
  tx: Tx,
  signatureId: number,
  choice: AddressChoice,
  now: Date,
): Promise<boolean> {
  let q = tx.selectFrom('signatures').selectAll().where('id', '=', signatureId)
  if (isPostgres(tx)) q = q.forUpdate()
  const before = await q.executeTakeFirst()
  if (!before) throw new AppError('token_invalid')
  if (!before[choice]) return false
  const after = await tx
    .updateTable('signatures')
    .set({
      [choice]: 0,
      email: before[OTHER[choice]] ? before.email : null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', signatureId)
    .returningAll()
    .executeTakeFirstOrThrow()
  await applySignatureDelta(tx, ctx.config.site, before, after, now)
  return true
}
