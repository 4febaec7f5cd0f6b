import { describe, expect, it } from 'vitest'
import { checkCsrf, csrfFor, hashToken, looksLikeToken, newToken } from './tokens.js'

describe('tokens', () => {
  it('carry 256 random bits in 43 URL-safe characters, never twice the same', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 1000; i++) {
      const { token } = newToken()
      expect(looksLikeToken(token)).toBe(true)
      seen.add(token)
    }
    expect(seen.size).toBe(1000)
  })

  it('are stored as a hash that does not reveal them', () => {
    const { token, hash } = newToken()
    expect(hash).toBe(hashToken(token))
    expect(hash).not.toBe(token)
  })

  it('refuse anything that is not shaped like one of ours before any look-up', () => {
    expect(looksLikeToken('../../etc/passwd')).toBe(false)
    expect(looksLikeToken('a'.repeat(42))).toBe(false)
    expect(looksLikeToken("a'or'1'='1".padEnd(43, 'a'))).toBe(false)
  })

  it('bind the CSRF value to one link and one secret', () => {
    const secret = 'x'.repeat(32)
    const value = csrfFor(secret, 'hash-a')
    expect(checkCsrf(secret, 'hash-a', value)).toBe(true)
    expect(checkCsrf(secret, 'hash-b', value)).toBe(false)
    expect(checkCsrf('y'.repeat(32), 'hash-a', value)).toBe(false)
    expect(checkCsrf(secret, 'hash-a', undefined)).toBe(false)
  })
})
