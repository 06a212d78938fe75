// The only place the participation module touches Kysely: the messages table and its reminders.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.ts';
import { escapeLike, likeOperator, dialectOf } from '../../core/db/dialect.ts';
import type { MessageTable, NotificationTable } from '../../core/db/schema.ts';
import { OPEN_STATUSES, type MessageStatus } from './participation.rules.ts';

export interface MessageFilter {
  status?: MessageStatus | 'open';
  departmentId?: string;
  kind?: string;
}

export function participationRepository(db: DbOrTrx) {
  const publicOf = (agencyId: string, q: string) => {
    let query = db.selectFrom('messages').where('agencyId', '=', agencyId).where('published', '=', 1);
    const words = q.split(/\s+/).filter(Boolean).slice(0, 5);
    const like = likeOperator(dialectOf(db));
    for (const w of words) {
      const pattern = `%${escapeLike(w)}%`;
      // ESCAPE spelled out: SQLite's LIKE has no escape character by default.
      const match = (column: 'publicSubject' | 'publicContent' | 'publicAnswer') => sql<boolean>`${sql.ref(column)} ${sql.raw(like)} ${pattern} escape '\\'`;
      query = query.where((eb) => eb.or([match('publicSubject'), match('publicContent'), match('publicAnswer')]));
    }
    return query;
  };

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

    async publicPage(agencyId: string, q: string, offset: number, limit: number) {
      const [rows, count] = await Promise.all([
        publicOf(agencyId, q)
          .select(['id', 'kind', 'publicSubject', 'publicContent', 'publicAnswer', 'receivedOn', 'answeredOn'])
          .orderBy('answeredOn', 'desc')
          .orderBy('id', 'desc')
          .offset(offset)
          .limit(limit)
          .execute(),
        publicOf(agencyId, q).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
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
