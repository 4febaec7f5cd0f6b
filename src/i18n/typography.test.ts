// Walks every message of both catalogues through the typographic rules a reader of
// each language expects, so that a string added later cannot quietly break them.
// Functions are called with the values that catch the usual mistakes: 0, 1, 2, 21 and
// 1 000 for numbers (a plural, a thousands separator), and names that start with a
// vowel or with a common noun that wants an article («Élise», «Université…», «Lycée…»).
import { describe, expect, it } from 'vitest'
import { type Catalogue, parameterUses } from './catalogue.js'
import { catalogueOf, messagesFor, reference } from './index.js'

const fr = messagesFor('fr')
const en = messagesFor('en')

const NUMBERS = [0, 1, 2, 21, 1000]
const PEOPLE = ['Élise Roux', 'Yves Ordioni', 'Marie Curie']
const INSTITUTIONS = [
  'Université Toulouse III',
  'Lycée Pierre-de-Fermat',
  'École normale supérieure',
  'Institut de physique du globe',
  'Le Mans Université',
  'Sorbonne Université',
]
const TITLE = 'Face à l’IA générative, l’objection de conscience'

// What each parameter of the catalogues' messages stands for, by its name: a new
// parameter name makes the walk fail below until it is given samples here.
const numeric = new Set(['n', 'k', 'max', 'total', 'listed', 'size', 'count', 'hours', 'minutes', 'days'])
for (const name of ['seconds', 'traceDays', 'invalidatedDays', 'auditDays', 'target', 'minutes'])
  numeric.add(name)
// How many organisations sign (the list for publication's totals).
numeric.add('organisations')
const samples: Record<string, readonly unknown[]> = {
  date: ['1er novembre 2026', '21 novembre 2026'],
  hour: [9, 14],
  minute: [5, 30],
  first: ['1er novembre 2026'],
  last: ['21 novembre 2026'],
  title: [TITLE],
  site: [TITLE],
  label: ['Adresse électronique'],
  error: ['Ce champ est obligatoire.'],
  words: ['J’ai signé'],
  url: ['https://exemple.org/fr/'],
  pngUrl: ['https://exemple.org/kit/badge.png'],
  file: ['badge-main-levee-fr-colour.png'],
  instance: ['mastodon.social'],
  name: PEOPLE,
  initials: ['C. D.', 'J.-P. É.'],
  format: ['PDF', 'DOCX'],
  org: ['Atelier d’Écologie Politique de Toulouse (Atécopol)'],
  q: ['Élise'],
  domain: ['univ-exemple.fr'],
  licence: ['ODbL'],
  root: ['3q2+7w'],
  // The feed's body prints its date as given.
  at: ['2026-11-01T09:05:00Z'],
  signature: ['c2lnbmF0dXJl'],
  institution: INSTITUTIONS,
  email: ['elise.roux@univ-exemple.fr'],
  ok: [true, false],
  kept: ['1 000'],
  headline: ['Le texte publié dans Le Monde', 'Un débat à l’université'],
  subject: ['Face à l’IA générative — Un débat à Toulouse'],
  lang: ['français', 'English'],
  recounted: ['999'],
}

/** Every combination of samples for these parameters, varying one at a time around the first. */
function argumentSets(path: string, names: string[]): unknown[][] {
  const pools = names.map((name) => {
    if (numeric.has(name)) return NUMBERS
    const pool = samples[name]
    if (!pool) throw new Error(`${path}: no samples for a parameter named «${name}»; add some in this test`)
    return pool
  })
  const sets: unknown[][] = []
  // Numbers move together (a sentence with two of them is read with the same value),
  // the other parameters take each of their samples in turn.
  for (const value of NUMBERS) sets.push(pools.map((pool) => (pool === NUMBERS ? value : pool[0])))
  const base = pools.map((pool) => (pool === NUMBERS ? 2 : pool[0]))
  pools.forEach((pool, i) => {
    if (pool === NUMBERS) return
    for (const value of pool.slice(1)) sets.push(base.map((b, j) => (j === i ? value : b)))
  })
  return sets
}

interface Rendered {
  path: string
  text: string
  /** The numbers passed in, to find them in the text. */
  numbers: number[]
}

