import { describe, expect, it } from 'vitest'
import { editDistance, suggestDomain } from './email-suggestion.js'

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
