import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCalendarLines, parseCalendarLines } from './calendar-lines.ts';

describe('parseCalendarLines', () => {
  test('reads holidays and adjusted workdays, sorted', () => {
    const { days, errors } = parseCalendarLines('2027-02-07 班 春节调休\n\n2027-01-01 休 元旦\n', 2027);
    assert.deepEqual(errors, []);
    assert.deepEqual(days, [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-07', kind: 'adjustedWorkday', name: '春节调休' },
    ]);
  });

  test('reports each bad line with its number', () => {
    const text = ['2027-13-01 休 x', '2026-01-01 休 元旦', '2027-01-04 班 调休', '2027-01-01 放 元旦', '2027-01-02 休 a', '2027-01-02 休 b'].join('\n');
    const { errors } = parseCalendarLines(text, 2027);
    assert.deepEqual(
      errors.map((e) => e.line),
      [1, 2, 3, 4, 6],
    );
    assert.match(errors[0].message, /不是有效日期/);
    assert.match(errors[1].message, /不属于 2027 年/);
    assert.match(errors[2].message, /星期六或星期日/);
    assert.match(errors[3].message, /“休”/);
    assert.match(errors[4].message, /与第 5 行重复/);
  });

  test('an empty entry is refused', () => {
    assert.equal(parseCalendarLines('  \n', 2027).errors.length, 1);
  });

  test('formatting round-trips', () => {
    const days = [{ date: '2027-01-01', kind: 'holiday' as const, name: '元旦' }];
    assert.deepEqual(parseCalendarLines(formatCalendarLines(days), 2027).days, days);
  });
});
