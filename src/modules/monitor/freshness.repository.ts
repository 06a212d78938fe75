// The freshness monitor's SQL: each column's last public publication (one GROUP BY over the
// items index), the columns' responsible departments, and idempotent reminder rows.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { NotificationTable } from '../../core/db/schema.ts';

export interface ColumnRow {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
  updateIntervalDays: number | null;
  lastPublishedOn: string | null;
}

export function freshnessRepository(db: DbOrTrx) {
  return {
    async columns(agencyId: string): Promise<ColumnRow[]> {
      const r = await sql<ColumnRow>`
        select c.id, c.parent_id as "parentId", c.name, c.sort_order as "sortOrder", c.update_interval_days as "updateIntervalDays",
          max(i.published_on) as "lastPublishedOn"
        from columns c
        left join items i on i.column_id = c.id and i.status = 'published' and i.scope = 'public'
        where c.agency_id = ${agencyId}
        group by c.id, c.parent_id, c.name, c.sort_order, c.update_interval_days
        order by c.sort_order, c.name`.execute(db);
      return r.rows.map((c) => ({ ...c, sortOrder: Number(c.sortOrder), updateIntervalDays: c.updateIntervalDays === null ? null : Number(c.updateIntervalDays) }));
    },

    async lastPublishedOn(agencyId: string): Promise<string | null> {
      const r = await db.selectFrom('items').select((eb) => eb.fn.max('publishedOn').as('last'))
        .where('agencyId', '=', agencyId).where('status', '=', 'published').where('scope', '=', 'public').executeTakeFirst();
      return (r?.last as string | null | undefined) ?? null;
    },

    columnDepartments: (agencyId: string) =>
      db.selectFrom('columnDepartments')
        .innerJoin('columns', 'columns.id', 'columnDepartments.columnId')
        .innerJoin('departments', 'departments.id', 'columnDepartments.departmentId')
        .select(['columnDepartments.columnId', 'departments.id as departmentId', 'departments.name as departmentName'])
        .where('columns.agencyId', '=', agencyId)
        .orderBy('departments.sortOrder')
        .execute(),

    /** The agency's disclosure office (政府信息公开工作机构, 条例 第四条); none in a bare setup. */
    officeDepartmentIds: async (agencyId: string) =>
      (await db.selectFrom('departments').select('id').where('agencyId', '=', agencyId).where('isDisclosureOffice', '=', 1).orderBy('id').execute()).map((d) => d.id),

    agencyIds: async () => (await db.selectFrom('agencies').select('id').orderBy('createdAt').execute()).map((a) => a.id),

    async insertReminder(row: NotificationTable): Promise<boolean> {
      const r = await db.insertInto('notifications').values(row).onConflict((oc) => oc.column('uniqueKey').doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
