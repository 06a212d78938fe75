// Holiday schedules 2019–2026 copied from the `chinese-days` package into our own table. The
// package silently treats years it lacks as plain weekdays, so we never call it at run time:
// only the years listed here are seeded, and any other year must be entered by an administrator.
import { createRequire } from 'node:module';
import type { CalendarDay } from './calendar.ts';

const require = createRequire(import.meta.url);

export const SEEDED_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** "National Day,国庆节,3" → "国庆节". */
function chineseName(raw: string): string {
  return raw.split(',')[1] ?? raw;
}

export function chineseDaysCalendar(year: number): CalendarDay[] {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const prefix = `${year}-`;
  const days: CalendarDay[] = [];
  for (const [date, raw] of Object.entries(data.holidays))
    if (date.startsWith(prefix)) days.push({ date, kind: 'holiday', name: chineseName(raw) });
  for (const [date, raw] of Object.entries(data.workdays))
    if (date.startsWith(prefix)) days.push({ date, kind: 'adjustedWorkday', name: `${chineseName(raw)}调休上班` });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
