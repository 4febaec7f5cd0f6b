// E-mail addresses are personal data: they are normalised once, hashed with the
// server's secret for look-ups, and kept in clear only where the mail must go.
import { createHmac } from 'node:crypto'

export interface NormalizedEmail {
  /** The address mail is sent to: trimmed, NFC, domain in lower case. */
  address: string
  domain: string
}

const MAX_LENGTH = 254

/** Normalises an address, or returns undefined when it is not one. */
export function normalizeEmail(raw: string): NormalizedEmail | undefined {
  const trimmed = raw.normalize('NFC').trim()
  if (trimmed.length === 0 || trimmed.length > MAX_LENGTH) return undefined
  const at = trimmed.lastIndexOf('@')
  if (at <= 0 || at === trimmed.length - 1) return undefined
  const local = trimmed.slice(0, at)
  const domain = trimmed.slice(at + 1).toLowerCase()
  if (local.length > 64 || /[\s<>()[\],;:"\\@]/u.test(local) || /[\p{C}]/u.test(local)) return undefined
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return undefined
  const labels = domain.split('.')
  if (labels.length < 2) return undefined
  for (const label of labels) {
    if (!/^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(label)) return undefined
  }
  if (!/^\p{L}{2,}$/u.test(labels.at(-1)!) && !/^xn--[a-z0-9-]+$/.test(labels.at(-1)!)) return undefined
  return { address: `${local}@${domain}`, domain }
}

/**
 * The key that makes one signature per address. Mailboxes are case-insensitive in
 * practice, so "Jean@x.fr" and "jean@x.fr" are one signatory.
 */
export function emailKey(secret: string, email: NormalizedEmail): string {
  return createHmac('sha256', secret).update(`email:${email.address.toLowerCase()}`).digest('base64url')
}

/** Providers that ignore dots in the local part, under their canonical domain. */
const DOTLESS_PROVIDERS: ReadonlyMap<string, string> = new Map([
  ['gmail.com', 'gmail.com'],
  ['googlemail.com', 'gmail.com'],
])

/**
 * The mailbox an address delivers to, as far as a cap on mail per recipient needs to
 * know: case folded, the `+tag` dropped (subaddressing, which most providers offer),
 * and for Gmail the dots dropped and googlemail.com read as gmail.com. It errs
 * towards one mailbox: two people at a provider that treats `a+b` as another
 * mailbox share a cap, never an inbox. For counting mail only: two addresses of one
 * mailbox are still two signatures (emailKey).
 */
export function canonicalMailbox(email: NormalizedEmail): string {
  const at = email.address.lastIndexOf('@')
  let local = email.address.slice(0, at).toLowerCase()
  const plus = local.indexOf('+')
  if (plus > 0) local = local.slice(0, plus)
  const provider = DOTLESS_PROVIDERS.get(email.domain)
  if (provider) return `${local.replaceAll('.', '')}@${provider}`
  return `${local}@${email.domain}`
}

/** The keyed hash of an address's mailbox (canonicalMailbox): what per-recipient caps count. */
export function mailboxKey(secret: string, email: NormalizedEmail): string {
  return createHmac('sha256', secret)
    .update(`mailbox:${canonicalMailbox(email)}`)
    .digest('base64url')
}
