import { describe, expect, it } from 'vitest'
import en from './en.js'
import fr from './fr.js'

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
