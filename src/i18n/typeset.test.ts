import { describe, expect, it } from 'vitest'
import { typeset } from './typeset.js'

describe('typeset', () => {
  it('curls the apostrophes of a title typed with straight ones', () => {
    expect(typeset("Face à l'IA générative, l'objection de conscience", 'fr')).toBe(
      'Face à l’IA générative, l’objection de conscience',
    )
    expect(typeset("Atelier d'Écologie Politique", 'en')).toBe('Atelier d’Écologie Politique')
  })

  it('puts the non-breaking spaces of French before double signs and inside guillemets', () => {
    expect(typeset('Oui, mais : pourquoi ? Parce que ! Et ; «IA»', 'fr')).toBe(
      'Oui, mais\u00a0: pourquoi\u202f? Parce que\u202f! Et\u202f; «\u00a0IA\u00a0»',
    )
  })

  it('leaves English spacing, and the colon of a time or a URL, as they are', () => {
    expect(typeset('Facing AI: why? Now!', 'en')).toBe('Facing AI: why? Now!')
    expect(typeset('à 10:30 sur https://example.org/?q=1!', 'fr')).toBe(
      'à 10:30 sur https://example.org/?q=1\u202f!',
    )
  })
})
