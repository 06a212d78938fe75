// Working-day arithmetic against the published 2025 National Day and 2026 Spring Festival
// schedules, and the refusal to guess beyond the covered years.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CalendarYearMissingError, WorkingDayCalendar } from './calendar.ts';
import { chineseDaysCalendar, SEEDED_YEARS } from './chinese-days.seed.ts';
import { computeDeadline, deadlineState } from './deadline.ts';

const calendar = new WorkingDayCalendar(new Set(SEEDED_YEARS), SEEDED_YEARS.flatMap((y) => chineseDaysCalendar(y)));

describe('working-day calendar', () => {
  test('2025 National Day: holidays 10-01..08, adjusted workdays 09-28 and 10-11', () => {
    for (const d of ['2025-10-01', '2025-10-03', '2025-10-06', '2025-10-08']) assert.equal(calendar.isWorkingDay(d), false, d);
    assert.equal(calendar.isWorkingDay('2025-09-28'), true, 'Sunday 09-28 is an adjusted workday');
    assert.equal(calendar.isWorkingDay('2025-10-11'), true, 'Saturday 10-11 is an adjusted workday');
    assert.equal(calendar.isWorkingDay('2025-10-09'), true);
    assert.equal(calendar.isWorkingDay('2025-10-12'), false, 'plain Sunday');
  });

  test('REGULATION.md example: received 2025-09-26 → 20 working days → 2025-10-30', () => {
    assert.equal(calendar.addWorkingDays('2025-09-26', 20), '2025-10-30');
  });

  test('day 1 is the first working day after the start', () => {
    assert.equal(calendar.addWorkingDays('2025-09-26', 1), '2025-09-28');
    assert.equal(calendar.addWorkingDays('2025-09-30', 1), '2025-10-09');
    assert.equal(calendar.addWorkingDays('2025-09-26', 0), '2025-09-26');
  });

  test('7-working-day correction notice across National Day', () => {
    // 09-28(1) 09-29(2) 09-30(3) 10-09(4) 10-10(5) 10-11(6) 10-13(7)
    assert.equal(calendar.addWorkingDays('2025-09-26', 7), '2025-10-13');
  });

  test('2026 Spring Festival: 02-15..23 off, 02-14 and 02-28 worked', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-20', '2026-02-23']) assert.equal(calendar.isWorkingDay(d), false, d);
    assert.equal(calendar.isWorkingDay('2026-02-14'), true, 'Saturday 02-14 is an adjusted workday');
    assert.equal(calendar.isWorkingDay('2026-02-28'), true, 'Saturday 02-28 is an adjusted workday');
    // From Thu 2026-02-12: 02-13(1) 02-14(2) 02-24(3) 02-25(4) 02-26(5)
    assert.equal(calendar.addWorkingDays('2026-02-12', 5), '2026-02-26');
    // From 2026-02-10, 20 working days: 11,12,13,14 (4), 24,25,26,27,28 (9), 03-02..06 (14), 03-09..13 (19), 03-16 (20)
    assert.equal(calendar.addWorkingDays('2026-02-10', 20), '2026-03-16');
  });

  test('pauses are excluded from the count', () => {
    // Paused 2025-10-13..2025-10-15 (3 working days) on top of the 2025-10-30 due date.
    assert.equal(calendar.addWorkingDays('2025-09-26', 20, [{ from: '2025-10-13', to: '2025-10-15' }]), '2025-11-04');
  });

  test('refuses to compute beyond 2026 and names the missing year', () => {
    assert.throws(() => calendar.addWorkingDays('2026-12-15', 20), (err: unknown) => {
      assert.ok(err instanceof CalendarYearMissingError);
      assert.equal(err.year, 2027);
      assert.equal(err.code, 'CALENDAR_YEAR_MISSING');
      assert.match(err.message, /2027/);
      return true;
    });
    assert.throws(() => calendar.isWorkingDay('2027-01-04'), CalendarYearMissingError);
    assert.equal(calendar.addWorkingDays('2026-12-01', 5), '2026-12-08');
  });

  test('working days between two dates', () => {
    assert.equal(calendar.workingDaysBetween('2025-09-26', '2025-10-30'), 20);
    assert.equal(calendar.workingDaysBetween('2025-10-30', '2025-10-30'), 0);
  });

  test('a deadline explains itself', () => {
    const d = computeDeadline(calendar, '2025-09-26', 20, '收到申请');
    assert.equal(d.dueOn, '2025-10-30');
    assert.match(d.explanation, /收到申请 2025-09-26/);
    assert.match(d.explanation, /2025-10-01\.\.08/);
    assert.match(d.explanation, /调休上班 2025-09-28、2025-10-11/);
    assert.match(d.explanation, /到期 2025-10-30/);
  });

  test('deadline states: due soon at 3 working days or fewer, overdue after the due date', () => {
    assert.equal(deadlineState(calendar, '2025-10-30', '2025-10-20'), 'onTime');
    assert.equal(deadlineState(calendar, '2025-10-30', '2025-10-27'), 'dueSoon');
    assert.equal(deadlineState(calendar, '2025-10-30', '2025-10-30'), 'dueSoon');
    assert.equal(deadlineState(calendar, '2025-10-30', '2025-10-31'), 'overdue');
  });
});
