// Links mailed to signatories carry a random token; the database keeps only its
// hash, so a copy of the database cannot be used to confirm or edit anyone.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { AppError } from './errors.js'

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
  return sameSecret(csrfFor(secret, tokenHash), value)
}

/** A value the site made (a CSRF value, a link's key, a token) against one given, in constant time. */
export function sameSecret(expected: string, given: string | undefined): boolean {
  if (!given) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The key of a signatory's link that stops something mailed to them (news, relayed
 * debate messages): derived from the site's secret, so the link needs no stored token,
 * and nobody can guess another signatory's.
 */
export function stopLinkKey(
  secret: string,
  purpose: 'news-stop' | 'debate-stop',
  signatureId: number,
): string {
  return createHmac('sha256', secret).update(`${purpose}:${signatureId}`).digest('base64url')
}

/** Checks a stop link; throws token_invalid when it is not one the site made. */
export function checkStopLinkKey(
  secret: string,
  purpose: 'news-stop' | 'debate-stop',
  signatureId: number,
  key: string,
): void {
  if (!Number.isSafeInteger(signatureId) || !sameSecret(stopLinkKey(secret, purpose, signatureId), key))
    throw new AppError('token_invalid')
}
