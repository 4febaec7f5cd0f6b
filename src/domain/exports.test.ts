import { describe, expect, it } from 'vitest'
import { neutraliseFormula } from './exports.js'

describe('CSV cells', () => {
  it('cannot run as spreadsheet formulas', () => {
    for (const v of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\t=1', '\r=1'])
      expect(neutraliseFormula(v)).toBe(`'${v}`)
    for (const v of ['Camille', '', 'a=b', '1-2']) expect(neutraliseFormula(v)).toBe(v)
  })
})
