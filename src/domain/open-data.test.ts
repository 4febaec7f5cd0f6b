import { describe, expect, it } from 'vitest'
import { neutraliseFormula } from './open-data.js'

describe('neutraliseFormula', () => {
  it('turns every cell a spreadsheet would run into text', () => {
    for (const cell of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x")']) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`)
    }
  })
  it('leaves ordinary text alone', () => {
    for (const cell of ['Camille', 'Université Toulouse III', '', '1 = 1', 'a-b'])
      expect(neutraliseFormula(cell)).toBe(cell)
  })
})
