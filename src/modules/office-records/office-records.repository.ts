// Release coordination letters and clarification details; the item and agency reads this module
// needs (agency, title, status). Only this file and reading-rooms.repository.ts touch Kysely here.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { ItemClarificationTable, NotificationTable, ReleaseCoordinationTable } from '../../core/db/schema.ts';

export function officeRecordsRepository(db: DbOrTrx) {
  return {
    item: (id: string) =>
      db.selectFrom('items').select(['id', 'agencyId', 'departmentId', 'status', 'title', 'scope', 'publishedOn', 'isClarification']).where('id', '=', id).executeTakeFirst(),

    agency: (id: string) => db.selectFrom('agencies').select(['id', 'name', 'readingRooms']).where('id', '=', id).executeTakeFirst(),

    async nextCoordinationSerial(agencyId: string, year: number): Promise<number> {
      const r = await db.selectFrom('releaseCoordinations').select((eb) => eb.fn.max('serial').as('max'))
        .where('agencyId', '=', agencyId).where('year', '=', year).executeTakeFirst();
      return Number(r?.max ?? 0) + 1;
    },

    insertCoordination: (row: ReleaseCoordinationTable) => db.insertInto('releaseCoordinations').values(row).execute(),

    coordination: (id: string) => db.selectFrom('releaseCoordinations').selectAll().where('id', '=', id).executeTakeFirst(),

    coordinationsOfItem: (itemId: string) =>
      db.selectFrom('releaseCoordinations').selectAll().where('itemId', '=', itemId).orderBy('createdAt').orderBy('id').execute(),

    /** Compare-and-set on 'pending': a second recording of the same letter fails. */
    async recordOutcome(id: string, patch: Pick<ReleaseCoordinationTable, 'outcome' | 'answerText' | 'answeredOn' | 'recordedBy' | 'updatedAt'>): Promise<boolean> {
      const r = await db.updateTable('releaseCoordinations').set(patch).where('id', '=', id).where('outcome', '=', 'pending').executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    pendingCoordinations: () =>
      db.selectFrom('releaseCoordinations').innerJoin('items', 'items.id', 'releaseCoordinations.itemId')
        .select(['releaseCoordinations.id', 'releaseCoordinations.agencyId', 'releaseCoordinations.itemId', 'releaseCoordinations.number',
          'releaseCoordinations.recipientAgency', 'releaseCoordinations.dueOn', 'releaseCoordinations.createdBy', 'items.title', 'items.departmentId'])
        .where('releaseCoordinations.outcome', '=', 'pending').orderBy('releaseCoordinations.dueOn').execute(),

    /** Letters still waiting for an answer, with what their due date is computed from (calendar change). */
    pendingCoordinationDates: () =>
      db.selectFrom('releaseCoordinations').select(['id', 'agencyId', 'itemId', 'number', 'sentOn', 'dueOn']).where('outcome', '=', 'pending').orderBy('id').execute(),

    setCoordinationDueOn: (id: string, dueOn: string, updatedAt: string) =>
      db.updateTable('releaseCoordinations').set({ dueOn, updatedAt }).where('id', '=', id).where('outcome', '=', 'pending').execute(),

    clarification: (itemId: string) => db.selectFrom('itemClarifications').selectAll().where('itemId', '=', itemId).executeTakeFirst(),

    async saveClarification(row: ItemClarificationTable): Promise<void> {
      await db.insertInto('itemClarifications').values(row)
        .onConflict((oc) => oc.column('itemId').doUpdateSet({
          correctsItemId: row.correctsItemId, circulatingInfo: row.circulatingInfo, circulatingUrl: row.circulatingUrl, updatedAt: row.updatedAt,
        })).execute();
      await db.updateTable('items').set({ isClarification: 1, updatedAt: row.updatedAt }).where('id', '=', row.itemId).execute();
    },

    async insertReminder(row: NotificationTable): Promise<boolean> {
      const r = await db.insertInto('notifications').values(row).onConflict((oc) => oc.column('uniqueKey').doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
