// Search polish:
// 1. `search_documents.is_clarification`: search hits carry the 澄清 label (条例 第六条) like the
//    column lists do. A copy in the index instead of a lookup of the page's items: an item can
//    only be marked as a clarification while it is a draft (office-records), so the flag is fixed
//    when the catalog indexes it at publication.
// 2. A word index of the published public messages (留言选登), segmented like the catalog index
//    (src/core/text/segment.ts) so "补偿征地" finds "征地补偿" and a query reads a posting list
//    instead of scanning every message with LIKE '%…%'. Only the masked public copy is indexed.
//    - SQLite: `message_fts`, FTS5 over the space-joined words, with the agency as one opaque
//      word of its own column (counts never leave FTS5); message_id is stored, not indexed; the
//      rowid grows with publication, so "newest first" is a walk of the index in rowid order.
//    - PostgreSQL: `message_search`, one tsvector ('simple': the words are already segmented) per
//      message with a GIN index.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../src/core/db/dialect.ts';
import { segmentForSearch } from '../../src/core/text/segment.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

// The same word as agencyToken() in src/modules/participation/participation.repository.ts.
const agencyToken = (agencyId: string) => `a${createHash('sha256').update(agencyId).digest('hex').slice(0, 20)}`;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('searchDocuments').addColumn('isClarification', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update search_documents set is_clarification = 1 where item_id in (select id from items where is_clarification = 1)`.execute(db);

  const postgres = dialectOf(db) === 'postgres';
  if (postgres) {
    await sql`create table message_search (
      message_id text primary key references messages (id),
      agency_id text not null,
      tsv tsvector not null
    )`.execute(db);
    await sql`create index message_search_tsv_idx on message_search using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table message_fts using fts5(message_id unindexed, agency, tokens, tokenize="unicode61 remove_diacritics 2")`.execute(db);
  }

  // Messages published before this migration: indexed here, in publication order, with the same
  // words as at approval (participation.service.ts publicWords()).
  const published = await sql<{ id: string; agencyId: string; publicSubject: string; publicContent: string; publicAnswer: string }>`
    select id, agency_id as "agencyId", public_subject as "publicSubject", public_content as "publicContent", public_answer as "publicAnswer"
    from messages where published = 1 order by published_at, id`.execute(db);
  for (const m of published.rows) {
    const tokens = segmentForSearch(`${m.publicSubject}\n${m.publicContent}\n${m.publicAnswer}`).join(' ');
    if (postgres) await sql`insert into message_search (message_id, agency_id, tsv) values (${m.id}, ${m.agencyId}, to_tsvector('simple', ${tokens}))`.execute(db);
    else await sql`insert into message_fts (message_id, agency, tokens) values (${m.id}, ${agencyToken(m.agencyId)}, ${tokens})`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`drop table if exists message_search`.execute(db);
  else await sql`drop table if exists message_fts`.execute(db);
  await db.schema.alterTable('searchDocuments').dropColumn('isClarification').execute();
}
