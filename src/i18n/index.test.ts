import { describe, expect, it } from 'vitest'
import en from './en.js'
import fr from './fr.js'
import { negotiateLocale } from './index.js'

describe('negotiateLocale', () => {
  const locales = ['fr', 'en']
  it('follows quality values', () => {
    expect(negotiateLocale('en-GB,en;q=0.9,fr;q=0.8', locales, 'fr')).toBe('en')
    expect(negotiateLocale('de-DE,fr;q=0.5,en;q=0.4', locales, 'fr')).toBe('fr')
    expect(negotiateLocale('en;q=0.2,fr;q=0.9', locales, 'fr')).toBe('fr')
  })
  it('falls back to the default locale', () => {
    expect(negotiateLocale(undefined, locales, 'fr')).toBe('fr')
    expect(negotiateLocale('de,es', locales, 'fr')).toBe('fr')
    expect(negotiateLocale('en;q=0', locales, 'fr')).toBe('fr')
  })
})

describe('message catalogues', () => {
  it('translate every key, with no empty string', () => {
    const walk = (a: Record<string, unknown>, b: Record<string, unknown>, path: string) => {
      expect(Object.keys(b).sort(), path).toEqual(Object.keys(a).sort())
      for (const [k, v] of Object.entries(a)) {
        if (typeof v === 'string') expect((b[k] as string).length, `${path}.${k}`).toBeGreaterThan(0)
        else if (v && typeof v === 'object')
          walk(v as Record<string, unknown>, b[k] as Record<string, unknown>, `${path}.${k}`)
        else expect(typeof b[k], `${path}.${k}`).toBe(typeof v)
      }
    }
    walk(fr as unknown as Record<string, unknown>, en as unknown as Record<string, unknown>, '')
  })
})
