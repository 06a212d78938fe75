// All SQL of the search module. The two engines differ only in how "matches these terms" is
// written (FTS5 MATCH vs tsvector @@ tsquery); everything else is the same side table.
import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx, DialectName } from '../../core/db/database.ts';
import type { SearchDocumentTable } from '../../core/db/schema.ts';

export type SearchRow = SearchDocumentTable;

/** A row with its segmented title (and document number) and body words, ready to insert. */
export interface IndexedDocument {
  row: SearchRow;
  titleTokens: string;
  bodyTokens: string;
}

/** The first key of a year: the key of its 1 January (see KEYS_PER_DAY). */
const yearKey = (year: number) => Math.max(0, Math.floor(Date.UTC(year, 0, 1) / 86_400_000)) * KEYS_PER_DAY;

/** PostgreSQL: how many of the newest documents a frequent-word page looks among first (see page()). */
const NEWEST_WINDOWS = [2_000, 10_000];

/** Rows per multi-row statement: 12 bound values each, far below SQLite's variable limit. */
const CHUNK = 50;

export interface SearchFilters {
  agencyId?: string;
  columnIds?: string[];
  year?: number;
  issuer?: string;
  topic?: string;
  validity?: string;
}

/** title: every term in the title (or document number); bodyOnly: every term somewhere, not all in the title. */
export type Tier = 'title' | 'bodyOnly' | 'all';

/** Keys per day: doc_key = epochDay * KEYS_PER_DAY + n. Far below 2^53 for any real date. */
export const KEYS_PER_DAY = 10_000_000;

// Double quotes make every token a literal FTS5 string: operators (AND, NEAR, "(") lose meaning.
const ftsString = (term: string) => `"${term.replace(/"/g, '""')}"`;
// Quoted tsquery operands: the text inside is a lexeme, not syntax.
const tsOperand = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

// SQLite: title words are indexed as '_word' (see the migration).
const TITLE_PREFIX = '_';

/** An opaque word for one filter value (any text: ids, issuer names), safe for unicode61. */
function facetToken(kind: string, value: string | number): string {
  return `f${createHash('sha256').update(`${kind}:${value}`).digest('hex').slice(0, 20)}`;
}

/** The facet words of a document (SQLite: the `facets` column; PostgreSQL: inside both vectors). */
export function facetTokens(row: SearchDocumentTable): string {
  const pairs: Array<[string, string | number]> = [
    ['agency', row.agencyId], ['column', row.columnId], ['year', row.year],
    ['issuer', row.issuer], ['topic', row.topic], ['validity', row.validity],
  ];
  return pairs.map(([k, v]) => facetToken(k, v)).join(' ');
}

const prefixed = (tokens: string) => tokens.split(' ').filter((t) => t !== '').map((t) => TITLE_PREFIX + t).join(' ');

function facetExpression(f: SearchFilters): string[] {
  const one = (kind: string, value: string | number) => `{facets} : "${facetToken(kind, value)}"`;
  const parts: string[] = [];
  if (f.agencyId !== undefined) parts.push(one('agency', f.agencyId));
  if (f.columnIds !== undefined) {
    // An empty list matches nothing; the service answers that case without a query.
    parts.push(`{facets} : (${f.columnIds.map((id) => `"${facetToken('column', id)}"`).join(' OR ')})`);
  }
  if (f.year !== undefined) parts.push(one('year', f.year));
  if (f.issuer !== undefined) parts.push(one('issuer', f.issuer));
  if (f.topic !== undefined) parts.push(one('topic', f.topic));
  if (f.validity !== undefined) parts.push(one('validity', f.validity));
  return parts;
}

function ftsExpression(terms: string[], tier: Tier, filters: SearchFilters): string {
  const all = terms.map((t) => `{body_tokens} : ${ftsString(t)}`).join(' AND ');
  const title = terms.map((t) => `{title_tokens} : ${ftsString(TITLE_PREFIX + t)}`).join(' AND ');
  const facets = facetExpression(filters);
  const match = tier === 'title' ? title : tier === 'all' ? all : `(${all}) NOT (${title})`;
  return facets.length === 0 ? match : `(${match}) AND ${facets.join(' AND ')}`;
}

/**
 * PostgreSQL: the terms AND the filters' facet words as one tsquery (migration
 * 20261122020100): both vectors hold the facet words, so a filter is part of the GIN lookup
 * (the year is also a key range, the agency a row condition: see matching()).
 */
function tsquery(terms: string[], f: SearchFilters): string {
  const parts = terms.map((t) => tsOperand(t));
  const one = (kind: string, value: string | number) => parts.push(tsOperand(facetToken(kind, value)));
  // Not the agency: nearly every document of a one-agency installation carries it, and ANDing
  // its posting list inside GIN cost more than checking agency_id on the rows read (matching()).
  if (f.columnIds !== undefined) {
    // An empty list matches nothing; the service answers that case without a query.
    parts.push(`(${f.columnIds.map((id) => tsOperand(facetToken('column', id))).join(' | ')})`);
  }
  if (f.year !== undefined) one('year', f.year);
  if (f.issuer !== undefined) one('issuer', f.issuer);
  if (f.topic !== undefined) one('topic', f.topic);
  if (f.validity !== undefined) one('validity', f.validity);
  return parts.join(' & ');
}

