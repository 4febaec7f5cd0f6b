// The moderators' same-name flag compares signatures.name_key. Until now that key was
// the name without case or accents, so «Cаmille» typed with a Cyrillic «а» escaped a
// flag on «Camille». From here on it also goes through Unicode's confusable skeletons
// (UTS #39, through unhomoglyph): this recomputes the key of every signature that has
// one. The rule is copied here, not imported, so that this migration does tomorrow
// what it does today whatever becomes of the application's code.
// (005 to 007 are other changes of the same release.)
import type { Kysely } from 'kysely'
import unhomoglyph from 'unhomoglyph'

const BATCH = 1000

function foldCaseAndAccents(raw: string): string {
  return raw.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

function nameKey(firstName: string, lastName: string): string {
  return foldCaseAndAccents(unhomoglyph(foldCaseAndAccents(`${firstName} ${lastName}`)))
}

export async function up(db: Kysely<any>): Promise<void> {
  // In batches by id, so that a large table is never read into memory at once; only
  // keys that change are written (names of plain Latin letters without «m» keep theirs).
  let after = 0
  for (;;) {
    const rows: { id: number; first_name: string; last_name: string; name_key: string }[] = await db
      .selectFrom('signatures')
      .select(['id', 'first_name', 'last_name', 'name_key'])
      .where('name_key', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()
    if (rows.length === 0) return
    for (const row of rows) {
      const key = nameKey(row.first_name, row.last_name)
      if (key !== row.name_key)
        await db.updateTable('signatures').set({ name_key: key }).where('id', '=', row.id).execute()
    }
    after = rows[rows.length - 1]!.id
  }
}

// Going back leaves the keys as they are: the previous rule compares them exactly as
// before for every name of Latin letters, and only look-alikes stop matching.
export async function down(): Promise<void> {}
