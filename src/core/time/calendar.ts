// The working-day calendar (工作日): Monday–Friday that is not a statutory holiday, plus every
// adjusted working Saturday/Sunday (调休上班日). See REGULATION.md "Time".
// Pure and synchronous: built from the calendar table's rows, so deadline arithmetic is testable
// without a database. A year the calendar does not cover is an error, never a guess.
import { AppError } from '../errors.ts';
import { addCalendarDays, dayOfWeek, yearOf } from './dates.ts';

export type CalendarDayKind = 'holiday' | 'adjustedWorkday';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export class CalendarYearMissingError extends AppError {
  constructor(readonly year: number) {
    super(
      422,
      'CALENDAR_YEAR_MISSING',
      `工作日历缺少 ${year} 年的节假日安排，无法计算期限。请系统管理员先在“工作日历”中录入 ${year} 年国务院公布的放假安排。`,
    );
  }
}

export interface PauseSpan {
  /** First day not counted. */
  from: string;
  /** Last day not counted (inclusive); open pauses are not passed here. */
  to: string;
}

export class WorkingDayCalendar {
  private readonly days = new Map<string, CalendarDay>();

  constructor(
    readonly coveredYears: ReadonlySet<number>,
    days: Iterable<CalendarDay>,
  ) {
    for (const d of days) this.days.set(d.date, d);
  }

  covers(year: number): boolean {
    return this.coveredYears.has(year);
  }

  private requireYear(date: string): void {
    const year = yearOf(date);
    if (!this.coveredYears.has(year)) throw new CalendarYearMissingError(year);
  }

  dayInfo(date: string): CalendarDay | undefined {
    return this.days.get(date);
  }

  isWorkingDay(date: string): boolean {
    this.requireYear(date);
    const special = this.days.get(date);
    if (special?.kind === 'adjustedWorkday') return true;
    if (special?.kind === 'holiday') return false;
    const dow = dayOfWeek(date);
    return dow !== 0 && dow !== 6;
  }

  /**
   * "Within N working days from X": day 1 is the first working day after X (REGULATION.md).
   * Days inside a pause span are not counted (条例 第三十条、第三十二条、第三十四条).
   */
  addWorkingDays(from: string, n: number, pauses: PauseSpan[] = []): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer: ${n}`);
    this.requireYear(from);
    let date = from;
    let counted = 0;
    while (counted < n) {
      date = addCalendarDays(date, 1);
      if (pauses.some((p) => date >= p.from && date <= p.to)) continue;
      if (this.isWorkingDay(date)) counted++;
    }
    return date;
  }

  /** Working days after `from` up to and including `to` (0 when to ≤ from). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
      if (this.isWorkingDay(d)) count++;
    }
    return count;
  }

  /** The holidays and adjusted workdays passed over in (from, to]: for explanations. */
  specialDaysBetween(from: string, to: string): CalendarDay[] {
    const out: CalendarDay[] = [];
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
      const info = this.days.get(d);
      if (info) out.push(info);
    }
    return out;
  }
}
