// Deadlines are computed, never typed by hand, and each one can explain itself: its start, its
// length in working days, the holidays and adjusted workdays passed over, and any pauses.
import type { PauseSpan, WorkingDayCalendar } from './calendar.ts';

export interface Deadline {
  startOn: string;
  workingDays: number;
  dueOn: string;
  /** One sentence in Chinese, for hover/click explanations in the console. */
  explanation: string;
}

export function computeDeadline(
  calendar: WorkingDayCalendar,
  startOn: string,
  workingDays: number,
  startLabel: string,
  pauses: PauseSpan[] = [],
): Deadline {
  const dueOn = calendar.addWorkingDays(startOn, workingDays, pauses);
  const special = calendar.specialDaysBetween(startOn, dueOn);
  const parts = [`${startLabel} ${startOn}`, `${workingDays} 个工作日`];
  const holidays = special.filter((d) => d.kind === 'holiday');
  const workdays = special.filter((d) => d.kind === 'adjustedWorkday');
  if (holidays.length) parts.push(`其间节假日 ${compressDates(holidays.map((d) => d.date))}`);
  if (workdays.length) parts.push(`调休上班 ${workdays.map((d) => d.date).join('、')}`);
  for (const p of pauses) parts.push(`暂停计时 ${p.from}..${p.to}`);
  return { startOn, workingDays, dueOn, explanation: `${parts.join('；')} → 到期 ${dueOn}` };
}

/** 2025-10-01, 2025-10-02, 2025-10-03 → "2025-10-01..03". */
function compressDates(dates: string[]): string {
  const runs: string[][] = [];
  for (const d of dates) {
    const last = runs.at(-1);
    const prev = last?.at(-1);
    if (last && prev && Date.parse(d) - Date.parse(prev) === 86_400_000) last.push(d);
    else runs.push([d]);
  }
  return runs.map((r) => (r.length === 1 ? r[0] : `${r[0]}..${r.at(-1)!.slice(8)}`)).join('、');
}

export type DeadlineState = 'onTime' | 'dueSoon' | 'overdue';

/** Due soon = 3 working days or fewer left (UX.md: amber at ≤ 3 working days). */
export function deadlineState(calendar: WorkingDayCalendar, dueOn: string, todayOn: string): DeadlineState {
  if (todayOn > dueOn) return 'overdue';
  return calendar.workingDaysBetween(todayOn, dueOn) <= 3 ? 'dueSoon' : 'onTime';
}
