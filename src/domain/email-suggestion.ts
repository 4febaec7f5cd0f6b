// "Did you mean …?": a typed domain one or two keystrokes away from a common mail
// provider or a known institutional domain is probably a typo. The signatory is
// shown the suggestion and chooses; the address is never changed for them.
import { derivedOnce } from '../derived-once.js'

const COMMON_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.fr',
  'hotmail.com',
  'hotmail.fr',
  'outlook.com',
  'outlook.fr',
  'live.com',
  'live.fr',
  'msn.com',
  'icloud.com',
  'me.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'laposte.net',
  'neuf.fr',
  'bbox.fr',
  'numericable.fr',
  'protonmail.com',
  'proton.me',
  'gmx.fr',
  'gmx.com',
  'gmx.de',
  'aol.com',
  'riseup.net',
  'posteo.net',
  'mailo.com',
  'cnrs.fr',
  'inria.fr',
  'inserm.fr',
  'inrae.fr',
  'ird.fr',
  'cea.fr',
]

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
  for (let j = 0; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  }
  return d[a.length]![b.length]!
}

/**
 * The known domain the typed one is most likely a typo of, or undefined when it is
 * known itself or nothing is close. Short domains allow one edit, longer ones two.
 */
export function suggestDomain(domain: string, extraKnown: readonly string[] = []): string | undefined {
  const typed = domain.toLowerCase()
  const known = knownDomains(extraKnown)
  if (known.has(typed)) return undefined
  // People of one institution sign with one domain: its answer is worked out once.
  const remembered = suggestionsOf(known)
  if (remembered.has(typed)) return remembered.get(typed) ?? undefined
  const suggestion = closestKnown(typed, known)
  if (remembered.size >= SUGGESTIONS_KEPT) remembered.delete(remembered.keys().next().value!)
  remembered.set(typed, suggestion ?? null)
  return suggestion
}

/** Domains whose suggestion is remembered (the oldest forgotten first): bounded, as domains are typed by anyone. */
const SUGGESTIONS_KEPT = 10_000
const suggestionsByList = new WeakMap<Set<string>, Map<string, string | null>>()
function suggestionsOf(known: Set<string>): Map<string, string | null> {
  let map = suggestionsByList.get(known)
  if (!map) {
    map = new Map()
    suggestionsByList.set(known, map)
  }
  return map
}

function closestKnown(typed: string, known: Set<string>): string | undefined {
  const allowed = typed.length <= 8 ? 1 : 2
  let best: { domain: string; distance: number } | undefined
  for (const candidate of known) {
    if (Math.abs(candidate.length - typed.length) > allowed) continue
    const distance = editDistance(typed, candidate)
    if (distance <= allowed && (!best || distance < best.distance)) best = { domain: candidate, distance }
  }
  return best?.domain
}

// The site's list is read once; every signature is checked against it.
const knownDomains = derivedOnce(
  (extraKnown: readonly string[]) =>
    new Set([...COMMON_DOMAINS, ...extraKnown.map((d) => d.toLowerCase()).filter((d) => !d.includes('*'))]),
)
