import { describe, expect, it } from 'vitest'
import { emailKey, normalizeEmail } from './normalize-email.js'

describe('normalizeEmail', () => {
  it('trims, lower-cases the domain and keeps the local part as typed', () => {
    expect(normalizeEmail('  Jean.Dupont@Univ-Tlse3.FR ')).toEqual({
      address: 'Jean.Dupont@univ-tlse3.fr',
      domain: 'univ-tlse3.fr',
    })
  })

  it('applies Unicode NFC so that composed and decomposed accents are one address', () => {
    const composed = normalizeEmail('zoé@exemple.fr')!
    const decomposed = normalizeEmail('zoe\u0301@exemple.fr')!
    expect(decomposed.address).toBe(composed.address)
  })

  it.each([
    '',
    'plain',
    '@exemple.fr',
    'a@',
    'a@b',
    'a b@exemple.fr',
    'a@exemple..fr',
    'a@-exemple.fr',
    '.a@exemple.fr',
    'a@exemple.f',
    `${'a'.repeat(65)}@exemple.fr`,
    'a@exemple.fr\r\nBcc: x@y.fr',
    'a<b>@exemple.fr',
  ])('refuses %j', (raw) => {
    expect(normalizeEmail(raw)).toBeUndefined()
  })
})

describe('emailKey', () => {
  it('is the same for addresses that differ only by case, and differs by secret', () => {
    const a = normalizeEmail('Camille@CNRS.fr')!
    const b = normalizeEmail('camille@cnrs.fr')!
    expect(emailKey('s'.repeat(32), a)).toBe(emailKey('s'.repeat(32), b))
    expect(emailKey('t'.repeat(32), a)).not.toBe(emailKey('s'.repeat(32), a))
  })

  it('does not contain the address', () => {
    expect(emailKey('s'.repeat(32), normalizeEmail('camille@cnrs.fr')!)).not.toMatch(/camille|cnrs/)
  })
})
