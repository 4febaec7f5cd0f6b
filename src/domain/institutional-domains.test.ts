import { describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../config.js'
import { isInstitutionalDomain } from './institutional-domains.js'

const site = loadSiteConfig('content')

describe('isInstitutionalDomain', () => {
  it('recognises the configured higher-education, research and school domains', () => {
    for (const d of ['univ-tlse3.fr', 'etu.univ-grenoble-alpes.fr', 'cnrs.fr', 'lab.cnrs.fr', 'inria.fr', 'ac-toulouse.fr', 'education.gouv.fr', 'u-bordeaux.fr', 'ens.fr']) {
      expect(isInstitutionalDomain(site, d), d).toBe(true)
    }
  })
  it('refuses webmail and look-alike domains', () => {
    for (const d of ['gmail.com', 'cnrs.fr.evil.com', 'notcnrs.fr', 'univ-tlse3.fr.example', 'a.b.ac-x.fr.com', 'laposte.net']) {
      expect(isInstitutionalDomain(site, d), d).toBe(false)
    }
  })
  it('lets "*" stand for characters inside one label only', () => {
    expect(isInstitutionalDomain(site, 'ac-versailles.fr')).toBe(true)
    expect(isInstitutionalDomain(site, 'ac-a.b.fr')).toBe(false)
  })
})
