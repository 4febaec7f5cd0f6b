import { describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../config.js'
import { initialOf, shownSignatory, type ShownColumns } from './display.js'

const site = loadSiteConfig(new URL('../../content', import.meta.url).pathname)

const row: ShownColumns = {
  first_name: 'Jean-Pierre',
  last_name: 'de La Fontaine',
  category: 'researcher',
  institution: 'Labo perso',
  discipline: 'Paléoclimatologie',
  title: 'Directeur de recherche',
  unit: 'GET – UMR 5563',
  email_domain: 'univ-tlse3.fr',
  display: 'full',
}

describe('how a listed signatory appears', () => {
  it('writes initials as French typesetting does', () => {
    expect(initialOf('Camille')).toBe('C.')
    expect(initialOf('Jean-Pierre')).toBe('J.-P.')
    expect(initialOf('Marie  Anne')).toBe('M. A.')
    expect(initialOf('élodie')).toBe('É.')
    expect(initialOf('de La Fontaine', { firstWordOnly: true })).toBe('D.')
  })

  it('shows everything under a full name', () => {
    const shown = shownSignatory(site, row, new Set())
    expect(shown).toMatchObject({
      firstName: 'Jean-Pierre',
      title: 'Directeur de recherche',
      unit: 'GET – UMR 5563',
      verifiedInstitution: 'Université Toulouse III – Paul Sabatier',
    })
  })

  it('shows initials and nothing that narrows the group, the institution only when it is large enough', () => {
    const small = shownSignatory(site, { ...row, display: 'initials' }, new Set())
    expect(small).toEqual({
      display: 'initials',
      firstName: 'J.-P.',
      lastName: 'D.',
      category: '',
      institution: '',
      discipline: '',
      title: '',
      unit: '',
      verifiedInstitution: undefined,
    })
    const large = shownSignatory(site, { ...row, display: 'initials' }, new Set(['univ-tlse3.fr']))
    expect(large.verifiedInstitution).toBe('Université Toulouse III – Paul Sabatier')
  })

  it('withholds the name entirely, and reads an unknown stored value as withheld', () => {
    for (const display of ['withheld', 'something-else']) {
      const shown = shownSignatory(site, { ...row, display }, new Set())
      expect(shown.display).toBe('withheld')
      expect(JSON.stringify(shown)).not.toMatch(/Jean|Pierre|Fontaine|J\.|GET|Directeur|Paléo|Labo/)
    }
  })
})
