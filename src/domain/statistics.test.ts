import { describe, expect, it } from 'vitest'
import { loadSiteConfig } from '../config.js'
import { academyOf } from './academies.js'
import { milestonesOf } from './milestones.js'
import { growth, institutionTypeStatistics, schoolStatistics } from './statistics.js'

// The shipped content: min_group_size 5.
const site = loadSiteConfig(new URL('../../content', import.meta.url).pathname)

describe('growth', () => {
  it('accumulates by day over a short campaign', () => {
    expect(
      growth([
        { day: '2026-11-28', count: 3 },
        { day: '2026-11-30', count: 2 },
      ]),
    ).toEqual([
      { start: '2026-11-28', count: 3, cumulative: 3 },
      { start: '2026-11-30', count: 2, cumulative: 5 },
    ])
  })
  it('groups by week, from Monday, over a long one', () => {
    const points = growth(
      [
        { day: '2026-01-01', count: 1 }, // a Thursday
        { day: '2026-01-04', count: 1 }, // the Sunday of the same week
        { day: '2026-06-01', count: 4 }, // a Monday
      ],
      90,
    )
    expect(points).toEqual([
      { start: '2025-12-29', count: 2, cumulative: 2 },
      { start: '2026-06-01', count: 4, cumulative: 6 },
    ])
  })
})

describe('milestonesOf', () => {
  it('dates each threshold by the first day the total reached it', () => {
    const days = [
      { day: '2026-11-29', count: 60 },
      { day: '2026-11-28', count: 50 },
      { day: '2026-11-30', count: 500 },
    ]
    expect(milestonesOf(days, [100, 500, 1000])).toEqual([
      { threshold: 100, day: '2026-11-29' },
      { threshold: 500, day: '2026-11-30' },
    ])
  })
})

describe('school addresses by académie', () => {
  it('finds the académie in the domain or a subdomain of it, former académies in the one they joined', () => {
    expect(academyOf('ac-toulouse.fr')?.region).toBe('occitanie')
    expect(academyOf('AC-Nancy-Metz.fr')?.name).toBe('Nancy-Metz')
    expect(academyOf('lycee.ac-lyon.fr')?.key).toBe('lyon')
    expect(academyOf('ac-caen.fr')?.key).toBe('normandie')
    expect(academyOf('ac-atlantis.fr')).toBeUndefined()
    expect(academyOf('mac-toulouse.fr')).toBeUndefined()
    expect(academyOf('ac-toulouse.fr.example.com')).toBeUndefined()
  })

  it('names académies from five signatures, the rest together, the total exact', () => {
    const schools = schoolStatistics(
      site,
      new Map([
        ['ac-creteil.fr', 5],
        ['ac-paris.fr', 6],
        ['ac-caen.fr', 1],
        ['gmail.com', 40],
      ]),
    )
    expect(schools).toEqual({
      total: 12,
      byAcademy: [
        { key: 'paris', name: 'Paris', count: 6 },
        { key: 'creteil', name: 'Créteil', count: 5 },
      ],
      otherAcademies: null,
    })
  })

  it('does not name an académie whose count, less the domains the institutions’ pages name, gives away a small group', () => {
    const schools = schoolStatistics(
      site,
      new Map([
        // Normandie gathers its former académies' domains: Caen (6) is named on the
        // institutions' pages, so Normandie (8) would say that ac-rouen.fr has 2.
        ['ac-caen.fr', 6],
        ['ac-rouen.fr', 2],
        // A school's subdomain beside its académie's domain, the same way.
        ['ac-lyon.fr', 9],
        ['lycee-ampere.ac-lyon.fr', 3],
        // Both large enough: nothing left unnamed, the académie is named.
        ['ac-nantes.fr', 5],
        ['lycee.ac-nantes.fr', 7],
        // One domain, as on the institutions' pages.
        ['ac-toulouse.fr', 6],
        ['ac-montpellier.fr', 2],
      ]),
    )
    expect(schools?.byAcademy).toEqual([
      { key: 'nantes', name: 'Nantes', count: 12 },
      { key: 'toulouse', name: 'Toulouse', count: 6 },
    ])
    expect(schools?.otherAcademies).toBe(22)
  })

  it('is absent when no school address signed', () => {
    expect(schoolStatistics(site, new Map([['cnrs.fr', 9]]))).toBeUndefined()
  })
})

describe('institutions by kind', () => {
  it('counts each institutional domain under the first kind that covers it, others apart, small kinds unsaid', () => {
    const byType = institutionTypeStatistics(
      site,
      new Map([
        ['univ-tlse3.fr', 4],
        ['etu.univ-grenoble-alpes.fr', 3],
        ['cnrs.fr', 2],
        ['ac-toulouse.fr', 7],
        ['college-de-france.fr', 1],
        ['chu-toulouse.fr', 1],
        ['enseignementsup-recherche.gouv.fr', 6],
        ['gmail.com', 50],
      ]),
    )
    expect(Object.fromEntries(byType.map((t) => [t.key ?? 'none', t.count]))).toEqual({
      universities: 7,
      research: null,
      'grandes-ecoles': null,
      schools: 7,
      hospitals: null,
      none: 6,
    })
  })
})
