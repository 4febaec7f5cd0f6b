// The list a newspaper prints: «Premiers signataires» first, then every other listed
// signatory by category or by institution (the moderator chooses), alphabetically by
// last name within each (sort_key), «Prénom Nom, grade, laboratoire, établissement»,
// and those under initials or with their name withheld apart at the end, so that
// neither a group nor a place in the alphabet tells anything about them (display.ts).
// By category, read in one pass over the database, a batch at a time by keyset on
// (sort_key, id), so that 100,000 names stream in constant memory. By institution, a
// first pass reads only (id, domain, institution, sort_key) to put each in its group
// and order it (a few megabytes at 100,000), then the rows are read by id, in that order.
// Only listed signatures (whereListed); each download is recorded in the audit log.
// The organisations that sign in their own name follow the people, listed ones only
// (listOrganisations). They are few (a moderator approves each one): read whole with the
// totals, so that the head's count and the section below it are one reading.
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { recordAudit } from './audit.js'
import type { DomainContext } from './context.js'
import { readCounts } from './counters.js'
import { verifiedInstitutionOf } from './institutional-domains.js'
import { type ListedOrganisation, listOrganisations } from './organisations.js'
import { PUBLIC_COLUMNS, type PublicRow, type PublicSignature, toPublicSignatures } from './public-list.js'
import { whereListed } from './signature-state.js'

const BATCH = 1000

export const PUBLICATION_FORMATS = ['pdf', 'docx', 'txt'] as const
export type PublicationFormat = (typeof PUBLICATION_FORMATS)[number]

/** How the names after the «Premiers signataires» are grouped. */
export const PUBLICATION_GROUPINGS = ['category', 'institution'] as const
export type PublicationGrouping = (typeof PUBLICATION_GROUPINGS)[number]

/** What a part of the list is: a heading's key, and what it holds. */
export type SectionKind =
  | { kind: 'initial' }
  | { kind: 'category'; key: string }
  /** The institution as the list shows it: the verified one, else the one typed. */
  | { kind: 'institution'; name: string }
  /** Full names that gave no institution (by institution only). */
  | { kind: 'noInstitution' }
  /** Listed under initials: no category, alphabetically by initials. */
  | { kind: 'initials' }

/** One event of the list, in reading order: a section begins, a line of names, the end. */
export type ListEvent =
  | { type: 'section'; section: SectionKind }
  | { type: 'entry'; signatory: PublicSignature }
  /** Those who withheld their name, counted, never listed one by one. */
  | { type: 'withheld'; count: number }

/**
 * How an entry reads: «Prénom Nom, grade, laboratoire, établissement»; under the
 * heading of its institution, without it again. Beside a verified institution, what the
 * signatory typed comes first when it says more (a school within «Académie de
 * Toulouse», as the public list shows it apart): a teacher is not printed as the
 * académie alone.
 */
export function entryText(s: PublicSignature, withInstitution = true): string {
  return [
    `${s.firstName} ${s.lastName}`,
    s.title,
    s.unit,
    s.precision,
    withInstitution ? (s.verifiedInstitution ?? s.institution) : '',
  ]
    .filter(Boolean)
    .join(', ')
}

/** Every listed row of one part, alphabetically, a batch at a time. */
async function* rowsOf(
  db: Db,
  site: SiteConfig,
  part: (q: ReturnType<typeof listed>) => ReturnType<typeof listed>,
): AsyncGenerator<PublicSignature[]> {
  let after: { sortKey: string; id: number } | undefined
  for (;;) {
    let q = part(listed(db))
    if (after) {
      const { sortKey, id } = after
      q = q.where((eb) =>
        eb.or([eb('sort_key', '>', sortKey), eb.and([eb('sort_key', '=', sortKey), eb('id', '>', id)])]),
      )
    }
    const rows = (await q.orderBy('sort_key').orderBy('id').limit(BATCH).execute()) as (PublicRow & {
      sort_key: string
    })[]
    if (rows.length === 0) return
    yield await toPublicSignatures(db, site, rows)
    const last = rows.at(-1)!
    after = { sortKey: last.sort_key, id: last.id }
    if (rows.length < BATCH) return
  }
}

function listed(db: Db) {
  return whereListed(db.selectFrom('signatures').select([...PUBLIC_COLUMNS, 'sort_key']))
}

type Part = (q: ReturnType<typeof listed>) => ReturnType<typeof listed>

/** Listed under their full name, and not among the «Premiers signataires»: the groups. */
const grouped: Part = (q) => q.where('initial_signatory', '=', 0).where('display', '=', 'full')

/** The list in reading order; sections with nobody in them are left out. */
export async function* publicationList(
  db: Db,
  site: SiteConfig,
  grouping: PublicationGrouping = 'category',
): AsyncGenerator<ListEvent> {
  yield* section(db, site, { kind: 'initial' }, (q) =>
    q.where('initial_signatory', '=', 1).where('display', '!=', 'withheld'),
  )
  if (grouping === 'institution') yield* byInstitution(db, site)
  else {
    for (const c of site.categories)
      yield* section(db, site, { kind: 'category', key: c.key }, (q) =>
        grouped(q).where('category', '=', c.key),
      )
    // A category no longer configured still holds signatures: they are listed too.
    const known = site.categories.map((c) => c.key)
    yield* section(db, site, { kind: 'category', key: 'other' }, (q) =>
      grouped(q).where('category', 'not in', known),
    )
  }
  yield* section(db, site, { kind: 'initials' }, (q) =>
    q.where('initial_signatory', '=', 0).where('display', '=', 'initials'),
  )
  const withheld = await listed(db)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('display', '=', 'withheld')
    .executeTakeFirstOrThrow()
  if (Number(withheld.n) > 0) yield { type: 'withheld', count: Number(withheld.n) }
}

