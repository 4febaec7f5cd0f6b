import { describe, expect, it } from 'vitest'
import { csvLines, neutraliseFormula } from './csv.js'

describe('CSV cells', () => {
  it('turn every cell a spreadsheet would run into text', () => {
    for (const cell of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x")'])
      expect(neutraliseFormula(cell)).toBe(`'${cell}`)
  })

  it('leave ordinary text alone', () => {
    for (const cell of ['Camille', 'Université Toulouse III', '', '1 = 1', 'a-b', 'a=b', '1-2'])
      expect(neutraliseFormula(cell)).toBe(cell)
  })

  it('are neutralised in every row written, quoted where CSV needs it', () => {
    expect(
      csvLines([
        ['first_name', 'comment'],
        ['Camille', '=1+1'],
        ['@Lou', 'oui, "mais"'],
      ]),
    ).toBe(`first_name,comment\nCamille,'=1+1\n'@Lou,"oui, ""mais"""\n`)
  })
})
