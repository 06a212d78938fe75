import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SCORING_RULE, isReminderIgnored, parsePeriod, score, type DepartmentFigures } from './assessment.rules.ts';

const zero: DepartmentFigures = {
  itemsPublished: 0, itemsLate: 0, repliesApproved: 0, repliesLate: 0, remindersSent: 0, remindersIgnored: 0,
  reviewSubmissions: 0, reviewSendBacks: 0, replySubmissions: 0, replyReturns: 0,
};

describe('assessment rules', () => {
  test('periods: year, quarter, month (leap February), and refusals', () => {
    assert.deepEqual([parsePeriod('2025').fromOn, parsePeriod('2025').toOn], ['2025-01-01', '2025-12-31']);
    assert.deepEqual([parsePeriod('2025-Q3').fromOn, parsePeriod('2025-Q3').toOn, parsePeriod('2025-Q3').label], ['2025-07-01', '2025-09-30', '2025年第三季度']);
    assert.equal(parsePeriod('2024-02').toOn, '2024-02-29');
    assert.equal(parsePeriod('2025-12').toOn, '2025-12-31');
    for (const bad of ['2025-13', '2025-Q5', '25', '2025-1']) assert.throws(() => parsePeriod(bad), { status: 422 });
  });

  test('score: deductions per event and per full 10% of send-backs, never below 0', () => {
    assert.deepEqual(score(DEFAULT_SCORING_RULE, zero), { score: 100, deductions: 0 });
    // 2 late items (4) + 1 late reply (5) + 3 ignored (3) + 30% send-backs (3) + 25% returns (2) = 17
    const f = { ...zero, itemsLate: 2, repliesLate: 1, remindersIgnored: 3, reviewSubmissions: 10, reviewSendBacks: 3, replySubmissions: 4, replyReturns: 1 };
    assert.deepEqual(score(DEFAULT_SCORING_RULE, f), { score: 83, deductions: 17 });
    assert.equal(score({ ...DEFAULT_SCORING_RULE, perLateReply: 0.5 }, { ...zero, repliesLate: 3 }).score, 98.5);
    assert.equal(score(DEFAULT_SCORING_RULE, { ...zero, repliesLate: 30 }).score, 0);
  });

  test('a reminder is ignored when unread by the end of the day it warned about', () => {
    const r = { kind: 'reminder.reply.3', uniqueKey: 'REQ:reply:2025-09-24:3@DEPT', createdAt: '2025-09-19T00:30:00.000Z' };
    assert.equal(isReminderIgnored({ ...r, readAt: null }, '2025-09-24'), null, 'not judged on the due day');
    assert.equal(isReminderIgnored({ ...r, readAt: null }, '2025-09-25'), true);
    assert.equal(isReminderIgnored({ ...r, readAt: '2025-09-24T15:59:00.000Z' }, '2025-09-25'), false, '23:59 Beijing on the due day');
    assert.equal(isReminderIgnored({ ...r, readAt: '2025-09-24T16:00:00.000Z' }, '2025-09-25'), true, '00:00 Beijing the next day');
    const overdue = { kind: 'reminder.reply.overdue', uniqueKey: 'REQ:reply:2025-09-10:overdue@DEPT', createdAt: '2025-09-11T00:30:00.000Z' };
    assert.equal(isReminderIgnored({ ...overdue, readAt: '2025-09-11T09:00:00.000Z' }, '2025-09-20'), false, 'read the day it was sent');
    assert.equal(isReminderIgnored({ ...overdue, readAt: '2025-09-12T01:00:00.000Z' }, '2025-09-20'), true);
  });
});
