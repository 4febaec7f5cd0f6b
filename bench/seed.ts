// Bulk seeding for the benchmark: a million confirmed signatures in seconds, written
// straight into the tables (the HTTP path is what the benchmark measures, not this),
// plus pending signatures with known links for the confirmation scenario.
import { createHash } from 'node:crypto'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { searchKey } from '../src/domain/clean-text.js'
import { csrfFor, hashToken } from '../src/domain/tokens.js'

const FIRST = ['Camille', 'Dominique', 'Claude', 'Alix', 'Sacha', 'Jean', 'Marie', 'Léa', 'Hugo', 'Nour', 'Inès', 'Yanis', 'Zoé', 'Paul', 'Lucie', 'Karim', 'Anne', 'Théo', 'Manon', 'Élise']
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François']
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
const DISCIPLINES = ['Écologie', 'Informatique', 'Sociologie', 'Physique', 'Histoire', 'Mathématiques', 'Philosophie', '']

export const PENDING_FOR_CONFIRM = 60_000
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

/** A known link for the i-th pending signature, so the benchmark can confirm it. */
export function benchToken(i: number): string {
  return createHash('sha256').update(`bench-token-${i}`).digest('base64url').slice(0, 43)
}

export function confirmRequests(secret: string, locale = ''): { paths: string[]; bodies: string[] } {
  const paths: string[] = []
  const bodies: string[] = []
  for (let i = 0; i < PENDING_FOR_CONFIRM; i++) {
    const token = benchToken(i)
    paths.push(`${locale}/confirm/${token}`)
    bodies.push(`csrf=${csrfFor(secret, hashToken(token))}`)
  }
  return { paths, bodies }
}

const COLUMNS = [
  'email_hash', 'email_domain', 'first_name', 'last_name', 'category', 'institution', 'discipline', 'comment', 'is_public',
  'wants_updates', 'locale', 'status', 'search_text', 'consent_version', 'submitted_at', 'confirmed_at', 'approved_at', 'updated_at', 'mails_sent',
] as const

function values(i: number, status: 'confirmed' | 'pending'): unknown[] {
  const r = row(i)
  return [
    status === 'confirmed' ? r.email_hash : `pending-${i}`, r.email_domain, r.first_name, r.last_name, r.category, r.institution,
    r.discipline, '', r.is_public, 0, 'fr', status, r.search_text, 'seed', r.at, status === 'confirmed' ? r.at : null,
    status === 'confirmed' ? r.at : null, r.at, 1,
  ]
}

export function seedSqlite(file: string, count: number): void {
  const db = new SQLite(file)
  // Seeding only: the benchmark starts the server afterwards with its own settings.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  const insert = db.prepare(`insert into signatures (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`)
  const insertToken = db.prepare('insert into tokens (hash, signature_id, purpose, expires_at, created_at) values (?, ?, ?, ?, ?)')
  const far = new Date(Date.now() + 30 * 86400_000).toISOString()
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(...values(i, 'confirmed'))
    for (let i = 0; i < PENDING_FOR_CONFIRM; i++) {
      const id = insert.run(...values(i, 'pending')).lastInsertRowid
      insertToken.run(hashToken(benchToken(i)), id, 'confirm', far, new Date().toISOString())
    }
  })()
  db.close()
}

export async function seedPostgres(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const types = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int']
  const insertBatch = async (from: number, to: number, status: 'confirmed' | 'pending') => {
    const columns: unknown[][] = COLUMNS.map(() => [])
    for (let i = from; i < to; i++) values(i, status).forEach((v, c) => columns[c]!.push(v))
    const params = COLUMNS.map((_, c) => `$${c + 1}::${types[c]}[]`).join(', ')
    const result = await client.query(`insert into signatures (${COLUMNS.join(', ')}) select * from unnest(${params}) returning id`, columns)
    return result.rows.map((r: { id: number }) => r.id)
  }
  await client.query('begin')
  for (let from = 0; from < count; from += 20_000) await insertBatch(from, Math.min(count, from + 20_000), 'confirmed')
  const far = new Date(Date.now() + 30 * 86400_000).toISOString()
  for (let from = 0; from < PENDING_FOR_CONFIRM; from += 20_000) {
    const to = Math.min(PENDING_FOR_CONFIRM, from + 20_000)
    const ids = await insertBatch(from, to, 'pending')
    const hashes = ids.map((_, k) => hashToken(benchToken(from + k)))
    await client.query(
      `insert into tokens (hash, signature_id, purpose, expires_at, created_at) select h, id, 'confirm', $3, $3 from unnest($1::text[], $2::int[]) as t(h, id)`,
      [hashes, ids, far],
    )
  }
  await client.query('commit')
  await client.query('analyze')
  await client.end()
}
