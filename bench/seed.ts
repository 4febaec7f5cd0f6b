// Bulk seeding for the benchmark: a million confirmed signatures in seconds, written
// straight into the tables (the HTTP path is what the benchmark measures, not this).
// The confirmation scenario does not use seeded rows: it confirms the signatures the
// signing scenario created, with the links the server mailed.
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { searchKey } from '../src/domain/clean-text.js'

const FIRST = [
  'Camille',
  'Dominique',
  'Claude',
  'Alix',
  'Sacha',
  'Jean',
  'Marie',
  'Léa',
  'Hugo',
  'Nour',
  'Inès',
  'Yanis',
  'Zoé',
  'Paul',
  'Lucie',
  'Karim',
  'Anne',
  'Théo',
  'Manon',
  'Élise',
]
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
]
const INSTITUTIONS: [string, string][] = [
  ['Université Toulouse III', 'univ-tlse3.fr'],
  ['CNRS', 'cnrs.fr'],
  ['Inria', 'inria.fr'],
  ['Université Grenoble Alpes', 'univ-grenoble-alpes.fr'],
  ['Académie de Lyon', 'ac-lyon.fr'],
  ['Sorbonne Université', 'sorbonne-universite.fr'],
  ['INRAE', 'inrae.fr'],
  ['Université de Lille', 'univ-lille.fr'],
  ['', 'gmail.com'],
  ['Lycée Victor Hugo', 'ac-besancon.fr'],
]
const CATEGORIES = ['researcher', 'teacher-researcher', 'teacher', 'doctoral', 'staff', 'student', 'other']
const DISCIPLINES = [
  'Écologie',
  'Informatique',
  'Sociologie',
  'Physique',
  'Histoire',
  'Mathématiques',
  'Philosophie',
  '',
]

const START = Date.parse('2026-06-01T00:00:00.000Z')

/** The i-th seeded row: varied, deterministic, newest last. */
function row(i: number) {
  const first = FIRST[i % FIRST.length]!
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!
  const [institution, domain] = INSTITUTIONS[i % INSTITUTIONS.length]!
  const at = new Date(START + i * 5000).toISOString()
  return {
    email_hash: `seed-${i}`,
    email_domain: domain,
    first_name: first,
    last_name: last,
    category: CATEGORIES[i % CATEGORIES.length]!,
    institution,
    discipline: DISCIPLINES[i % DISCIPLINES.length]!,
    is_public: i % 5 === 0 ? 0 : 1,
    search_text: searchKey(`${first} ${last} ${institution}`),
    at,
  }
}

const COLUMNS = [
  'email_hash',
  'email_domain',
  'first_name',
  'last_name',
  'category',
  'institution',
  'discipline',
  'comment',
  'is_public',
  'wants_updates',
  'locale',
  'status',
  'search_text',
  'consent_version',
  'submitted_at',
  'confirmed_at',
  'approved_at',
  'updated_at',
  'mails_sent',
] as const

function values(i: number): unknown[] {
  const r = row(i)
  return [
    r.email_hash,
    r.email_domain,
    r.first_name,
    r.last_name,
    r.category,
    r.institution,
    r.discipline,
    '',
    r.is_public,
    0,
    'fr',
    'confirmed',
    r.search_text,
    'seed',
    r.at,
    r.at,
    r.at,
    r.at,
    1,
  ]
}

export function seedSqlite(file: string, count: number): void {
  const db = new SQLite(file)
  // Seeding only: the benchmark starts the server afterwards with its own settings.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  const insert = db.prepare(
    `insert into signatures (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`,
  )
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(...values(i))
  })()
  db.close()
}

export async function seedPostgres(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const types = [
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'int',
    'int',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'int',
  ]
  const insertBatch = async (from: number, to: number) => {
    const columns: unknown[][] = COLUMNS.map(() => [])
    for (let i = from; i < to; i++) for (const [c, v] of values(i).entries()) columns[c]!.push(v)
    const params = COLUMNS.map((_, c) => `$${c + 1}::${types[c]}[]`).join(', ')
    await client.query(
      `insert into signatures (${COLUMNS.join(', ')}) select * from unnest(${params})`,
      columns,
    )
  }
  await client.query('begin')
  for (let from = 0; from < count; from += 20_000) await insertBatch(from, Math.min(count, from + 20_000))
  await client.query('commit')
  await client.query('analyze')
  await client.end()
}
