import { describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../config.js'
import type { ShownColumns } from './display.js'
import { toPublicSignature } from './public-list.js'
import { entryText } from './publication-list.js'

const site = loadSiteConfig(new URL('../../content', import.meta.url).pathname)

const row = (columns: Partial<ShownColumns>) =>
  toPublicSignature(
    site,
    {
      id: 1,
      confirmed_at: '2026-11-28T10:00:00.000Z',
      first_name: 'Léa',
      last_name: 'Garnier',
      category: 'teacher',
      institution: '',
      discipline: '',
      title: '',
      unit: '',
      email_domain: 'gmail.com',
      display: 'full',
      ...columns,
    },
    new Set(),
  )

describe('an entry of the list for publication', () => {
  it('names a teacher’s school, as typed, within the académie her address proves', () => {
    const s = row({
      email_domain: 'ac-toulouse.fr',
      institution: 'Lycée Pierre-de-Fermat',
      title: 'Professeure agrégée',
    })
    expect(entryText(s)).toBe(
      'Léa Garnier, Professeure agrégée, Lycée Pierre-de-Fermat, Académie de Toulouse',
    )
    // Under the académie's heading, the school still says where she teaches.
    expect(entryText(s, false)).toBe('Léa Garnier, Professeure agrégée, Lycée Pierre-de-Fermat')
  })

  it('does not repeat a verified institution typed again, whole or in part', () => {
    for (const typed of ['Université Toulouse III – Paul Sabatier', 'université toulouse III', ''])
      expect(entryText(row({ email_domain: 'univ-tlse3.fr', institution: typed }))).toBe(
        'Léa Garnier, Université Toulouse III – Paul Sabatier',
      )
  })

  it('keeps what was typed beside a verified institution it does not name', () => {
    expect(entryText(row({ email_domain: 'cnrs.fr', institution: 'Université Toulouse III' }))).toBe(
      'Léa Garnier, Université Toulouse III, CNRS',
    )
  })

  it('gives the institution typed alone when the address proves none', () => {
    expect(entryText(row({ institution: 'Lycée Pierre-de-Fermat' }))).toBe(
      'Léa Garnier, Lycée Pierre-de-Fermat',
    )
  })
})
