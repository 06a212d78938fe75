// Stored annual reports (table annual_reports). The only file of the annual-report use cases that
// touches Kysely.
import type { Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { AnnualReportTable } from '../../core/db/schema.ts';

export type AnnualReportRow = Selectable<AnnualReportTable>;

export function annualReportsRepository(db: DbOrTrx) {
  return {
    insert(row: AnnualReportRow) {
      return db.insertInto('annualReports').values(row).execute();
    },

    byId(id: string): Promise<AnnualReportRow | undefined> {
      return db.selectFrom('annualReports').selectAll().where('id', '=', id).executeTakeFirst();
    },

    byYear(agencyId: string, year: number): Promise<AnnualReportRow | undefined> {
      return db.selectFrom('annualReports').selectAll().where('agencyId', '=', agencyId).where('year', '=', year).executeTakeFirst();
    },

    ofAgency(agencyId: string): Promise<AnnualReportRow[]> {
      return db.selectFrom('annualReports').selectAll().where('agencyId', '=', agencyId).orderBy('year', 'desc').execute();
    },

    /** Reports that went to the catalog (only those can be published). */
    submittedOfAgency(agencyId: string): Promise<AnnualReportRow[]> {
      return db.selectFrom('annualReports').selectAll().where('agencyId', '=', agencyId).where('catalogItemId', 'is not', null).orderBy('year', 'desc').execute();
    },

    /** Items the agency published in the year (for the narrative's 主动公开 sentence). */
    async publishedItemsInYear(agencyId: string, year: number): Promise<number> {
      const row = await db
        .selectFrom('items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agencyId', '=', agencyId)
        .where('publishedOn', '>=', `${year}-01-01`)
        .where('publishedOn', '<=', `${year}-12-31`)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async update(id: string, changes: Updateable<AnnualReportTable>): Promise<void> {
      await db.updateTable('annualReports').set(changes).where('id', '=', id).execute();
    },
  };
}
