// Storage of notice templates, issued notices, their counters and the agency's remedy settings.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { NoticeTable, NoticeTemplateTable } from '../../core/db/schema.ts';

export function noticesRepository(db: DbOrTrx) {
  return {
    agency: (id: string) =>
      db.selectFrom('agencies')
        .select(['id', 'name', 'shortName', 'address', 'phone', 'reconsiderationBody', 'litigationCourt'])
        .where('id', '=', id)
        .executeTakeFirst(),
    updateAgencyRemedy: (id: string, patch: { reconsiderationBody: string; litigationCourt: string }) =>
      db.updateTable('agencies').set(patch).where('id', '=', id).execute(),

    template: (agencyId: string, kind: string) =>
      db.selectFrom('noticeTemplates').selectAll().where('agencyId', '=', agencyId).where('kind', '=', kind).executeTakeFirst(),
    templates: (agencyId: string) => db.selectFrom('noticeTemplates').selectAll().where('agencyId', '=', agencyId).execute(),
    upsertTemplate: (row: NoticeTemplateTable) =>
      db.insertInto('noticeTemplates').values(row)
        .onConflict((oc) => oc.columns(['agencyId', 'kind']).doUpdateSet({ title: row.title, body: row.body, updatedBy: row.updatedBy, updatedAt: row.updatedAt }))
        .execute(),
    deleteTemplate: (agencyId: string, kind: string) =>
      db.deleteFrom('noticeTemplates').where('agencyId', '=', agencyId).where('kind', '=', kind).execute(),

    /**
     * The next serial for the agency and year. The UPDATE … RETURNING takes the counter row's lock
     * (PostgreSQL) or the database write lock (SQLite) until the caller's transaction ends, so two
     * concurrent issues never get the same number (as catalog index numbers).
     */
    async nextSerial(agencyId: string, year: number): Promise<number> {
      await db.insertInto('noticeCounters').values({ agencyId, year, lastNumber: 0 })
        .onConflict((oc) => oc.columns(['agencyId', 'year']).doNothing())
        .execute();
      const row = await db.updateTable('noticeCounters')
        .set((eb) => ({ lastNumber: eb('lastNumber', '+', 1) }))
        .where('agencyId', '=', agencyId)
        .where('year', '=', year)
        .returning('lastNumber')
        .executeTakeFirstOrThrow();
      return Number(row.lastNumber);
    },
    insertNotice: (row: NoticeTable) => db.insertInto('notices').values(row).execute(),
    notice: (id: string) => db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst(),
    noticesForRequest: (requestId: string) =>
      db.selectFrom('notices').selectAll().where('requestId', '=', requestId).orderBy('createdAt').orderBy('serial').execute(),
  };
}

export type NoticesRepository = ReturnType<typeof noticesRepository>;
