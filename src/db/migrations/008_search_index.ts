// Searching names and institutions through an index of their trigrams, so that any
// term costs what its matches cost, not a walk through the whole list: a term found
// nowhere answers at once, and every match is found.
//
// What is indexed is `search_text`, already lower-case and accent-free (searchKey in
// clean-text.ts), so the index needs no folding of its own and a query is folded the
// same way before it reaches it.
//
// SQLite: an FTS5 table with the trigram tokenizer over the signatures' own column
// (external content: the text is not stored twice). Triggers keep it in step with
// every insert, change of search_text and delete, whoever writes: signing, editing,
// withdrawing, purging, moderation, seeds and the benchmark's bulk loader. Doing it
// in the domain's writes instead would let one forgotten write path silently drop
// a signatory from search; the triggers cost one small index write per change.
//
// PostgreSQL: pg_trgm's GIN index on the column itself, which LIKE '%…%' uses; it
// is kept up to date by PostgreSQL. pg_trgm ships with PostgreSQL (contrib) and is
// a trusted extension: a database owner may create it.
import { sql, type Kysely } from 'kysely'
import { isPostgres } from '../dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create extension if not exists pg_trgm`.execute(db)
    await sql`create index signatures_search_trgm on signatures using gin (search_text gin_trgm_ops)`.execute(
      db,
    )
    return
  }
  // detail='full' keeps where each trigram stands, so that a term is matched as a
  // phrase of consecutive trigrams from the index alone (detail='none' is a third of
  // the size but reads every candidate row back to check it: as slow as no index).
  await sql`create virtual table signatures_search using fts5(search_text, content='signatures', content_rowid='id', tokenize='trigram', detail='full')`.execute(
    db,
  )
  await sql`insert into signatures_search(signatures_search) values ('rebuild')`.execute(db)
  await sql`create trigger signatures_search_insert after insert on signatures begin
    insert into signatures_search(rowid, search_text) values (new.id, new.search_text);
  end`.execute(db)
  await sql`create trigger signatures_search_delete after delete on signatures begin
    insert into signatures_search(signatures_search, rowid, search_text) values ('delete', old.id, old.search_text);
  end`.execute(db)
  await sql`create trigger signatures_search_update after update of search_text on signatures begin
    insert into signatures_search(signatures_search, rowid, search_text) values ('delete', old.id, old.search_text);
    insert into signatures_search(rowid, search_text) values (new.id, new.search_text);
  end`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index if exists signatures_search_trgm`.execute(db)
    return
  }
  for (const name of ['insert', 'delete', 'update'])
    await sql.raw(`drop trigger if exists signatures_search_${name}`).execute(db)
  await sql`drop table if exists signatures_search`.execute(db)
}
