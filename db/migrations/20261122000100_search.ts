// The full-text index (search module). Dialect-specific on purpose:
// - SQLite: `search_fts`, an FTS5 table over space-joined jieba tokens with the unicode61
//   tokenizer (the trigram tokenizer cannot match two-character words such as 征地), contentless
//   because the original text lives in `search_documents`; its rowid is `search_documents.doc_key`.
//   `title_tokens` holds the title words with a '_' prefix (a token character here), a word space
//   of its own, so "in the title" is a short doclist instead of a column check over every
//   match; `body_tokens` holds title and body words. `facets` holds one opaque token per filter value (agency, column, year, issuer, topic,
//   validity), so filters are doclist intersections inside FTS5 instead of row lookups.
// - PostgreSQL: a weighted tsvector column (A = title and document number, B = body and
//   attachments) on `search_documents` with a GIN index.
// `doc_key` grows with the publication date, so "newest first" is "highest key first": both
// engines then read matches in key order and stop at the page, instead of ranking every match.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../src/core/db/dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

// Raw SQL: CamelCasePlugin does not rewrite it, so the names are snake_case here.
function documentsTable(keyType: string, extra: string): string {
  return `create table search_documents (
    doc_key ${keyType} primary key,
    item_id text not null unique,
    agency_id text not null,
    column_id text not null,
    year integer not null,
    issuer text not null,
    topic text not null,
    validity text not null,
    published_on text not null,
    title text not null,
    doc_number text not null,
    body_text text not null${extra}
  )`;
}

export async function up(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql.raw(documentsTable('bigint', ',\n    tsv tsvector not null')).execute(db);
    await sql.raw('create index search_documents_tsv_idx on search_documents using gin (tsv)').execute(db);
  } else {
    await sql.raw(documentsTable('integer', '')).execute(db);
    await sql
      .raw(
        `create virtual table search_fts using fts5(title_tokens, body_tokens, facets, content='', contentless_delete=1,
          tokenize="unicode61 remove_diacritics 2 tokenchars '_'")`,
      )
      .execute(db);
  }
  await sql.raw('create index search_documents_column_idx on search_documents (column_id, doc_key)').execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql.raw('drop table if exists search_fts').execute(db);
  await sql.raw('drop table if exists search_documents').execute(db);
}
