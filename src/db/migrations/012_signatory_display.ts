// How each signatory appears, and what the collective publishes with their name:
//   display            'full' (as before), 'initials' («C. D.») or 'withheld' («un·e signataire»)
//   title, unit        the optional title or grade and unit or laboratory ([form] fields)
//   publish_comment    1: the signatory asked for their comment to be published (testimony),
//                      which a moderator still approves (comment_approved_at)
//   initial_signatory  1: marked by a moderator among the «Premiers signataires»
// Every existing signature keeps what it had: its full name, nothing published of its
// comment (comments were never published before), no title, no unit.
//
// Frozen in time and independent of 011: it adds columns to the signatures table of
// 001–010 and an index of its own, nothing else.
import { sql, type Kysely } from 'kysely'

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
  // Published testimonies, newest approval first, by keyset: few rows, read through
  // this partial index without touching the rest of the signatures.
  await sql`create index signatures_testimonies on signatures (comment_approved_at desc, id desc) where publish_comment = 1`.execute(
    db,
  )
  // The «Premiers signataires», read first by the list and the exports.
  await sql`create index signatures_initial on signatures (last_name, first_name, id) where initial_signatory = 1`.execute(
    db,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists signatures_initial`.execute(db)
  await sql`drop index if exists signatures_testimonies`.execute(db)
  for (const column of ['initial_signatory', 'publish_comment', 'unit', 'title', 'display'])
    await db.schema.alterTable('signatures').dropColumn(column).execute()
}
