import { describe, expect, it } from 'vitest'
import { acceptsLocale, negotiateEncoding, negotiateLocale, weightedRanges } from './accept.js'

describe('weighted ranges of an Accept-* header', () => {
  it('read names and weights without regard to case or spaces, a bad weight as a refusal', () => {
    expect(weightedRanges('gzip, BR ; Q = 0.5,, fr-CA;level=1;q=0.8, x;q=abc')).toEqual([
      { range: 'gzip', q: 1 },
      { range: 'br', q: 0.5 },
      { range: 'fr-ca', q: 0.8 },
      { range: 'x', q: 0 },
    ])
    expect(weightedRanges(undefined)).toEqual([])
  })
})

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, among the codings accepted with a weight above 0', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiateEncoding('br;q=0.001')).toBe('br')
    expect(negotiateEncoding('*')).toBe('br')
    expect(negotiateEncoding('deflate')).toBeUndefined()
    expect(negotiateEncoding('identity')).toBeUndefined()
    expect(negotiateEncoding(undefined)).toBeUndefined()
  })

  it('never sends brotli to a client that refuses it with q=0, even when * accepts everything', () => {
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip')
    expect(negotiateEncoding('gzip;q=1.0, br;q=0')).toBe('gzip')
    expect(negotiateEncoding('BR ; Q = 0, gzip')).toBe('gzip')
    expect(negotiateEncoding('br;q=0.0, gzip;q=0.5')).toBe('gzip')
    expect(negotiateEncoding('*, br;q=0')).toBe('gzip')
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeUndefined()
  })
})

describe('negotiateLocale', () => {
  const locales = ['fr', 'en']
  it('follows quality values', () => {
    expect(negotiateLocale('en-GB,en;q=0.9,fr;q=0.8', locales, 'fr')).toBe('en')
    expect(negotiateLocale('de-DE,fr;q=0.5,en;q=0.4', locales, 'fr')).toBe('fr')
    expect(negotiateLocale('en;q=0.2,fr;q=0.9', locales, 'fr')).toBe('fr')
    expect(negotiateLocale('de, *;q=0.5, en;q=0.4', locales, 'fr')).toBe('fr')
  })
  it('falls back to the default locale', () => {
    expect(negotiateLocale(undefined, locales, 'fr')).toBe('fr')
    expect(negotiateLocale('de,es', locales, 'fr')).toBe('fr')
    expect(negotiateLocale('en;q=0', locales, 'fr')).toBe('fr')
    expect(negotiateLocale('en ; q = 0', locales, 'fr')).toBe('fr')
  })
})

describe('acceptsLocale', () => {
  it('accepts a locale read at any weight, or covered by *, but not one refused with q=0', () => {
    expect(acceptsLocale('en-US,en;q=0.9,fr;q=0.8', 'fr')).toBe(true)
    expect(acceptsLocale('de, *;q=0.1', 'fr')).toBe(true)
    expect(acceptsLocale('en, fr;q=0', 'fr')).toBe(false)
    expect(acceptsLocale(undefined, 'fr')).toBe(false)
  })
})
