// Warning before the working-day calendar runs out. Deadlines started in the last quarter reach
// into the next year (20 working days to reply, 20 more on extension, 第三十三条; correction and
// fee windows; 20 working days to publish), and a year the calendar does not cover stops every
// such computation with CALENDAR_YEAR_MISSING. The State Council usually publishes the next
// year's holiday arrangement between late October and December, so from 1 October the console
// asks for it until it is entered.
import type { WorkingDayCalendar } from './calendar.ts';
import { yearOf } from './dates.ts';

/** From this month on, deadlines started today may end in the next year. */
const WARN_FROM_MONTH = 10;

/** The year whose holiday arrangement should be entered now, or null if nothing is missing. */
export function missingCalendarYear(calendar: Pick<WorkingDayCalendar, 'covers'>, today: string): number | null {
  const year = yearOf(today);
  if (!calendar.covers(year)) return year;
  if (Number(today.slice(5, 7)) >= WARN_FROM_MONTH && !calendar.covers(year + 1)) return year + 1;
  return null;
}
