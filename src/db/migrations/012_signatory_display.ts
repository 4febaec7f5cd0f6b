// How each signatory appears, and what the collective publishes with their name:
//   display            'full' (as before), 'initials' («C. D.») or 'withheld' («un·e signataire»)
//   title, unit        the optional title or grade and unit or laboratory ([form] fields)
//   publish_comment    1: the signatory asked for their comment to be published (testimony),
//                      which a moderator still approves (comment_approved_at)
//   initial_signatory  1: marked by a moderator among the «Premiers signataires»
//   sort_key           where the signatory stands in an alphabetical list: by the name as
//                      shown ("0 durand camille", initials "0 d c"), a withheld name after
//                      every named one ("1"); letters only, lower case and accent-free, so
//                      that both databases sort it alike
// Every existing signature keeps what it had: its full name, nothing published of its
// comment (comments were never published before), no title, no unit.
//
// Frozen in time and independent of 011: it adds columns to the signatures table of
// 001–010 and an index of its own, nothing else.
import { sql, type Kysely } from 'kysely'

const BATCH = 1000

/** The rule of sortKeyOf (display.ts) for a full name, restated: this migration stays what it is. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('signatures')
    .addColumn('display', 'text', (c) => c.notNull().defaultTo('full'))
    .execute()
  await db.schema
    .alterTable('signatures')
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('signatures')
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('signatures')
    .addColumn('publish_comment', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('signatures')
    .addColumn('initial_signatory', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('signatures')
    .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  // Every existing signature shows its full name. In batches by id, one statement each.
  let after = 0
  for (;;) {
    const rows: { id: number; first_name: string; last_name: string }[] = await db
      .selectFrom('signatures')
      .select(['id', 'first_name', 'last_name'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()
    if (rows.length === 0) break
    const cases = sql.join(
      rows.map((r) => sql`when ${r.id} then ${`0 ${fold(r.last_name)} ${fold(r.first_name)}`}`),
      sql` `,
    )
    await db
      .updateTable('signatures')
      .set({ sort_key: sql`case id ${cases} end` })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute()
    after = rows[rows.length - 1]!.id
  }
  // Published testimonies, newest approval first, by keyset: few rows, read through
  // this partial index without touching the rest of the signatures.
  await sql`create index signatures_testimonies on signatures (comment_approved_at desc, id desc) where publish_comment = 1`.execute(
    db,
  )
  // The «Premiers signataires», read first by the list and the exports, alphabetically.
  await sql`create index signatures_initial on signatures (sort_key, id) where initial_signatory = 1`.execute(
    db,
  )
  // The list for publication: by category, alphabetically.
  await db.schema
    .createIndex('signatures_category_sort')
    .on('signatures')
    .columns(['category', 'sort_key', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists signatures_category_sort`.execute(db)
  await sql`drop index if exists signatures_initial`.execute(db)
  await sql`drop index if exists signatures_testimonies`.execute(db)
  for (const column of ['sort_key', 'initial_signatory', 'publish_comment', 'unit', 'title', 'display'])
    await db.schema.alterTable('signatures').dropColumn(column).execute()
}
