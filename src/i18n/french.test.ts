import { describe, expect, it } from 'vitest'
import { atPlace, elides, ofName } from './french.js'

describe('French joins «de» and «à» to a name', () => {
  it('elides «de» before a person whose name starts with a vowel sound', () => {
    expect(ofName('Élise Roux')).toBe('d’Élise Roux')
    expect(ofName('Yves Ordioni')).toBe('d’Yves Ordioni')
    expect(ofName('Yasmine Ali')).toBe('de Yasmine Ali')
    expect(ofName('Marie Curie')).toBe('de Marie Curie')
  })

  it('gives an institution named by a common noun its article', () => {
    expect(atPlace('Université Toulouse III')).toBe('à l’Université Toulouse III')
    expect(atPlace('Lycée Pierre-de-Fermat')).toBe('au Lycée Pierre-de-Fermat')
    expect(atPlace('Faculté de médecine')).toBe('à la Faculté de médecine')
    expect(atPlace('Hôpital Purpan')).toBe('à l’Hôpital Purpan')
    expect(ofName('Institut Pasteur')).toBe('de l’Institut Pasteur')
    expect(ofName('Centre Inria de Lyon')).toBe('du Centre Inria de Lyon')
    expect(ofName('Bibliothèque nationale')).toBe('de la Bibliothèque nationale')
  })

  it('gives a collective named by a common noun its article too', () => {
    expect(ofName('Atelier d’Écologie Politique de Toulouse (Atécopol)')).toBe(
      'de l’Atelier d’Écologie Politique de Toulouse (Atécopol)',
    )
    expect(ofName('Collectif Objection')).toBe('du Collectif Objection')
    expect(ofName('Association Sciences Citoyennes')).toBe('de l’Association Sciences Citoyennes')
  })

  it('contracts with the article a name starts with, and leaves a proper name bare', () => {
    expect(atPlace('Le Mans Université')).toBe('au Mans Université')
    expect(ofName('Le Mans Université')).toBe('du Mans Université')
    expect(atPlace('Les Mines de Paris')).toBe('aux Mines de Paris')
    expect(atPlace('La Rochelle Université')).toBe('à La Rochelle Université')
    expect(atPlace('Sorbonne Université')).toBe('à Sorbonne Université')
    expect(ofName('Inria')).toBe('d’Inria')
  })

  it('knows which words take an elided article', () => {
    expect(elides('atelier')).toBe(true)
    expect(elides('Œuvre')).toBe(true)
    expect(elides('manifeste')).toBe(false)
  })
})
