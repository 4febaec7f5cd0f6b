import { describe, expect, it } from 'vitest'
import { editDistance, suggestDomain } from './email-suggestion.js'
import { inNetworks } from './rate-limits.js'

describe('did you mean', () => {
  it('points a swapped, missing or doubled letter to the common domain', () => {
    expect(suggestDomain('gmial.com')).toBe('gmail.com')
    expect(suggestDomain('gmail.con')).toBe('gmail.com')
    expect(suggestDomain('hotmial.fr')).toBe('hotmail.fr')
    expect(suggestDomain('orage.fr')).toBe('orange.fr')
  })
  it('knows the institutional domains it is given', () => {
    expect(suggestDomain('univ-tlse.fr', ['univ-tlse3.fr'])).toBe('univ-tlse3.fr')
    expect(suggestDomain('univ-tlse3.fr', ['univ-tlse3.fr'])).toBeUndefined()
  })
  it('leaves alone domains that are far from every known one', () => {
    expect(suggestDomain('atecopol.org')).toBeUndefined()
    expect(suggestDomain('gmail.com')).toBeUndefined()
    expect(editDistance('ab', 'ba')).toBe(1)
  })
})

describe('allow-listed networks', () => {
  it('match IPv4, IPv4-mapped and IPv6 addresses by prefix', () => {
    expect(inNetworks('192.0.2.77', ['192.0.2.0/24'])).toBe(true)
    expect(inNetworks('::ffff:192.0.2.77', ['192.0.2.0/24'])).toBe(true)
    expect(inNetworks('192.0.3.1', ['192.0.2.0/24'])).toBe(false)
    expect(inNetworks('2001:db8:1::5', ['2001:db8::/32'])).toBe(true)
    expect(inNetworks('2001:db9::5', ['2001:db8::/32'])).toBe(false)
    expect(inNetworks('not an address', ['0.0.0.0/0'])).toBe(false)
  })
})
