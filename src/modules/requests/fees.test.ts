import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assessFee, formatFen, perPageFee, perRequestFee } from './fees.ts';

describe('per-request fee (国办函〔2020〕109号)', () => {
  test('1–10 requests a month are free', () => {
    assert.equal(perRequestFee(1), 0);
    assert.equal(perRequestFee(10), 0);
  });
  test('tier boundaries 10/11, 30/31, 40/41, 50/51, 60/61', () => {
    assert.equal(perRequestFee(11), 10000);
    assert.equal(perRequestFee(30), 10000);
    assert.equal(perRequestFee(31), 20000);
    assert.equal(perRequestFee(40), 20000);
    assert.equal(perRequestFee(41), 30000);
    assert.equal(perRequestFee(50), 30000);
    assert.equal(perRequestFee(51), 40000);
    assert.equal(perRequestFee(60), 40000);
    assert.equal(perRequestFee(61), 50000);
  });
  test('rejects a rank below 1', () => {
    assert.throws(() => perRequestFee(0), RangeError);
  });
});

describe('per-page fee, progressive', () => {
  test('1–30 pages are free', () => {
    assert.equal(perPageFee(0), 0);
    assert.equal(perPageFee(30), 0);
  });
  test('tier boundaries 30/31, 100/101, 200/201', () => {
    assert.equal(perPageFee(31), 1000);
    assert.equal(perPageFee(100), 70 * 1000);
    assert.equal(perPageFee(101), 70 * 1000 + 2000);
    assert.equal(perPageFee(200), 70 * 1000 + 100 * 2000);
    assert.equal(perPageFee(201), 70 * 1000 + 100 * 2000 + 4000);
    assert.equal(perPageFee(250), 70 * 1000 + 100 * 2000 + 50 * 4000);
  });
});

describe('assessment', () => {
  test('per request ignores pages; per page ignores the rank', () => {
    assert.deepEqual(
      { ...assessFee('perRequest', 12, null), tier: '' },
      { basis: 'perRequest', pages: null, rankInMonth: 12, amountFen: 10000, tier: '' },
    );
    assert.equal(assessFee('perPage', 45, 31).amountFen, 1000);
    assert.match(assessFee('perPage', 45, 150).tier, /101–150 页每页 20 元/);
  });
  test('formats fen as yuan', () => {
    assert.equal(formatFen(10000), '100 元');
    assert.equal(formatFen(1050), '10.50 元');
  });
});