/** One part of the list under its heading, if anybody is in it. */
async function* section(db: Db, site: SiteConfig, kind: SectionKind, part: Part): AsyncGenerator<ListEvent> {
  let started = false
  for await (const batch of rowsOf(db, site, part)) {
    if (!started) yield { type: 'section', section: kind }
    started = true
    for (const signatory of batch) yield { type: 'entry', signatory }
  }
}

/** Two spellings of one institution («Université X», «université  x») are one group. */
function groupKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

interface Placed {
  sortKey: string
  id: number
}

interface InstitutionGroup {
  /** As the heading shows it: the verified name, else the spelling of the first in alphabetical order. */
  name: string
  first: Placed
  placed: Placed[]
}

/** The order of sort_key then id, as the database reads the list (sort keys are folded text). */
function bySortKey(a: Placed, b: Placed): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id - b.id
}

async function* byInstitution(db: Db, site: SiteConfig): AsyncGenerator<ListEvent> {
  // First pass: who goes where. Read in the order of the primary key (no sort for the
  // database to make), then each group sorted here, as the database would by sort_key.
  const groups = new Map<string, InstitutionGroup>()
  const none: Placed[] = []
  let after = 0
  for (;;) {
    const rows = await whereListed(
      db.selectFrom('signatures').select(['id', 'email_domain', 'institution', 'sort_key']),
    )
      // As `grouped`, on the few columns this pass reads.
      .where('initial_signatory', '=', 0)
      .where('display', '=', 'full')
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH * 10)
      .execute()
    for (const r of rows) {
      const name = verifiedInstitutionOf(site, r.email_domain) ?? r.institution.trim()
      const key = groupKey(name)
      const placed = { sortKey: r.sort_key, id: r.id }
      if (!key) {
        none.push(placed)
        continue
      }
      const group = groups.get(key)
      if (!group) groups.set(key, { name, first: placed, placed: [placed] })
      else {
        group.placed.push(placed)
        // The heading: the spelling of the first name in the alphabet, whatever the order read.
        if (bySortKey(placed, group.first) < 0) Object.assign(group, { name, first: placed })
      }
    }
    if (rows.length < BATCH * 10) break
    after = rows.at(-1)!.id
  }
  for (const g of groups.values()) g.placed.sort(bySortKey)
  const collator = new Intl.Collator(site.defaultLocale, { sensitivity: 'base', numeric: true })
  const ordered: { section: SectionKind; ids: number[] }[] = [...groups.values()]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((g) => ({ section: { kind: 'institution', name: g.name }, ids: g.placed.map((p) => p.id) }))
  if (none.length > 0)
    ordered.push({ section: { kind: 'noInstitution' }, ids: none.sort(bySortKey).map((p) => p.id) })
  // Second pass: the rows themselves, in that order, a batch of ids at a time across
  // groups (most groups hold a few names: one read each would be thousands of reads).
  const sequence = ordered.flatMap((g) => g.ids)
  const starts = new Map<number, SectionKind>()
  let at = 0
  for (const g of ordered) {
    starts.set(at, g.section)
    at += g.ids.length
  }
  // A heading is given with its first entry still listed (one may be withdrawn meanwhile).
  let heading: SectionKind | undefined
  for (let i = 0; i < sequence.length; i += BATCH) {
    const chunk = sequence.slice(i, i + BATCH)
    // Read again through whereListed: one withdrawn or hidden meanwhile is left out.
    const rows = (await listed(db).where('id', 'in', chunk).execute()) as PublicRow[]
    const byId = new Map((await toPublicSignatures(db, site, rows)).map((s) => [s.id, s]))
    for (const [j, id] of chunk.entries()) {
      heading = starts.get(i + j) ?? heading
      const signatory = byId.get(id)
      if (!signatory) continue
      if (heading) yield { type: 'section', section: heading }
      heading = undefined
      yield { type: 'entry', signatory }
    }
  }
}

/** What the head of the list says: the totals, read once. */
export interface ListHead {
  /** Confirmed signatures, public or not. */
  confirmed: number
  /** Of which listed. */
  listed: number
  /** The listed organisations, by kind in the order of site.toml, then by name. */
  organisations: readonly ListedOrganisation[]
  /** When the list was made. */
  at: Date
}

/**
 * Starts a download of the list: recorded in the audit log (who, which format, how
 * many people and organisations listed) before a byte is sent, and the head it opens with.
 */
export async function startPublicationList(
  ctx: DomainContext,
  actor: string,
  format: PublicationFormat,
  grouping: PublicationGrouping = 'category',
): Promise<ListHead> {
  const counts = await readCounts(ctx.db)
  const organisations = await listOrganisations(ctx.db, ctx.config.site)
  const at = ctx.now()
  const detail = `${counts.public} listed${organisations.length > 0 ? ` and ${organisations.length} organisations` : ''}, by ${grouping}`
  await ctx.transact((tx) => recordAudit(tx, { actor, action: `export.list.${format}`, detail }, at))
  return { confirmed: counts.confirmed, listed: counts.public, organisations, at }
}
