// Who may moderate: the addresses of ADMIN_EMAILS, and those added with
// `npm run admin -- add`. Staff addresses are kept in clear.
import type { Config } from '../config.js'
import type { Db } from '../db/database.js'
import type { Transact } from '../db/transactor.js'
import { normalizeEmail } from './normalize-email.js'

/** The address as moderators are compared: normalised, then in lower case. */
export function moderatorAddress(raw: string): string | undefined {
  return normalizeEmail(raw)?.address.toLowerCase()
}

export async function isModerator(db: Db, config: Config, email: string): Promise<boolean> {
  const address = moderatorAddress(email)
  if (!address) return false
  if (config.adminEmails.includes(address)) return true
  const row = await db
    .selectFrom('moderators')
    .select('email')
    .where('email', '=', address)
    .executeTakeFirst()
  return row !== undefined
}

export async function addModerator(transact: Transact, raw: string, now: Date): Promise<string> {
  const address = moderatorAddress(raw)
  if (!address) throw new Error(`not an e-mail address: ${raw}`)
  await transact((tx) =>
    tx
      .insertInto('moderators')
      .values({ email: address, added_at: now.toISOString() })
      .onConflict((oc) => oc.column('email').doNothing())
      .execute(),
  )
  return address
}

/** Removes a moderator and ends their sessions at once. */
export async function removeModerator(transact: Transact, raw: string): Promise<boolean> {
  const address = moderatorAddress(raw) ?? raw.trim().toLowerCase()
  return transact(async (tx) => {
    const res = await tx.deleteFrom('moderators').where('email', '=', address).executeTakeFirst()
    await tx.deleteFrom('admin_sessions').where('email', '=', address).execute()
    return Number(res.numDeletedRows) > 0
  })
}

export async function listModerators(
  db: Db,
  config: Config,
): Promise<{ email: string; source: 'config' | 'database' }[]> {
  const rows = await db.selectFrom('moderators').select('email').orderBy('email').execute()
  return [
    ...config.adminEmails.map((email) => ({ email, source: 'config' as const })),
    ...rows
      .filter((r) => !config.adminEmails.includes(r.email))
      .map((r) => ({ email: r.email, source: 'database' as const })),
  ]
}
