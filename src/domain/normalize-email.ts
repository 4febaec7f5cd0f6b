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
  if (local.length > 64 || /[\s<>()\[\],;:"\\@]/u.test(local) || /[\p{C}]/u.test(local)) return undefined
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
  return createHmac('sha256', secret).update('email:' + email.address.toLowerCase()).digest('base64url')
}
