// Links mailed to signatories carry a random token; the database keeps only its
// hash, so a copy of the database cannot be used to confirm or edit anyone.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** 256 random bits, URL-safe. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** Tokens we issue are 43 base64url characters; anything else is refused before any look-up. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value)
}

/**
 * A per-link CSRF value: forms that act on a mailed link carry it, so a page on
 * another site cannot make a visitor's browser post to that link.
 */
export function csrfFor(secret: string, tokenHash: string): string {
  return createHmac('sha256', secret).update(`csrf:${tokenHash}`).digest('base64url')
}

export function checkCsrf(secret: string, tokenHash: string, value: string | undefined): boolean {
  if (!value) return false
  const expected = Buffer.from(csrfFor(secret, tokenHash))
  const given = Buffer.from(value)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