export function createSearchRepository(dialect: DialectName) {
  /** FROM … WHERE … for the matches of one tier, newest (highest key) first when ordered. */
  function matching(terms: string[], tier: Tier, filters: SearchFilters): { from: RawBuilder<unknown>; where: RawBuilder<unknown> } {
    if (dialect === 'sqlite') {
      // The FTS table drives the join and yields rowids in descending order itself, so a page
      // of a word nearly every document contains costs a page of reads, not a ranking of all.
      // Filters are facet words inside the MATCH: no row lookups to count or to filter.
      return {
        from: sql`search_fts f join search_documents d on d.doc_key = f.rowid`,
        where: sql`search_fts match ${ftsExpression(terms, tier, filters)}`,
      };
    }
    // Exact GIN terms on the right vector: the planner's statistics then fit the question
    // (a weight-restricted '公开':A looked as common as '公开' and cost a full backward scan).
    const q = tsquery(terms, filters);
    const match =
      tier === 'title'
        ? sql`d.title_tsv @@ to_tsquery('simple', ${q})`
        : tier === 'all'
          ? sql`d.tsv @@ to_tsquery('simple', ${q})`
          : sql`d.tsv @@ to_tsquery('simple', ${q}) and not (d.title_tsv @@ to_tsquery('simple', ${q}))`;
    // A year is a range of keys (they grow with the publication day): a primary-key range the
    // planner can AND with the GIN bitmap, so only that year's matches are read.
    const conditions = [match];
    if (filters.agencyId !== undefined) conditions.push(sql`d.agency_id = ${filters.agencyId}`);
    if (filters.year !== undefined) conditions.push(sql`d.doc_key >= ${yearKey(filters.year)} and d.doc_key < ${yearKey(filters.year + 1)}`);
    return { from: sql`search_documents d`, where: sql.join(conditions, sql` and `) };
  }

  const orderKey = dialect === 'sqlite' ? sql`f.rowid` : sql`d.doc_key`;

  return {
    async findKey(db: DbOrTrx, itemId: string): Promise<{ docKey: number; publishedOn: string } | undefined> {
      const row = await db
        .selectFrom('searchDocuments')
        .select(['docKey', 'publishedOn'])
        .where('itemId', '=', itemId)
        .executeTakeFirst();
      return row ? { docKey: Number(row.docKey), publishedOn: row.publishedOn } : undefined;
    },

    /** The next free key of a publication day (publication order within the day). */
    async nextKeyForDay(db: DbOrTrx, epochDay: number): Promise<number> {
      if (dialect === 'postgres') {
        // Serialise key allocation until commit, so two publishing transactions of the same day
        // cannot pick the same key (SQLite has a single writer already).
        await sql`select pg_advisory_xact_lock(${7_411_002})`.execute(db);
      }
      const base = epochDay * KEYS_PER_DAY;
      const row = await db
        .selectFrom('searchDocuments')
        .select((eb) => eb.fn.max('docKey').as('maxKey'))
        .where('docKey', '>=', base)
        .where('docKey', '<', base + KEYS_PER_DAY)
        .executeTakeFirst();
      const max = row?.maxKey == null ? null : Number(row.maxKey);
      return max === null ? base : max + 1;
    },

    /** Keys of those items that are indexed (by item id). */
    async findKeys(db: DbOrTrx, itemIds: string[]): Promise<Map<string, number>> {
      const found = new Map<string, number>();
      for (let i = 0; i < itemIds.length; i += CHUNK) {
        const rows = await db.selectFrom('searchDocuments').select(['itemId', 'docKey']).where('itemId', 'in', itemIds.slice(i, i + CHUNK)).execute();
        for (const r of rows) found.set(r.itemId, Number(r.docKey));
      }
      return found;
    },

    async removeKeys(db: DbOrTrx, keys: number[]): Promise<void> {
      for (let i = 0; i < keys.length; i += CHUNK) {
        const chunk = keys.slice(i, i + CHUNK);
        if (dialect === 'sqlite') await sql`delete from search_fts where rowid in (${sql.join(chunk)})`.execute(db);
        await db.deleteFrom('searchDocuments').where('docKey', 'in', chunk).execute();
      }
    },

    /** Multi-row inserts: a bulk (re)index costs a statement per CHUNK documents, not per document. */
    async insertMany(db: DbOrTrx, docs: IndexedDocument[]): Promise<void> {
      for (let i = 0; i < docs.length; i += CHUNK) {
        const chunk = docs.slice(i, i + CHUNK);
        if (dialect === 'sqlite') {
          await db.insertInto('searchDocuments').values(chunk.map((d) => d.row)).execute();
          const values = chunk.map(({ row, titleTokens, bodyTokens }) => sql`(${row.docKey}, ${prefixed(titleTokens)}, ${`${titleTokens} ${bodyTokens}`}, ${facetTokens(row)})`);
          await sql`insert into search_fts (rowid, title_tokens, body_tokens, facets) values ${sql.join(values)}`.execute(db);
          continue;
        }
        await db
          .insertInto('searchDocuments')
          .values(
            chunk.map(({ row, titleTokens, bodyTokens }) => ({
              ...row,
              // tsv and title_tsv are PostgreSQL-only, so they are not in the shared row type.
              ...({
                tsv: sql`setweight(to_tsvector('simple', ${titleTokens}), 'A') || setweight(to_tsvector('simple', ${bodyTokens}), 'B')
                  || to_tsvector('simple', ${facetTokens(row)})`,
                titleTsv: sql`to_tsvector('simple', ${titleTokens}) || to_tsvector('simple', ${facetTokens(row)})`,
              } as object),
            })),
          )
          .execute();
      }
    },

    async remove(db: DbOrTrx, itemId: string): Promise<void> {
      const found = await this.findKey(db, itemId);
      if (!found) return;
      if (dialect === 'sqlite') await sql`delete from search_fts where rowid = ${found.docKey}`.execute(db);
      await db.deleteFrom('searchDocuments').where('docKey', '=', found.docKey).execute();
    },

    /**
     * A page of one tier, newest first. `frequent` (the terms match at least TOTAL_CAP documents)
     * lets PostgreSQL look among the newest documents first: a GIN bitmap gives every match, and
     * sorting them all to keep 20 cost 30–70 ms for correlated words (征地 & 补偿, whose
     * combined frequency the planner underestimates). Bounded by a key range, the bitmap is ANDed
     * with the primary key's and only the window's matches are read. When the window's matches
     * cannot fill the page, the next, wider window (and finally no bound) answers instead; the
     * top rows of a window that can fill it are the global top rows, so the page is the same.
     */
    async page(
      db: DbOrTrx, terms: string[], tier: Tier, filters: SearchFilters, limit: number, offset: number, frequent = false,
    ): Promise<SearchRow[]> {
      if (limit <= 0) return [];
      const { from, where } = matching(terms, tier, filters);
      const run = async (lowestKey: number | undefined) =>
        (
          await sql<SearchRow>`select d.doc_key, d.item_id, d.agency_id, d.column_id, d.year, d.issuer,
            d.topic, d.validity, d.published_on, d.title, d.doc_number, d.body_text, d.is_clarification
          from ${from} where ${where} ${lowestKey === undefined ? sql`` : sql`and d.doc_key >= ${lowestKey}`}
          order by ${orderKey} desc limit ${limit} offset ${offset}`.execute(db)
        ).rows;
      // A year filter bounds the keys already (see matching()); the newest documents may lie outside it.
      if (dialect === 'postgres' && frequent && filters.year === undefined) {
        for (const size of NEWEST_WINDOWS) {
          if (size < (offset + limit) * 4) continue;
          // The key of the size-th newest document: an index-only walk of `size` entries.
          const edge = await sql<{ docKey: number }>`select doc_key from search_documents order by doc_key desc offset ${size - 1} limit 1`.execute(db);
          if (edge.rows.length === 0) break;
          const rows = await run(Number(edge.rows[0]!.docKey));
          if (rows.length === limit) return rows;
        }
      }
      return run(undefined);
    },

    /** How many match, counting no further than `cap`. */
    async count(db: DbOrTrx, terms: string[], tier: Tier, filters: SearchFilters, cap: number): Promise<number> {
      if (cap <= 0) return 0;
      const { from, where } = matching(terms, tier, filters);
      // SQLite counts inside FTS5 alone (filters are facets there): no row is read.
      const source = dialect === 'sqlite' ? sql`search_fts` : from;
      const result = await sql<{ n: number }>`select count(*) as n from (select 1 as one from ${source} where ${where} limit ${cap}) capped`.execute(db);
      return Number(result.rows[0]?.n ?? 0);
    },

    async countAll(db: DbOrTrx): Promise<number> {
      const row = await db.selectFrom('searchDocuments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** Item ids in the index after `afterItemId`, in id order (the rebuild's pass over stale entries). */
    async itemIdsAfter(db: DbOrTrx, afterItemId: string, limit: number): Promise<string[]> {
      const rows = await db.selectFrom('searchDocuments').select('itemId').where('itemId', '>', afterItemId).orderBy('itemId').limit(limit).execute();
      return rows.map((r) => r.itemId);
    },

    async clear(db: DbOrTrx): Promise<void> {
      if (dialect === 'sqlite') await sql`delete from search_fts`.execute(db);
      await db.deleteFrom('searchDocuments').execute();
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
