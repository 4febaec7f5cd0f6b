// Demonstration and load data: varied confirmed signatures (categories, disciplines,
// institutional and webmail domains, public and private, spread over weeks), inserted
// in batches inside one transaction, with the counters moved by the same rules as a
// real confirmation so they stay exact, and each counted signature in the public log.
import type { Config } from '../config.js'
import type { Transact } from '../db/transactor.js'
import { searchKey } from './clean-text.js'
import { type Display, sortKeyOf } from './display.js'
import { adjustCounters, signatureDelta } from './counters.js'
import { emailKey, normalizeEmail } from './normalize-email.js'
import { logUnloggedSignatures } from './transparency/log.js'

const FIRST = [
  'Camille',
  'Dominique',
  'Claude',
  'Alex',
  'Sacha',
  'Lou',
  'Marie',
  'Jean',
  'Inès',
  'Youssef',
  'Léa',
  'Hugo',
  'Chloé',
  'Nathan',
  'Aïcha',
  'Théo',
  'Manon',
  'Karim',
  'Zoé',
  'Élise',
]
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Durand',
  'Lefebvre',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Garcia',
  'Roux',
  'Fournier',
  'Nguyen',
  'Benali',
  'Mercier',
  'Blanc',
  'Guérin',
  'Faure',
  'André',
  'Chevalier',
]
const DISCIPLINES = [
  'Écologie',
  'Informatique',
  'Sociologie',
  'Physique',
  'Histoire',
  'Philosophie',
  'Mathématiques',
  'Biologie',
  'Lettres modernes',
  'Économie',
  'Géographie',
  'Sciences de l’éducation',
  '',
]
/** Domains with the names their signatories type, variants included. */
const DOMAINS: { domain: string; names: string[]; weight: number }[] = [
  {
    domain: 'univ-tlse3.fr',
    names: ['Université Toulouse III', 'UT3', 'Univ. Toulouse III', 'Paul Sabatier'],
    weight: 12,
  },
  { domain: 'univ-tlse2.fr', names: ['Université Toulouse – Jean Jaurès', 'UT2J'], weight: 8 },
  { domain: 'cnrs.fr', names: ['CNRS'], weight: 10 },
  { domain: 'inria.fr', names: ['Inria'], weight: 4 },
  { domain: 'inrae.fr', names: ['INRAE'], weight: 4 },
  { domain: 'univ-rennes.fr', names: ['Université de Rennes', 'Univ Rennes'], weight: 5 },
  { domain: 'u-bordeaux.fr', names: ['Université de Bordeaux'], weight: 5 },
  {
    domain: 'ac-toulouse.fr',
    names: ['Lycée Pierre-de-Fermat', 'Collège Jean-Moulin', 'Rectorat de Toulouse'],
    weight: 7,
  },
  { domain: 'ens.fr', names: ['ENS'], weight: 2 },
  { domain: 'etu.univ-grenoble-alpes.fr', names: ['Université Grenoble Alpes', 'UGA'], weight: 4 },
  { domain: 'gmail.com', names: ['Lycée Bellevue', 'Indépendant·e', 'Université Toulouse III'], weight: 10 },
  { domain: 'laposte.net', names: ['Collège Victor-Hugo', ''], weight: 3 },
  { domain: 'protonmail.com', names: ['CNRS', 'Université de Bordeaux'], weight: 3 },
]

/** A small deterministic generator, so that a seed can be reproduced. */
function generator(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface SeedOptions {
  count: number
  now: Date
  /** Confirmations spread over this many days before `now`. */
  days?: number
  seed?: number
  batchSize?: number
}

export async function seedSignatures(
  transact: Transact,
  config: Config,
  options: SeedOptions,
): Promise<number> {
  const site = config.site
  const random = generator(options.seed ?? Date.now())
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const totalWeight = DOMAINS.reduce((s, d) => s + d.weight, 0)
  const pickDomain = () => {
    let r = random() * totalWeight
    for (const d of DOMAINS) {
      r -= d.weight
      if (r < 0) return d
    }
    return DOMAINS[0]!
  }
  const days = options.days ?? 42
  const run = Math.floor(random() * 36 ** 6).toString(36)
  const batchSize = options.batchSize ?? 500
  const deltas: Record<string, number> = {}
  await transact(async (tx) => {
    for (let start = 0; start < options.count; start += batchSize) {
      const rows = []
      for (let i = start; i < Math.min(options.count, start + batchSize); i++) {
        const d = pickDomain()
        const email = normalizeEmail(`seed-${run}-${i}@${d.domain}`)!
        // More signatures in the last days, as a campaign gathers pace.
        const age = Math.floor(days * DAY_MS * random() ** 2)
        const confirmedAt = new Date(options.now.getTime() - age)
        const firstName = pick(FIRST)
        const lastName = pick(LAST)
        const institution = pick(d.names)
        const wantsDebate = random() < 0.05 ? 1 : 0
        // About one in twenty under initials, one in thirty withheld; by position, so that
        // a seed reproduces the same run as before these choices existed.
        const display: Display = i % 20 === 7 ? 'initials' : i % 30 === 11 ? 'withheld' : 'full'
        rows.push({
          email_hash: emailKey(config.secret, email),
          // Seeded addresses lead nowhere: none is kept in clear, so nothing is ever mailed to them.
          email: null,
          email_domain: email.domain,
          first_name: firstName,
          last_name: lastName,
          category: pick(site.categories).key,
          institution,
          discipline: pick(DISCIPLINES),
          comment: '',
          is_public: random() < 0.7 ? 1 : 0,
          wants_updates: 0,
          wants_debate: wantsDebate,
          locale:
            random() < 0.85
              ? site.defaultLocale
              : (site.locales.find((l) => l !== site.defaultLocale) ?? site.defaultLocale),
          status: 'confirmed' as const,
          search_text: searchKey(`${firstName} ${lastName} ${institution}`),
          display,
          sort_key: sortKeyOf(firstName, lastName, display),
          consent_version: site.consentVersion,
          submitted_at: new Date(confirmedAt.getTime() - 600_000).toISOString(),
          confirmed_at: confirmedAt.toISOString(),
          approved_at: confirmedAt.toISOString(),
          updated_at: confirmedAt.toISOString(),
          mails_sent: 1,
        })
      }
      await tx.insertInto('signatures').values(rows).execute()
      for (const row of rows)
        for (const [k, v] of Object.entries(signatureDelta(site, null, row))) deltas[k] = (deltas[k] ?? 0) + v
    }
    await adjustCounters(tx, deltas, options.now)
    // The public log too, in bulk, so that a seeded database verifies like a real one.
    await logUnloggedSignatures(tx, site, options.now)
  })
  return options.count
}

const DAY_MS = 86_400_000
