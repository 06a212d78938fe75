// Reading-room provision rows (查阅场所, 条例 第二十五条) and the agencies' room lists.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { ReadingRoomProvisionTable } from '../../core/db/schema.ts';

export interface ProvisionFilter {
  agencyId: string;
  roomNames: string[];
  roomName?: string;
  /** 'open' = not yet provided; 'provided'; 'all'. */
  state: 'open' | 'provided' | 'all';
}

export function readingRoomsRepository(db: DbOrTrx) {
  return {
    /** Inserts the rows that do not exist yet; returns how many were new. */
    async insertMissing(rows: ReadingRoomProvisionTable[]): Promise<number> {
      let inserted = 0;
      for (const row of rows) {
        const r = await db.insertInto('readingRoomProvisions').values(row)
          .onConflict((oc) => oc.columns(['itemId', 'roomName']).doNothing()).executeTakeFirst();
        inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      return inserted;
    },

    /** Published public items of the agency published on or after `sinceOn`. */
    publishedPublicSince: (agencyId: string, sinceOn: string) =>
      db.selectFrom('items').select(['id', 'publishedOn']).where('agencyId', '=', agencyId).where('status', '=', 'published')
        .where('scope', '=', 'public').where('publishedOn', '>=', sinceOn).execute(),

    agencies: () => db.selectFrom('agencies').select(['id', 'readingRooms']).orderBy('createdAt').execute(),

    setRooms: (agencyId: string, json: string) => db.updateTable('agencies').set({ readingRooms: json }).where('id', '=', agencyId).execute(),

    /** Rows for the checklist: not provided first, then by due date (overdue first). */
    list(filter: ProvisionFilter, limit: number) {
      let q = db.selectFrom('readingRoomProvisions').innerJoin('items', 'items.id', 'readingRoomProvisions.itemId')
        .select(['readingRoomProvisions.id', 'readingRoomProvisions.itemId', 'readingRoomProvisions.roomName', 'readingRoomProvisions.publishedOn',
          'readingRoomProvisions.dueOn', 'readingRoomProvisions.providedOn', 'readingRoomProvisions.providedBy', 'items.title', 'items.indexNumber'])
        .where('readingRoomProvisions.agencyId', '=', filter.agencyId);
      if (filter.roomNames.length) q = q.where('readingRoomProvisions.roomName', 'in', filter.roomNames);
      else return Promise.resolve([]);
      if (filter.roomName) q = q.where('readingRoomProvisions.roomName', '=', filter.roomName);
      if (filter.state === 'open') q = q.where('readingRoomProvisions.providedOn', 'is', null);
      if (filter.state === 'provided') q = q.where('readingRoomProvisions.providedOn', 'is not', null);
      return q.orderBy('readingRoomProvisions.dueOn').orderBy('items.title').orderBy('readingRoomProvisions.roomName').limit(limit).execute();
    },

    byIds: (agencyId: string, ids: string[]) =>
      ids.length ? db.selectFrom('readingRoomProvisions').selectAll().where('agencyId', '=', agencyId).where('id', 'in', ids).execute() : Promise.resolve([]),

    async markProvided(ids: string[], patch: { providedOn: string; providedBy: string; providedById: string }): Promise<number> {
      if (!ids.length) return 0;
      const r = await db.updateTable('readingRoomProvisions').set(patch).where('id', 'in', ids).where('providedOn', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    ofItem: (itemId: string) => db.selectFrom('readingRoomProvisions').selectAll().where('itemId', '=', itemId).orderBy('roomName').execute(),

    /** Rows not yet provided, with the publication date their due date is computed from (calendar change). */
    openDates: () =>
      db.selectFrom('readingRoomProvisions').select(['id', 'agencyId', 'itemId', 'roomName', 'publishedOn', 'dueOn'])
        .where('providedOn', 'is', null).orderBy('id').execute(),

    setDueOn: (id: string, dueOn: string) => db.updateTable('readingRoomProvisions').set({ dueOn }).where('id', '=', id).where('providedOn', 'is', null).execute(),

    /** Open rows of every agency, for reminders. */
    open: () => db.selectFrom('readingRoomProvisions').innerJoin('items', 'items.id', 'readingRoomProvisions.itemId')
      .select(['readingRoomProvisions.id', 'readingRoomProvisions.agencyId', 'readingRoomProvisions.roomName', 'readingRoomProvisions.dueOn', 'items.title'])
      .where('readingRoomProvisions.providedOn', 'is', null).orderBy('readingRoomProvisions.dueOn').execute(),
  };
}
