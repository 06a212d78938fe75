// The only place the participation module touches Kysely: the messages table and its reminders.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.ts';
import { dialectOf } from '../../core/db/dialect.ts';
import type { MessageTable, NotificationTable } from '../../core/db/schema.ts';
import { OPEN_STATUSES, type MessageStatus } from './participation.rules.ts';

export interface MessageFilter {
  status?: MessageStatus | 'open';
  departmentId?: string;
  kind?: string;
}

// Quoted, every term is a literal word: FTS5 operators (AND, NEAR, "(", "*") and tsquery syntax
// (&, |, !, :*) typed into the search box lose their meaning (as in the catalog's search repository).
const ftsString = (term: string) => `"${term.replace(/"/g, '""')}"`;
const tsOperand = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** SQLite: the agency as one opaque word of the index (any id text is safe for unicode61). */
export function agencyToken(agencyId: string): string {
  return `a${createHash('sha256').update(agencyId).digest('hex').slice(0, 20)}`;
}

const PUBLIC_COLUMNS = sql`m.id, m.kind, m.public_subject, m.public_content, m.public_answer, m.received_on, m.answered_on`;

/** Where the index rebuild stands: the last message written, in publication order. */
export interface IndexCursor { publishedAt: string; id: string }
export type IndexSource = Pick<MessageTable, 'id' | 'agencyId' | 'publicSubject' | 'publicContent' | 'publicAnswer'> & { publishedAt: string };
const INDEX_SOURCE = ['id', 'agencyId', 'publicSubject', 'publicContent', 'publicAnswer', 'publishedAt'] as const;

type PublicRow = Pick<MessageTable, 'id' | 'kind' | 'publicSubject' | 'publicContent' | 'publicAnswer' | 'receivedOn' | 'answeredOn'>;

