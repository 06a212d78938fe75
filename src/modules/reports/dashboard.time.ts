// Beijing legal dates against UTC instants, so that SQL can compare stored ISO instants with
// legal dates without dialect-specific time-zone functions (Asia/Shanghai has no DST: UTC+8).
import { addCalendarDays, dayOfWeek } from '../../core/time/dates.ts';

/** The UTC instant (ISO) at which the Beijing day `date` begins: the previous day 16:00Z. */
export function beijingDayStart(date: string): string {
  return `${addCalendarDays(date, -1)}T16:00:00.000Z`;
}

/** The Beijing legal date of a stored UTC ISO instant. */
export function beijingDateOf(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The Sunday ending the (Monday-first) week that holds `date`. */
export function endOfWeek(date: string): string {
  const dow = dayOfWeek(date); // 0 = Sunday
  return addCalendarDays(date, dow === 0 ? 0 : 7 - dow);
}

/** The last `n` months up to and including the month of `date`, oldest first ('YYYY-MM'). */
export function lastMonths(date: string, n: number): string[] {
  let y = Number(date.slice(0, 4));
  let m = Number(date.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m--;
    if (m === 0) {
      m = 12;
      y--;
    }
  }
  return out;
}