/** Every message of a catalogue, those with parameters given every set of samples. */
function render(catalogue: Catalogue, messages: object): Rendered[] {
  const out: Rendered[] = []
  for (const [path, uses] of parameterUses(catalogue)) {
    const node = path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], messages)
    if (uses === 'list') for (const text of node as string[]) out.push({ path, text, numbers: [] })
    else if (typeof node === 'string') out.push({ path, text: node, numbers: [] })
    else {
      const names = [...uses.keys()]
      const sets = argumentSets(path, names)
      // A count that may be unknown (null) is also said as such.
      for (const [i, name] of names.entries())
        if (uses.get(name) === 'nullable-number') sets.push(sets[0]!.map((v, j) => (j === i ? null : v)))
      for (const args of sets) {
        const values = Object.fromEntries(names.map((name, i) => [name, args[i]]))
        const text = (node as (v: object) => unknown)(values)
        if (typeof text !== 'string') throw new Error(`${path} did not return a string`)
        out.push({ path, text, numbers: args.filter((a): a is number => typeof a === 'number') })
      }
    }
  }
  return out
}

const french = render(reference, fr)
const english = render(catalogueOf('en'), en)

/** The places where a rule is broken: the path, the faulty stretch, in context. */
function offences(rendered: Rendered[], pattern: RegExp): string[] {
  const found: string[] = []
  for (const { path, text } of rendered)
    for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)))
      found.push(`${path}: «${text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20)}»`)
  return [...new Set(found)]
}

// Countable words, as the catalogues use them after a number: singular and plural.
const nouns: Record<string, [string, string][]> = {
  fr: [
    ['signature', 'signatures'],
    ['signataire', 'signataires'],
    ['seconde', 'secondes'],
    ['minute', 'minutes'],
    ['heure', 'heures'],
    ['jour', 'jours'],
    ['ligne', 'lignes'],
    ['personne', 'personnes'],
    ['caractère', 'caractères'],
    ['erreur', 'erreurs'],
    ['établissement', 'établissements'],
    ['courriel', 'courriels'],
  ],
  en: [
    ['signature', 'signatures'],
    ['signatory', 'signatories'],
    ['e-mail', 'e-mails'],
    ['second', 'seconds'],
    ['minute', 'minutes'],
    ['hour', 'hours'],
    ['day', 'days'],
    ['line', 'lines'],
    ['person', 'people'],
    ['character', 'characters'],
    ['error', 'errors'],
    ['institution', 'institutions'],
  ],
}

/** A number passed in, followed within three words by a countable word in the wrong number. */
function pluralOffences(rendered: Rendered[], locale: 'fr' | 'en'): string[] {
  const rules = new Intl.PluralRules(locale)
  const format = new Intl.NumberFormat(locale)
  const found: string[] = []
  for (const { path, text, numbers } of rendered)
    for (const n of new Set(numbers)) {
      const written = [format.format(n), String(n)]
        .filter((w, i, all) => all.indexOf(w) === i)
        .map((w) => w.replace(/[^\d]/g, '[^\\d\\p{L}]'))
      const at = new RegExp(
        `(?<![\\d\\p{L}])(?:${written.join('|')})(?![\\d\\p{L}])((?:\\s+[\\p{L}’-]+){1,3})`,
        'gu',
      )
      for (const m of text.matchAll(at)) {
        const words = m[1]!.trim().split(/\s+/)
        for (const word of words) {
          const pair = nouns[locale]!.find(([one, other]) => word === one || word === other)
          if (!pair) continue
          const wanted = rules.select(n) === 'one' ? pair[0] : pair[1]
          if (word !== wanted) found.push(`${path} (${n}): «${m[0]}», wants «${wanted}»`)
          break
        }
      }
    }
  return [...new Set(found)]
}

/** Messages given 1 000 that print it without the locale's thousands separator. */
function unformatted(rendered: Rendered[]): string[] {
  // A checkpoint's fields are given as a verifier copies and compares them.
  const verbatim = new Set(['transparency.feedBody'])
  const raw = rendered.filter((r) => r.numbers.includes(1000) && /(?<!\d)1000(?!\d)/.test(r.text))
  return [...new Set(raw.map((r) => r.path))].filter((path) => !verbatim.has(path))
}

