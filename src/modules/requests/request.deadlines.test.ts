// Request deadlines to the day across the 2025 National Day and the 2026 Spring Festival.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { chineseDaysCalendar, SEEDED_YEARS } from '../../core/time/chinese-days.seed.ts';
import { consultationDeadline, correctionNoticeDeadline, replyDeadline } from './request.deadlines.ts';

const calendar = new WorkingDayCalendar(new Set(SEEDED_YEARS), SEEDED_YEARS.flatMap((y) => chineseDaysCalendar(y)));

describe('request deadlines', () => {
  test('correction notice within 7 working days (第三十条)', () => {
    assert.equal(correctionNoticeDeadline(calendar, '2025-09-26').dueOn, '2025-10-13');
    // 2026-02-10 (Tue): 11, 12, 13, 14 (adjusted Saturday), 24, 25, 26
    assert.equal(correctionNoticeDeadline(calendar, '2026-02-10').dueOn, '2026-02-26');
  });

  test('reply within 20 working days (第三十三条), explained', () => {
    const d = replyDeadline(calendar, { receivedOn: '2025-09-26', extensionDays: 0, pauses: [] }, '2025-09-26');
    assert.equal(d.dueOn, '2025-10-30');
    assert.equal(d.provisional, false);
    assert.match(d.explanation, /收到申请 2025-09-26；20 个工作日；其间节假日 2025-10-01\.\.08/);
  });

  test('a third-party consultation pauses the clock (第三十二条): 3 days paused → 2025-11-04', () => {
    // Letter out Sun 2025-10-12, answer arrived Wed 10-15: 13, 14, 15 paused = 3 working days.
    const closed = replyDeadline(calendar, { receivedOn: '2025-09-26', extensionDays: 0, pauses: [{ startedOn: '2025-10-12', endedOn: '2025-10-15' }] }, '2025-10-20');
    assert.equal(closed.dueOn, '2025-11-04');
    assert.match(closed.explanation, /暂停计时 2025-10-13\.\.2025-10-15/);
    // Letter out Fri 10-10: 10-11 (adjusted Sat), 13, 14, 15 paused = 4 working days.
    const four = replyDeadline(calendar, { receivedOn: '2025-09-26', extensionDays: 0, pauses: [{ startedOn: '2025-10-10', endedOn: '2025-10-15' }] }, '2025-10-20');
    assert.equal(four.dueOn, '2025-11-05');
  });

  test('an open consultation gives a provisional date that moves with today', () => {
    const a = replyDeadline(calendar, { receivedOn: '2025-09-26', extensionDays: 0, pauses: [{ startedOn: '2025-10-12', endedOn: null }] }, '2025-10-15');
    assert.equal(a.provisional, true);
    assert.equal(a.dueOn, '2025-11-04');
    const b = replyDeadline(calendar, { receivedOn: '2025-09-26', extensionDays: 0, pauses: [{ startedOn: '2025-10-12', endedOn: null }] }, '2025-10-16');
    assert.equal(b.dueOn, '2025-11-05');
  });

  test('extension of at most 20 more working days', () => {
    const d = replyDeadline(calendar, { receivedOn: '2025-09-26', extensionDays: 20, pauses: [] }, '2025-10-20');
    // 2025-10-30 + 20 working days: 10-31, 11-03..07, 11-10..14, 11-17..21, 11-24..27 → 11-27
    assert.equal(d.dueOn, '2025-11-27');
    assert.match(d.explanation, /20 个工作日 \+ 延期 20 个工作日/);
    assert.throws(() => replyDeadline(calendar, { receivedOn: '2025-09-26', extensionDays: 21, pauses: [] }, '2025-10-20'), RangeError);
  });

  test('across the 2026 Spring Festival', () => {
    // Received Fri 2026-02-06: 09..13 (5), 14 (6, adjusted Sat), 24..27 (10), 28 (11, adjusted Sat), 03-02..06 (16), 03-09..12 (20)
    assert.equal(replyDeadline(calendar, { receivedOn: '2026-02-06', extensionDays: 0, pauses: [] }, '2026-02-06').dueOn, '2026-03-12');
    assert.equal(consultationDeadline(calendar, '2026-02-06').dueOn, '2026-03-05');
  });
});
