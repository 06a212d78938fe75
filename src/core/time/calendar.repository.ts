// Calendar rows: the holidays and adjusted workdays of each covered year.
import type { DbOrTrx } from '../db/database.ts';
import type { CalendarDay } from './calendar.ts';

export function calendarRepository(db: DbOrTrx) {
  return {
    async loadAll(): Promise<{ years: number[]; days: CalendarDay[] }> {
      const years = await db.selectFrom('calendarYears').select('year').orderBy('year').execute();
      const days = await db.selectFrom('calendarDays').selectAll().orderBy('date').execute();
      return { years: years.map((y) => Number(y.year)), days };
    },

    /** Fingerprint of the calendar: changes whenever any year is written. */
    async version(): Promise<string> {
      const row = await db
        .selectFrom('calendarYears')
        .select((eb) => [eb.fn.max('updatedAt').as('latest'), eb.fn.countAll().as('n')])
        .executeTakeFirst();
      return `${row?.latest ?? ''}/${row?.n ?? 0}`;
    },

    async listYears() {
      return db.selectFrom('calendarYears').selectAll().orderBy('year').execute();
    },

    async daysOfYear(year: number): Promise<CalendarDay[]> {
      return db
        .selectFrom('calendarDays')
        .selectAll()
        .where('date', '>=', `${year}-01-01`)
        .where('date', '<=', `${year}-12-31`)
        .orderBy('date')
        .execute();
    },

    async replaceYear(year: number, days: CalendarDay[], source: string, at: string, by: string): Promise<void> {
      await db.deleteFrom('calendarDays').where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute();
      for (let i = 0; i < days.length; i += 200) {
        await db.insertInto('calendarDays').values(days.slice(i, i + 200)).execute();
      }
      await db
        .insertInto('calendarYears')
        .values({ year, source, updatedAt: at, updatedBy: by })
        .onConflict((oc) => oc.column('year').doUpdateSet({ source, updatedAt: at, updatedBy: by }))
        .execute();
    },
  };
}