describe('French typography in every message', () => {
  it('puts a non-breaking space before ; : ! ?', () => {
    // A colon in a URL or a time has no space after it, and is no punctuation mark.
    expect(offences(french, /(?<![\u00a0\u202f])[;:!?](?=\s|$)/u)).toEqual([])
  })

  it('puts non-breaking spaces inside « guillemets »', () => {
    expect(offences(french, /«(?!\u00a0)|(?<!\u00a0)»/u)).toEqual([])
  })

  it('uses the typographic apostrophe', () => {
    expect(offences(french, /'/u)).toEqual([])
  })

  it('elides de, le, la, que… before a vowel («d’Élise Roux»)', () => {
    // «Y» is a vowel before a consonant (Yves), a consonant before a vowel (Yasmine);
    // «le ou la» is said in full. «Si» elides before «il» and «ils» only («si elle»,
    // «si une ligne»): the second expectation.
    const vowel = '[aeiouàâäéèêëîïôöùûüœæ]|y(?![aeiouy])'
    const pattern = new RegExp(`(?<![\\p{L}-])(?:de|le|la|que|ne|je|me|se|ce) (?=${vowel})(?!ou la)`, 'iu')
    expect(offences(french, pattern)).toEqual([])
    expect(offences(french, /(?<!\p{L})si (?=ils?(?!\p{L}))/iu)).toEqual([])
  })

  it('contracts à and de with le and les («au Lycée», «du Mans»)', () => {
    // Pronouns («de les recevoir») are lower case in our sentences; names are capitalised.
    expect(offences(french, /(?<!\p{L})(?:à|de) (?:Le|Les) /u)).toEqual([])
  })

  it('gives a common noun that names an institution its article («à l’Université…»)', () => {
    expect(
      offences(
        french,
        /(?<!\p{L})(?:à|de|d’) (?:Université|Lycée|École|Institut|Collège|Centre|Laboratoire|Faculté)(?!\p{L})/u,
      ),
    ).toEqual([])
  })

  it('agrees every counted word with its number («1 seconde», «2 secondes», «0 signature»)', () => {
    expect(pluralOffences(french, 'fr')).toEqual([])
  })

  it('writes numbers with a thin space between thousands («1 000»)', () => {
    expect(unformatted(french)).toEqual([])
  })

  it('never breaks a line between «moins de» and its number (a group too small to show)', () => {
    expect(offences(french, /(?<!\p{L})moins de[ \u202f]\d/u)).toEqual([])
  })

  it('writes the first of the month as an ordinal («1er novembre»)', () => {
    expect(fr.date('2026-11-01')).toBe('1er novembre 2026')
    expect(fr.date('2026-11-21')).toBe('21 novembre 2026')
    const months = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre'
    expect(offences(french, new RegExp(`(?<![\\d\\p{L}])1[ \u00a0\u202f](?:${months})`, 'u'))).toEqual([])
  })
})

describe('English typography in every message', () => {
  it('puts no space before ; : ! ?', () => {
    expect(offences(english, /\s[;:!?](?=\s|$)/u)).toEqual([])
  })

  it('uses the typographic apostrophe', () => {
    expect(offences(english, /'/u)).toEqual([])
  })

  it('writes numbers with a comma between thousands («1,000»)', () => {
    expect(unformatted(english)).toEqual([])
  })

  it('never breaks a line between «fewer than» and its number (a group too small to show)', () => {
    expect(offences(english, /(?<!\p{L})fewer than[ \u202f]\d/u)).toEqual([])
  })

  it('agrees every counted word with its number («1 second», «0 signatures»)', () => {
    expect(pluralOffences(english, 'en')).toEqual([])
  })
})

describe('the same duration, said the same way on the page and in the mail', () => {
  it.each([
    ['fr', fr, '48\u00a0heures'],
    ['en', en, '48 hours'],
  ] as const)('%s: the manage link’s validity', (_, m, said) => {
    expect(m.mail.manageExpiry({ hours: 48 })).toContain(said)
    expect(m.privacy.retention({ days: 7, hours: 48 })).toContain(said)
    expect(m.manage.requestIntro({ hours: 48 })).toContain(said)
  })
})
