// The cap on mail per recipient, shared by every form that mails an address someone
// typed (signing, manage links, the relay's confirmation): at most
// [retention] max_mails_per_address a day to one mailbox, counted whatever its +tag,
// dots or case (canonicalMailbox), never to an address that refused mail for good.
import type { SiteConfig } from '../config.js'
import type { Tx } from '../db/database.js'
import { countMailsSince, isSuppressed } from '../mail/outbox.js'
import type { DomainContext } from './context.js'
import { emailKey, mailboxKey, type NormalizedEmail } from './normalize-email.js'
import { DAY_MS, mailboxFromNetworkTally } from './rate-limits.js'

/** Who a mail would go to, and whether this is the first request for that mailbox from its network today. */
export interface Recipient {
  /** emailKey: the signature's address, and what a refusal for good is kept under. */
  key: string
  /** mailboxKey: one mailbox whatever its +tag, dots or case. */
  mailbox: string
  firstFromNetwork: boolean
}

/**
 * Counts a request for mail to a mailbox from a client network. Called before any
 * transaction: on PostgreSQL the limiter's statement takes a connection of its own,
 * which a transaction waiting for it could be holding the last of.
 */
export async function recipientOf(
  ctx: DomainContext,
  email: NormalizedEmail,
  network: string | null,
): Promise<Recipient> {
  const mailbox = mailboxKey(ctx.config.secret, email)
  const totals = network
    ? (await ctx.limiter.hit([], 1, ctx.now(), [mailboxFromNetworkTally(network, mailbox)])).totals
    : []
  return { key: emailKey(ctx.config.secret, email), mailbox, firstFromNetwork: totals[0] === 1 }
}

/**
 * Whether one more mail may go to this mailbox now: not if it refused mail for good,
 * and not beyond the configured number per day, so the forms cannot flood an inbox,
 * whatever +tags, dots or capitals vary the address. The first request for a mailbox
 * from a network each day is never refused by that cap: a flood from elsewhere
 * cannot keep a person from the mail they ask for.
 */
export async function mayMail(ctx: DomainContext, tx: Tx, to: Recipient, now: Date): Promise<boolean> {
  if (await isSuppressed(tx, to.key)) return false
  if (to.firstFromNetwork) return true
  return mayMailGiven(ctx.config.site, to, {
    suppressed: false,
    recentMails: await countMailsSince(tx, to.mailbox, mailCapSince(now)),
  })
}

/** Where the day of the cap starts: mails queued since then count. */
export function mailCapSince(now: Date): Date {
  return new Date(now.getTime() - DAY_MS)
}

/** The same rule as mayMail, for a caller that read the facts with others in one statement. */
export function mayMailGiven(
  site: SiteConfig,
  to: Recipient,
  facts: { suppressed: boolean; recentMails: number },
): boolean {
  if (facts.suppressed) return false
  return to.firstFromNetwork || facts.recentMails < site.maxMailsPerAddress
}
