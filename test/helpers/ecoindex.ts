// EcoIndex (GreenIT / Collectif Conception Numérique Responsable): a score out of 100
// from three measures of a page, placed within quantiles of the HTTP Archive
// population. The quantile tables are the published reference data of
// cnumr/ecoindex_reference (ecoindex_reference.json); the weights 3 (DOM), 2
// (requests), 1 (size) are those of the published method.

const QUANTILES = {
  dom: [
    0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479,
    594601,
  ],
  requests: [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920],
  /** Transferred size in KB (1 KB = 1024 bytes). */
  sizeKb: [
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08,
    2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
  ],
} as const

/** Lower bound of each grade, best first. */
const GRADES: [number, string][] = [
  [80, 'A'],
  [70, 'B'],
  [55, 'C'],
  [40, 'D'],
  [25, 'E'],
  [10, 'F'],
  [0, 'G'],
]

/** Where a value sits in a quantile table: the index of its interval plus how far into it. */
function quantilePosition(table: readonly number[], value: number): number {
  for (let i = 1; i < table.length; i++) {
    if (value < table[i]!) return i - 1 + (value - table[i - 1]!) / (table[i]! - table[i - 1]!)
  }
  return table.length - 1
}

export interface EcoIndex {
  /** 0–100, unrounded. */
  score: number
  grade: string
}

export function ecoIndex(measures: { domElements: number; requests: number; sizeKb: number }): EcoIndex {
  const dom = quantilePosition(QUANTILES.dom, measures.domElements)
  const req = quantilePosition(QUANTILES.requests, measures.requests)
  const size = quantilePosition(QUANTILES.sizeKb, measures.sizeKb)
  const score = 100 - (5 * (3 * dom + 2 * req + size)) / 6
  return { score, grade: ecoIndexGrade(score) }
}

/** A is above 80, B above 70, and so on down to G. */
export function ecoIndexGrade(score: number): string {
  for (const [bound, grade] of GRADES) if (score > bound) return grade
  return 'G'
}
