import { describe, expect, it } from 'vitest'
import { ecoIndex, ecoIndexGrade } from './ecoindex.js'

describe('EcoIndex', () => {
  it('gives the published scores for the reference test cases', () => {
    expect(Math.round(ecoIndex({ domElements: 100, requests: 100, sizeKb: 100 }).score)).toBe(72)
    expect(Math.round(ecoIndex({ domElements: 240, requests: 20, sizeKb: 331 }).score)).toBe(83)
  })

  it('gives 100 to an empty page and 0 to a page beyond every last quantile', () => {
    expect(ecoIndex({ domElements: 0, requests: 0, sizeKb: 0 }).score).toBe(100)
    expect(ecoIndex({ domElements: 10 ** 7, requests: 10 ** 5, sizeKb: 10 ** 7 }).score).toBe(0)
  })

  it('falls as any of the three measures grows', () => {
    const base = ecoIndex({ domElements: 300, requests: 4, sizeKb: 20 }).score
    expect(ecoIndex({ domElements: 400, requests: 4, sizeKb: 20 }).score).toBeLessThan(base)
    expect(ecoIndex({ domElements: 300, requests: 5, sizeKb: 20 }).score).toBeLessThan(base)
    expect(ecoIndex({ domElements: 300, requests: 4, sizeKb: 30 }).score).toBeLessThan(base)
  })

  it('grades A above 80, B above 70, down to G', () => {
    expect(ecoIndexGrade(85)).toBe('A')
    expect(ecoIndexGrade(80)).toBe('B')
    expect(ecoIndexGrade(72)).toBe('B')
    expect(ecoIndexGrade(56)).toBe('C')
    expect(ecoIndexGrade(5)).toBe('G')
  })
})
