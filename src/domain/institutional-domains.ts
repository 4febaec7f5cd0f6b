// Whether an e-mail domain belongs to an institution concerned by the manifesto, and
// under which name: the domains named in content/institutions.toml (and site.toml)
// with their subdomains, and the patterns of the site config, where "*" stands for any
// run of characters inside one label ("univ-*.fr" matches univ-tlse3.fr, not a.b.fr).
// No downloaded list: the maintained ones are huge and miss cnrs.fr or inria.fr.
import type { SiteConfig } from '../config.js'
import { derivedOnce } from '../derived-once.js'
import { academyInstitutionName, academyOf } from './academies.js'

/** A domain pattern as a regular expression: "*" stands for any run of characters inside one label. */
function patternRegExp(pattern: string): RegExp {
  return new RegExp(
    '^' +
      pattern
        .toLowerCase()
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
        .join('[^.]*') +
      '$',
  )
}

const patternsOf = derivedOnce((site: SiteConfig): RegExp[] =>
  site.institutionDomainPatterns.map(patternRegExp),
)

/**
 * Each kind of institution with a test of its domains: a domain without "*" covers
 * itself and its subdomains (as content/institutions.toml does), a pattern what it matches.
 */
const typeMatchersOf = derivedOnce((site: SiteConfig) =>
  site.institutionTypes.map((t) => {
    const patterns = t.domains.filter((d) => d.includes('*')).map(patternRegExp)
    const domains = new Set(t.domains.filter((d) => !d.includes('*')))
    return {
      key: t.key,
      covers(domain: string): boolean {
        if (patterns.some((r) => r.test(domain))) return true
        for (let d = domain; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) if (domains.has(d)) return true
        return false
      },
    }
  }),
)

/**
 * The kind of institution ([[institutions.types]]) of an institutional address's
 * domain: the first kind that covers it; null for an institution of no configured
 * kind; undefined for a domain that is not institutional.
 */
export function institutionTypeOf(site: SiteConfig, domain: string): string | null | undefined {
  const d = domain.toLowerCase()
  if (!isInstitutionalDomain(site, d)) return undefined
  return typeMatchersOf(site).find((t) => t.covers(d))?.key ?? null
}

/**
 * The configured domain that names this one: itself, or the nearest parent domain
 * named in the config. An institution gives out the addresses of its subdomains
 * (etu.univ-grenoble-alpes.fr) as it does those of its own domain.
 */
function namedDomainOf(site: SiteConfig, domain: string): string | undefined {
  for (let d = domain.toLowerCase(); d.includes('.'); d = d.slice(d.indexOf('.') + 1)) {
    if (Object.hasOwn(site.institutionNames, d)) return d
  }
  return undefined
}

/** A verified institutional address: its domain is named in the config (or under one that is), or matches a pattern. */
export function isInstitutionalDomain(site: SiteConfig, domain: string): boolean {
  return (
    namedDomainOf(site, domain) !== undefined || patternsOf(site).some((r) => r.test(domain.toLowerCase()))
  )
}

/**
 * What a confirmed address proves, as the public pages show it: the canonical name of
 * its institution from the config, else the académie of a school address (data shipped
 * with Paraphe: a teacher's ac-versailles.fr is printed «Académie de Versailles», not as
 * a domain), or else the domain itself. Undefined for a domain that is not institutional
 * (a webmail address proves no affiliation).
 */
export function verifiedInstitutionOf(site: SiteConfig, domain: string): string | undefined {
  const named = namedDomainOf(site, domain)
  if (named) return site.institutionNames[named]
  if (!isInstitutionalDomain(site, domain)) return undefined
  const academy = academyOf(domain)
  return academy ? academyInstitutionName(academy) : domain.toLowerCase()
}

/** Lower case, without accents, every run of other characters turned into one space. */
function folded(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `
}

// Words that every other institution shares: they say nothing about which one it is.
const GENERIC_WORDS = new Set([
  'universite',
  'university',
  'univ',
  'institut',
  'institute',
  'national',
  'nationale',
  'ecole',
  'school',
  'centre',
  'center',
  'recherche',
  'research',
  'superieure',
  'superieur',
  'sciences',
  'science',
  'des',
  'les',
  'and',
  'the',
  'pour',
  'sur',
  'aux',
  'academie',
  'fr',
  'com',
  'org',
  'net',
  'edu',
  'eu',
  'gouv',
])

/** The words that tell an institution from the others: of its canonical name and of its domain's labels. */
function distinctiveWords(site: SiteConfig, domain: string): string[] {
  const named = namedDomainOf(site, domain)
  const sources = [named ? site.institutionNames[named]! : '', named ?? domain]
  return [...new Set(sources.flatMap((s) => folded(s).trim().split(' ')))].filter(
    (w) => w.length >= 3 && !GENERIC_WORDS.has(w),
  )
}

/**
 * For the moderators: whether what a signatory typed as their institution may claim
 * another one than their verified domain's. The rule, kept sober: the typed text
 * (without case, accents or punctuation) resembles the institution when it is empty
 * or contains, as a whole word, one word of at least three letters of the canonical
 * name or of the domain that is not generic («université», «institut», «fr»…).
 * «Harvard University» at univ-tlse3.fr does not resemble «Université Toulouse III –
 * Paul Sabatier»; «IRIT, Université Toulouse III» and «Labo du CNRS» at cnrs.fr do.
 * A lab's name alone («IRIT») or an acronym («UT3») is flagged too: a flag asks a
 * moderator to look, it decides nothing. Only institutional domains are compared.
 */
export function typedInstitutionMismatches(site: SiteConfig, domain: string, typed: string): boolean {
  if (!isInstitutionalDomain(site, domain)) return false
  const text = folded(typed)
  if (text.trim() === '') return false
  return !distinctiveWords(site, domain).some((w) => text.includes(` ${w} `))
}
