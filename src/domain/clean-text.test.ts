import { describe, expect, it } from 'vitest'
import { cleanLine, cleanParagraphs, searchKey } from './clean-text.js'

describe('cleanLine', () => {
  it('normalises names to NFC', () => {
    expect(cleanLine('Zoe\u0301')).toBe('Zoé')
  })

  it('strips right-to-left overrides and zero-width characters', () => {
    expect(cleanLine('Jean\u202E nitraM')).toBe('Jean nitraM')
    expect(cleanLine('Ma\u200Brie\uFEFF')).toBe('Marie')
  })

  it('replaces control characters and collapses spaces', () => {
    expect(cleanLine('  Jean\r\n\tPaul\u0007  ')).toBe('Jean Paul')
  })

  it('drops lone surrogates', () => {
    expect(cleanLine('A\uD800B')).toBe('AB')
    expect(cleanLine('😀')).toBe('😀')
  })
})

describe('cleanParagraphs', () => {
  it('keeps single line breaks and at most one blank line', () => {
    expect(cleanParagraphs('un\r\ndeux\n\n\n\ntrois')).toBe('un\ndeux\n\ntrois')
  })
})

describe('searchKey', () => {
  it('ignores accents and case', () => {
    expect(searchKey('Université PAUL Sabatier')).toBe('universite paul sabatier')
  })
})
