import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { averageWorkingDays } from './dashboard.service.ts';

// 2025: National Day week off (1–8 October), Sunday 28 September and Saturday 11 October worked.
const holidays = ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'].map((date) => ({ date, kind: 'holiday' as const, name: '国庆节' }));
const calendar = new WorkingDayCalendar(new Set([2025]), [
  ...holidays,
  { date: '2025-09-28', kind: 'adjustedWorkday', name: '国庆节调休' },
  { date: '2025-10-11', kind: 'adjustedWorkday', name: '国庆节调休' },
]);

describe('averageWorkingDays', () => {
  test('agrees with workingDaysBetween for every pair, weighted by count, across holidays and adjusted workdays', () => {
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2025, 8, 15 + i)).toISOString().slice(0, 10));
    const pairs = [];
    for (let i = 0; i < days.length; i += 3) for (let j = i; j < days.length; j += 5) pairs.push({ receivedOn: days[i], approvedOn: days[j], count: 1 + ((i + j) % 4) });
    let total = 0;
    let count = 0;
    for (const p of pairs) {
      total += calendar.workingDaysBetween(p.receivedOn, p.approvedOn) * p.count;
      count += p.count;
    }
    assert.deepEqual(averageWorkingDays(calendar, pairs), { average: Math.round((total / count) * 10) / 10, count });
  });

  test('the National Day week counts only its working days', () => {
    // After Friday 26 September up to Thursday 9 October: 28 Sep, 29, 30 Sep and 9 Oct.
    assert.deepEqual(averageWorkingDays(calendar, [{ receivedOn: '2025-09-26', approvedOn: '2025-10-09', count: 2 }]), { average: 4, count: 2 });
  });

  test('pairs approved before receipt are left out; none at all gives null', () => {
    assert.deepEqual(averageWorkingDays(calendar, [{ receivedOn: '2025-09-26', approvedOn: '2025-09-25', count: 3 }]), { average: null, count: 0 });
    assert.deepEqual(averageWorkingDays(calendar, []), { average: null, count: 0 });
    assert.deepEqual(
      averageWorkingDays(calendar, [{ receivedOn: '2025-09-26', approvedOn: '2025-09-25', count: 3 }, { receivedOn: '2025-09-22', approvedOn: '2025-09-22', count: 1 }]),
      { average: 0, count: 1 },
    );
  });
});
