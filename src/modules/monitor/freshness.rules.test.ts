import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { columnFreshness, dueSoonMargin, siteInspection } from './freshness.rules.ts';

describe('column freshness', () => {
  test('news column (14 days): fresh, due soon from 7 days before the limit, stale the day after it', () => {
    assert.equal(dueSoonMargin(14), 7);
    assert.equal(columnFreshness(14, '2025-09-01', '2025-09-07').state, 'fresh'); // 8 days left
    const dueSoon = columnFreshness(14, '2025-09-01', '2025-09-08');
    assert.deepEqual([dueSoon.state, dueSoon.dueOn, dueSoon.daysLeft], ['dueSoon', '2025-09-15', 7]);
    assert.equal(columnFreshness(14, '2025-09-01', '2025-09-15').state, 'dueSoon'); // the last day in time
    assert.deepEqual([columnFreshness(14, '2025-09-01', '2025-09-16').state, columnFreshness(14, '2025-09-01', '2025-09-16').daysLeft], ['stale', -1]);
  });

  test('policy column (183 days): 20% margin (37 days) warns earlier than 7 days', () => {
    assert.equal(dueSoonMargin(183), 37);
    assert.equal(columnFreshness(183, '2025-01-01', '2025-05-26').state, 'fresh'); // dueOn 2025-07-03: 38 days left
    const soon = columnFreshness(183, '2025-01-01', '2025-05-27');
    assert.deepEqual([soon.state, soon.dueOn, soon.daysLeft], ['dueSoon', '2025-07-03', 37]);
  });

  test('empty, on change and long stale', () => {
    assert.equal(columnFreshness(14, null, '2025-09-26').state, 'empty');
    assert.equal(columnFreshness(null, '2025-01-01', '2025-09-26').state, 'onChange');
    assert.equal(columnFreshness(null, '2024-09-25', '2025-09-26').longStale, true); // 366 days
    assert.equal(columnFreshness(null, '2024-09-26', '2025-09-26').longStale, false); // 365 days
  });

  test('site inspection thresholds: 5 stale, 10 long stale, 5 empty, home page 14 days', () => {
    const stale = columnFreshness(14, '2025-01-01', '2025-09-26');
    const empty = columnFreshness(14, null, '2025-09-26');
    const ok = siteInspection([stale, stale, stale, stale, empty, empty, empty, empty], '2025-09-13', '2025-09-26');
    assert.deepEqual([ok.stale, ok.empty, ok.homePageAgeDays, ok.failed], [4, 4, 13, false]);
    assert.equal(siteInspection([stale, stale, stale, stale, stale], '2025-09-26', '2025-09-26').failed, true);
    assert.equal(siteInspection([empty, empty, empty, empty, empty], '2025-09-26', '2025-09-26').failed, true);
    const home = siteInspection([], '2025-09-12', '2025-09-26');
    assert.deepEqual([home.homePageAgeDays, home.failed], [14, true]);
  });
});
