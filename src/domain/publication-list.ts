// The list a newspaper prints: «Premiers signataires» first, then every other listed
// signatory by category, alphabetically by the name as shown («Prénom Nom, grade,
// laboratoire, établissement»), and those under initials or with their name withheld
// apart at the end, so that neither a category nor a place in the alphabet tells
// anything about them (display.ts). Read in one pass over the database, a batch at a
// time by keyset on (sort_key, id), so that 100,000 names stream in constant memory.
// Only listed signatures (whereListed); each download is recorded in the audit log.
import type { SiteConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { recordAudit } from './audit.js'
import type { DomainContext } from './context.js'
import { readCounts } from './counters.js'
import { PUBLIC_COLUMNS, type PublicRow, type PublicSignature, toPublicSignatures } from './public-list.js'
import { whereListed } from './signature-state.js'

const BATCH = 1000

export const PUBLICATION_FORMATS = ['pdf', 'docx', 'txt'] as const
export type PublicationFormat = (typeof PUBLICATION_FORMATS)[number]

/** What a part of the list is: a heading's key, and what it holds. */
export type SectionKind =
  | { kind: 'initial' }
  | { kind: 'category'; key: string }
  /** Listed under initials: no category, alphabetically by initials. */
  | { kind: 'initials' }

/** One event of the list, in reading order: a section begins, a line of names, the end. */
export type ListEvent =
  | { type: 'section'; section: SectionKind }
  | { type: 'entry'; signatory: PublicSignature }
  /** Those who withheld their name, counted, never listed one by one. */
  | { type: 'withheld'; count: number }

/** How an entry reads: «Prénom Nom, grade, laboratoire, établissement». */
export function entryText(s: PublicSignature): string {
  return [`${s.firstName} ${s.lastName}`, s.title, s.unit, s.verifiedInstitution ?? s.institution]
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

/** The list in reading order; sections with nobody in them are left out. */
export async function* publicationList(db: Db, site: SiteConfig): AsyncGenerator<ListEvent> {
  const parts: [SectionKind, (q: ReturnType<typeof listed>) => ReturnType<typeof listed>][] = [
    [{ kind: 'initial' }, (q) => q.where('initial_signatory', '=', 1).where('display', '!=', 'withheld')],
    ...site.categories.map(
      (c) =>
        [
          { kind: 'category', key: c.key },
          (q: ReturnType<typeof listed>) =>
            q.where('initial_signatory', '=', 0).where('display', '=', 'full').where('category', '=', c.key),
        ] as [SectionKind, (q: ReturnType<typeof listed>) => ReturnType<typeof listed>],
    ),
    [{ kind: 'initials' }, (q) => q.where('initial_signatory', '=', 0).where('display', '=', 'initials')],
  ]
  for (const [section, part] of parts) {
    let started = false
    for await (const batch of rowsOf(db, site, part)) {
      if (!started) yield { type: 'section', section }
      started = true
      for (const signatory of batch) yield { type: 'entry', signatory }
    }
  }
  // A category no longer configured still holds signatures: they are listed too.
  const known = site.categories.map((c) => c.key)
  let started = false
  for await (const batch of rowsOf(db, site, (q) =>
    q.where('initial_signatory', '=', 0).where('display', '=', 'full').where('category', 'not in', known),
  )) {
    if (!started) yield { type: 'section', section: { kind: 'category', key: 'other' } }
    started = true
    for (const signatory of batch) yield { type: 'entry', signatory }
  }
  const withheld = await listed(db)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('display', '=', 'withheld')
    .executeTakeFirstOrThrow()
  if (Number(withheld.n) > 0) yield { type: 'withheld', count: Number(withheld.n) }
}

/** What the head of the list says: the totals, read once. */
export interface ListHead {
  /** Confirmed signatures, public or not. */
  confirmed: number
  /** Of which listed. */
  listed: number
  /** When the list was made. */
  at: Date
}

/**
 * Starts a download of the list: recorded in the audit log (who, which format, how
 * many listed) before a byte is sent, and the head it opens with.
 */
export async function startPublicationList(
  ctx: DomainContext,
  actor: string,
  format: PublicationFormat,
): Promise<ListHead> {
  const counts = await readCounts(ctx.db)
  const at = ctx.now()
  await ctx.transact((tx) =>
    recordAudit(tx, { actor, action: `export.list.${format}`, detail: `${counts.public} listed` }, at),
  )
  return { confirmed: counts.confirmed, listed: counts.public, at }
}
