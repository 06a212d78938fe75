// The calendar as the rest of the system sees it: loaded from the table, cached per process and
// reloaded when any process changes it (the version check is one cheap query), so several app
// instances never disagree for long. Year edits are audited, and listeners recompute every open
// deadline in the same transaction, each change audited under the administrator who edited the
// calendar (what follows and what stays: told-dates.ts, docs/deadlines.md).
import { appendAuditEvent, type Actor } from '../audit/audit.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Clock } from './clock.ts';
import { calendarRepository } from './calendar.repository.ts';
import { WorkingDayCalendar, type CalendarDay } from './calendar.ts';
import { chineseDaysCalendar, SEEDED_YEARS } from './chinese-days.seed.ts';

/** Recomputes stored dates after a calendar edit by `actor`; returns how many records it looked at or changed. */
export type DeadlineRecomputer = (trx: DbOrTrx, calendar: WorkingDayCalendar, actor: Actor) => Promise<number>;

export interface CalendarService {
  get(db?: DbOrTrx): Promise<WorkingDayCalendar>;
  seedDefaults(trx: DbOrTrx): Promise<void>;
  setYear(actor: Actor, year: number, days: CalendarDay[], source: string): Promise<{ recomputed: number }>;
  onChange(recompute: DeadlineRecomputer): void;
  /** Covered years with where their data came from (for the administration page). */
  listYears(): Promise<{ year: number; source: string; updatedAt: string; updatedBy: string }[]>;
  daysOfYear(year: number): Promise<CalendarDay[]>;
}

export function createCalendarService(deps: { db: Db; clock: Clock }): CalendarService {
  let cached: { version: string; calendar: WorkingDayCalendar } | undefined;
  const recomputers: DeadlineRecomputer[] = [];

  async function load(db: DbOrTrx): Promise<WorkingDayCalendar> {
    const repo = calendarRepository(db);
    const version = await repo.version();
    if (cached && cached.version === version) return cached.calendar;
    const { years, days } = await repo.loadAll();
    const calendar = new WorkingDayCalendar(new Set(years), days);
    cached = { version, calendar };
    return calendar;
  }

  return {
    get: (db = deps.db) => load(db),

    async seedDefaults(trx) {
      const repo = calendarRepository(trx);
      const have = new Set((await repo.listYears()).map((y) => Number(y.year)));
      const at = deps.clock.now().toISOString();
      for (const year of SEEDED_YEARS) {
        if (!have.has(year)) await repo.replaceYear(year, chineseDaysCalendar(year), 'chinese-days', at, '系统');
      }
    },

    async setYear(actor, year, days, source) {
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        throw new AppError(422, 'CALENDAR_YEAR_INVALID', '年份无效');
      for (const d of days) {
        if (!d.date.startsWith(`${year}-`))
          throw new AppError(422, 'CALENDAR_DAY_OUTSIDE_YEAR', `日期 ${d.date} 不属于 ${year} 年`);
      }
      return deps.db.transaction().execute(async (trx) => {
        const repo = calendarRepository(trx);
        const before = await repo.daysOfYear(year);
        await repo.replaceYear(year, days, source, deps.clock.now().toISOString(), actor.name);
        cached = undefined;
        const calendar = await load(trx);
        let recomputed = 0;
        for (const r of recomputers) recomputed += await r(trx, calendar, actor);
        await appendAuditEvent(trx, deps.clock, actor, {
          action: 'calendar.setYear',
          subjectType: 'calendarYear',
          subjectId: String(year),
          before: { holidays: before.filter((d) => d.kind === 'holiday').length, adjustedWorkdays: before.filter((d) => d.kind === 'adjustedWorkday').length },
          after: { holidays: days.filter((d) => d.kind === 'holiday').length, adjustedWorkdays: days.filter((d) => d.kind === 'adjustedWorkday').length, source, recomputed },
        });
        return { recomputed };
      });
    },

    onChange(recompute) {
      recomputers.push(recompute);
    },

    async listYears() {
      const rows = await calendarRepository(deps.db).listYears();
      return rows.map((r) => ({ year: Number(r.year), source: r.source, updatedAt: r.updatedAt, updatedBy: r.updatedBy }));
    },

    daysOfYear: (year) => calendarRepository(deps.db).daysOfYear(year),
  };
}
