// Parses the calendar administration textarea: one day per line, `YYYY-MM-DD 休 元旦` for a
// statutory holiday or `YYYY-MM-DD 班 春节调休` for an adjusted working Saturday/Sunday, as the
// State Council publishes them each year. Every bad line gets its own message.
import type { CalendarDay } from '../../core/time/calendar.ts';
import { dayOfWeek, isLegalDate } from '../../core/time/dates.ts';

export interface LineError {
  line: number;
  message: string;
}

const KINDS: Record<string, CalendarDay['kind']> = { 休: 'holiday', 班: 'adjustedWorkday' };

export function parseCalendarLines(text: string, year: number): { days: CalendarDay[]; errors: LineError[] } {
  const days: CalendarDay[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    const [date = '', kindText = '', ...rest] = trimmed.split(/\s+/);
    const name = rest.join(' ');
    if (!isLegalDate(date)) return errors.push({ line, message: `第 ${line} 行：“${date}”不是有效日期，应写成 ${year}-01-01 的格式` });
    if (!date.startsWith(`${year}-`)) return errors.push({ line, message: `第 ${line} 行：${date} 不属于 ${year} 年` });
    const kind = KINDS[kindText];
    if (!kind) return errors.push({ line, message: `第 ${line} 行：日期后须写“休”（放假）或“班”（调休上班）` });
    const dow = dayOfWeek(date);
    if (kind === 'adjustedWorkday' && dow !== 0 && dow !== 6)
      return errors.push({ line, message: `第 ${line} 行：${date} 是工作日，调休上班日只能是星期六或星期日` });
    const earlier = seen.get(date);
    if (earlier) return errors.push({ line, message: `第 ${line} 行：${date} 与第 ${earlier} 行重复` });
    seen.set(date, line);
    days.push({ date, kind, name: name.slice(0, 40) || (kind === 'holiday' ? '法定节假日' : '调休上班') });
  });
  if (!days.length && !errors.length) errors.push({ line: 0, message: '请至少录入一天（放假日或调休上班日）' });
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { days, errors };
}

export function formatCalendarLines(days: CalendarDay[]): string {
  return days.map((d) => `${d.date} ${d.kind === 'holiday' ? '休' : '班'} ${d.name}`).join('\n');
}
