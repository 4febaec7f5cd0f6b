// Public labels come from listed signatures or the config only. Institutions were
// named by the name their signatories typed most often, private ones included
// ("domain_name:" counters): they are now named by the config alone, and those
// counters go. Disciplines are named only when listed signatures typed them: a new
// "listed_discipline:" dimension, counted here from the signatures already listed.
//
// Frozen in time: "listed" and the discipline key are restated here as they stand
// when this migration lands (isListed in signature-state.ts, disciplineKey in
// counters.ts), so a later change of either cannot change what this migration did.
import { sql, type Kysely } from 'kysely'

function disciplineKey(discipline: string): string {
  return discipline.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr')
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('counters').where(sql<boolean>`name like 'domain\\_name:%' escape '\\'`).execute()
  const now = new Date().toISOString()
  const totals = new Map<string, number>()
  let after = 0
  for (;;) {
    const rows: { id: number; discipline: string }[] = await db
      .selectFrom('signatures')
      .select(['id', 'discipline'])
      .where('status', '=', 'confirmed')
      .where('is_public', '=', 1)
      .where('approved_at', 'is not', null)
      .where('hidden_at', 'is', null)
      .where('invalidated_at', 'is', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute()
    for (const r of rows) {
      const discipline = disciplineKey(r.discipline)
      if (discipline)
        totals.set(
          `listed_discipline:${discipline}`,
          (totals.get(`listed_discipline:${discipline}`) ?? 0) + 1,
        )
    }
    if (rows.length < 5000) break
    after = rows.at(-1)!.id
  }
  const values = [...totals].map(([name, value]) => ({ name, shard: 0, value, updated_at: now }))
  for (let i = 0; i < values.length; i += 500)
    await db
      .insertInto('counters')
      .values(values.slice(i, i + 500))
      .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('counters').where(sql<boolean>`name like 'listed\\_discipline:%' escape '\\'`).execute()
}
