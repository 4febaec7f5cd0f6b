import { describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../config.js'
import {
  isInstitutionalDomain,
  typedInstitutionMismatches,
  verifiedInstitutionOf,
} from './institutional-domains.js'

const site = loadSiteConfig('content')

describe('isInstitutionalDomain', () => {
  it('recognises the configured higher-education, research and school domains', () => {
    for (const d of [
      'univ-tlse3.fr',
      'etu.univ-grenoble-alpes.fr',
      'cnrs.fr',
      'lab.cnrs.fr',
      'inria.fr',
      'ac-toulouse.fr',
      'education.gouv.fr',
      'u-bordeaux.fr',
      'ens.fr',
    ]) {
      expect(isInstitutionalDomain(site, d), d).toBe(true)
    }
  })
  it('refuses webmail and look-alike domains', () => {
    for (const d of [
      'gmail.com',
      'cnrs.fr.evil.com',
      'notcnrs.fr',
      'univ-tlse3.fr.example',
      'a.b.ac-x.fr.com',
      'laposte.net',
    ]) {
      expect(isInstitutionalDomain(site, d), d).toBe(false)
    }
  })
  it('lets "*" stand for characters inside one label only', () => {
    expect(isInstitutionalDomain(site, 'ac-versailles.fr')).toBe(true)
    expect(isInstitutionalDomain(site, 'ac-a.b.fr')).toBe(false)
  })
})

describe('verifiedInstitutionOf', () => {
  it('names a domain of content/institutions.toml, and its subdomains, by its canonical name', () => {
    expect(verifiedInstitutionOf(site, 'ut-capitole.fr')).toBe('Université Toulouse Capitole')
    expect(verifiedInstitutionOf(site, 'etu.univ-grenoble-alpes.fr')).toBe('Université Grenoble Alpes')
    expect(verifiedInstitutionOf(site, 'lab.cnrs.fr')).toBe('CNRS')
  })
  it('shows the domain itself when only a pattern makes it institutional, nothing for webmail', () => {
    expect(verifiedInstitutionOf(site, 'univ-harvard.fr')).toBe('univ-harvard.fr')
    expect(verifiedInstitutionOf(site, 'gmail.com')).toBeUndefined()
  })
  it('names a school address by its académie, as a newspaper prints it, not by its domain', () => {
    expect(verifiedInstitutionOf(site, 'ac-versailles.fr')).toBe('Académie de Versailles')
    expect(verifiedInstitutionOf(site, 'ac-amiens.fr')).toBe('Académie d’Amiens')
    expect(verifiedInstitutionOf(site, 'ac-martinique.fr')).toBe('Académie de la Martinique')
    expect(verifiedInstitutionOf(site, 'ac-caen.fr')).toBe('Académie de Normandie')
    expect(verifiedInstitutionOf(site, 'ac-atlantis.fr')).toBe('ac-atlantis.fr')
  })
})

describe('typedInstitutionMismatches', () => {
  it('flags a typed institution that shares no distinctive word with the verified one', () => {
    expect(typedInstitutionMismatches(site, 'univ-tlse3.fr', 'Harvard University, Prix Nobel')).toBe(true)
    expect(typedInstitutionMismatches(site, 'univ-harvard.fr', 'MIT')).toBe(true)
  })
  it('accepts the institution named in other words, a lab beside it, or nothing typed', () => {
    expect(typedInstitutionMismatches(site, 'univ-tlse3.fr', 'IRIT, Université Toulouse III')).toBe(false)
    expect(typedInstitutionMismatches(site, 'univ-tlse3.fr', 'université paul-sabatier')).toBe(false)
    expect(typedInstitutionMismatches(site, 'cnrs.fr', 'Labo du CNRS')).toBe(false)
    expect(typedInstitutionMismatches(site, 'univ-harvard.fr', 'Univ. Harvard (sic)')).toBe(false)
    expect(typedInstitutionMismatches(site, 'univ-tlse3.fr', '')).toBe(false)
  })
  it('never flags a webmail address, which claims no institution', () => {
    expect(typedInstitutionMismatches(site, 'gmail.com', 'Harvard')).toBe(false)
  })
})