export function participationRepository(db: DbOrTrx) {
  const postgres = dialectOf(db) === 'postgres';

  /**
   * A page of the agency's published messages containing every term (segmented words; migration
   * 20261122100100), newest publication first, and how many there are. The word index drives both:
   * on SQLite the agency is a word of the index too, so the count never leaves FTS5 and the page
   * reads matches in rowid (publication) order and stops at the page; a rare or absent word costs
   * a posting-list lookup. (As `id in (…)` over messages, SQLite walked every published message.)
   */
  async function searchPage(agencyId: string, terms: string[], offset: number, limit: number): Promise<{ rows: PublicRow[]; total: number }> {
    if (postgres) {
      const match = sql`s.agency_id = ${agencyId} and s.tsv @@ to_tsquery('simple', ${terms.map(tsOperand).join(' & ')})`;
      const [rows, count] = await Promise.all([
        sql<PublicRow>`select ${PUBLIC_COLUMNS} from message_search s join messages m on m.id = s.message_id
          where ${match} order by m.published_at desc, m.id desc limit ${limit} offset ${offset}`.execute(db),
        sql<{ n: number }>`select count(*) as n from message_search s where ${match}`.execute(db),
      ]);
      return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
    }
    const match = [`{agency} : ${ftsString(agencyToken(agencyId))}`, ...terms.map((t) => `{tokens} : ${ftsString(t)}`)].join(' AND ');
    const rows = await sql<PublicRow>`select ${PUBLIC_COLUMNS} from message_fts f join messages m on m.id = f.message_id
      where message_fts match ${match} order by f.rowid desc limit ${limit} offset ${offset}`.execute(db);
    const count = await sql<{ n: number }>`select count(*) as n from message_fts where message_fts match ${match}`.execute(db);
    return { rows: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
  }

  return {
    async insert(row: MessageTable): Promise<void> {
      await db.insertInto('messages').values(row).execute();
    },
    byId: (id: string) => db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst(),
    byTrackingCode: (code: string) => db.selectFrom('messages').selectAll().where('trackingCode', '=', code).executeTakeFirst(),
    byIdempotencyKey: (key: string) => db.selectFrom('messages').selectAll().where('idempotencyKey', '=', key).executeTakeFirst(),

    /** Updates only when the status is still `from` (two officers acting at once: one wins). */
    async updateFrom(id: string, from: readonly string[], patch: Partial<MessageTable>): Promise<boolean> {
      const r = await db.updateTable('messages').set(patch).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    list(agencyId: string, filter: MessageFilter, limit = 200) {
      let q = db.selectFrom('messages').selectAll().where('agencyId', '=', agencyId);
      if (filter.status === 'open') q = q.where('status', 'in', [...OPEN_STATUSES]);
      else if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.departmentId) q = q.where('departmentId', '=', filter.departmentId);
      if (filter.kind) q = q.where('kind', '=', filter.kind);
      return q.orderBy('receivedOn', 'asc').orderBy('id', 'asc').limit(limit).execute();
    },

    /** Every valid message still waiting for its answer, across agencies (the daily sweep). */
    openMessages: () => db.selectFrom('messages').selectAll().where('status', 'in', [...OPEN_STATUSES]).orderBy('receivedOn', 'asc').execute(),

    /**
     * Indexes the public copy of a message (its words, space-joined) in the transaction that
     * publishes it; a message is published once (approve: drafted → answered), so index order is
     * publication order.
     */
    async indexPublic(message: Pick<MessageTable, 'id' | 'agencyId'>, tokens: string): Promise<void> {
      if (postgres) {
        await sql`insert into message_search (message_id, agency_id, tsv) values (${message.id}, ${message.agencyId}, to_tsvector('simple', ${tokens}))`.execute(db);
      } else {
        await sql`insert into message_fts (message_id, agency, tokens) values (${message.id}, ${agencyToken(message.agencyId)}, ${tokens})`.execute(db);
      }
    },

    /** Published messages after `cursor` in publication order, with their public copy (the index rebuild). */
    async publishedAfter(cursor: IndexCursor | undefined, limit: number): Promise<IndexSource[]> {
      let q = db.selectFrom('messages').select(INDEX_SOURCE).where('published', '=', 1);
      if (cursor) {
        const { publishedAt, id } = cursor;
        q = q.where((eb) => eb.or([eb('publishedAt', '>', publishedAt), eb.and([eb('publishedAt', '=', publishedAt), eb('id', '>', id)])]));
      }
      return (await q.orderBy('publishedAt').orderBy('id').limit(limit).execute()) as IndexSource[];
    },

    publishedIds: async () => (await db.selectFrom('messages').select('id').where('published', '=', 1).execute()).map((r) => r.id),

    /** These published messages in publication order (the rebuild's catch-up). */
    async publishedByIds(ids: string[]): Promise<IndexSource[]> {
      if (ids.length === 0) return [];
      return (await db.selectFrom('messages').select(INDEX_SOURCE).where('id', 'in', ids).where('published', '=', 1).orderBy('publishedAt').orderBy('id').execute()) as IndexSource[];
    },

    /** PostgreSQL: writes (or rewrites) the words of these messages in place. */
    async upsertIndex(entries: { id: string; agencyId: string; tokens: string }[]): Promise<void> {
      for (const e of entries) {
        await sql`insert into message_search (message_id, agency_id, tsv) values (${e.id}, ${e.agencyId}, to_tsvector('simple', ${e.tokens}))
          on conflict (message_id) do update set agency_id = excluded.agency_id, tsv = excluded.tsv`.execute(db);
      }
    },

    /** PostgreSQL: entries of messages that are not published (none should exist); how many were removed. */
    async removeUnpublishedFromIndex(): Promise<number> {
      const r = await sql`delete from message_search where message_id not in (select id from messages where published = 1)`.execute(db);
      return Number(r.numAffectedRows ?? 0);
    },

    /**
     * SQLite: a fresh FTS5 table beside the live one. FTS5 orders "newest first" by rowid, which
     * grows with insertion: a table filled in publication order and swapped in keeps that order,
     * where rewriting rows of the live table in place would not.
     */
    async createRebuildTable(): Promise<void> {
      await sql`drop table if exists message_fts_rebuild`.execute(db);
      await sql`create virtual table message_fts_rebuild using fts5(message_id unindexed, agency, tokens, tokenize="unicode61 remove_diacritics 2")`.execute(db);
    },

    async insertIntoRebuildTable(entries: { id: string; agencyId: string; tokens: string }[]): Promise<void> {
      for (const e of entries) {
        await sql`insert into message_fts_rebuild (message_id, agency, tokens) values (${e.id}, ${agencyToken(e.agencyId)}, ${e.tokens})`.execute(db);
      }
    },

    /** SQLite: the rebuilt table replaces the live one (in the caller's transaction). */
    async swapInRebuildTable(): Promise<void> {
      await sql`drop table message_fts`.execute(db);
      await sql`alter table message_fts_rebuild rename to message_fts`.execute(db);
    },

    /** The public list: everything published (newest answer first), or the matches of the terms. */
    async publicPage(agencyId: string, terms: string[], offset: number, limit: number): Promise<{ rows: PublicRow[]; total: number }> {
      if (terms.length > 0) return searchPage(agencyId, terms, offset, limit);
      const published = () => db.selectFrom('messages').where('agencyId', '=', agencyId).where('published', '=', 1);
      const [rows, count] = await Promise.all([
        published()
          .select(['id', 'kind', 'publicSubject', 'publicContent', 'publicAnswer', 'receivedOn', 'answeredOn'])
          .orderBy('answeredOn', 'desc')
          .orderBy('id', 'desc')
          .offset(offset)
          .limit(limit)
          .execute(),
        published().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    publishedById: (id: string) => db.selectFrom('messages').selectAll().where('id', '=', id).where('published', '=', 1).executeTakeFirst(),

    departmentOf: (agencyId: string, departmentId: string) =>
      db.selectFrom('departments').select(['id', 'name']).where('id', '=', departmentId).where('agencyId', '=', agencyId).executeTakeFirst(),

    /** Inserts a reminder unless one with the same unique key exists; true when inserted. */
    async insertReminder(row: NotificationTable): Promise<boolean> {
      const r = await db.insertInto('notifications').values(row).onConflict((oc) => oc.column('uniqueKey').doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}

export type ParticipationRepository = ReturnType<typeof participationRepository>;
