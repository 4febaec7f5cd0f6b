// The Accept-* headers a browser sends to say what it prefers: Accept-Encoding for
// compression, Accept-Language for the language of a page. Both are lists of ranges
// with weights (RFC 9110 §12.4.2), read here by one parser.

export type Encoding = 'br' | 'gzip'

/**
 * The ranges of an Accept-* header with their weights, in the order given: names and
 * parameters lower-cased, spaces ignored (`BR ; Q = 0` is `br` with q 0). A range
 * without q has q 1; a q that is not a number counts as 0, refusing rather than guessing.
 */
export function weightedRanges(header: string | undefined): { range: string; q: number }[] {
  const ranges: { range: string; q: number }[] = []
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';')
    const range = name.trim()
    if (!range) continue
    const qParam = params.map((p) => p.replace(/\s+/g, '')).find((p) => p.startsWith('q='))
    const q = qParam === undefined ? 1 : Number(qParam.slice(2))
    ranges.push({ range, q: Number.isFinite(q) ? q : 0 })
  }
  return ranges
}

/**
 * The best encoding the client accepts (brotli first), or undefined for the plain body.
 * A coding is accepted when listed with a q above 0, or covered by `*` with one;
 * `br;q=0` refuses brotli even when `*` is accepted.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined
  const q = new Map<string, number>()
  for (const { range, q: weight } of weightedRanges(acceptEncoding)) q.set(range, weight)
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0
  if (accepts('br')) return 'br'
  if (accepts('gzip')) return 'gzip'
  return undefined
}

/** The primary language subtag of a range: "en-GB" → "en", "*" stays "*". */
const primary = (range: string) => range.split('-')[0]!

/** Whether an Accept-Language header accepts a locale at any weight (`*` accepts every one). */
export function acceptsLocale(header: string | undefined, locale: string): boolean {
  return weightedRanges(header).some(({ range, q }) => q > 0 && (primary(range) === locale || range === '*'))
}

/**
 * The best of `locales` for an Accept-Language header (primary subtags only; `*`
 * stands for `fallback`), or `fallback` when nothing matches.
 */
export function negotiateLocale(
  header: string | undefined,
  locales: readonly string[],
  fallback: string,
): string {
  let best = fallback
  let bestQ = 0
  for (const { range, q } of weightedRanges(header)) {
    const candidate = range === '*' ? fallback : primary(range)
    if (q > bestQ && locales.includes(candidate)) {
      best = candidate
      bestQ = q
    }
  }
  return best
}
