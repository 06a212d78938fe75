import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingCalendarYear } from './calendar-coverage.ts';

const covering = (...years: number[]) => ({ covers: (y: number) => years.includes(y) });

test('from 1 October the next year must be entered; before that only the current one', () => {
  assert.equal(missingCalendarYear(covering(2026), '2026-09-30'), null);
  assert.equal(missingCalendarYear(covering(2026), '2026-10-01'), 2027);
  assert.equal(missingCalendarYear(covering(2026), '2026-11-22'), 2027);
  assert.equal(missingCalendarYear(covering(2026, 2027), '2026-12-31'), null);
});

test('a current year the calendar lacks comes first', () => {
  assert.equal(missingCalendarYear(covering(2025), '2026-03-02'), 2026);
  assert.equal(missingCalendarYear(covering(2027), '2026-11-22'), 2026);
});
