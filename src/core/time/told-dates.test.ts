import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toldDateAfterCalendarChange } from './told-dates.ts';

test('a told period follows a holiday added inside it but never ends before the date told', () => {
  assert.equal(toldDateAfterCalendarChange('2025-12-01', '2025-12-02'), '2025-12-02');
  assert.equal(toldDateAfterCalendarChange('2025-12-01', '2025-11-28'), '2025-12-01');
  assert.equal(toldDateAfterCalendarChange('2025-12-01', '2025-12-01'), '2025-12-01');
  assert.equal(toldDateAfterCalendarChange(null, '2025-11-28'), '2025-11-28');
});
