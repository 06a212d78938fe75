import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeForMatching, normalizeWord } from './normalize.ts';

test('spaces, zero-width characters, full-width forms and case are normalised away', () => {
  const input = 'Ａ b\u200B法　轮\u00a0Ｃ';
  const n = normalizeForMatching(input);
  assert.equal(n.text, 'ab法轮c');
  assert.deepEqual([...n.map], [0, 2, 4, 6, 8]);
  assert.equal(input[n.map[2]!], '法');
});

test('words normalise like the text', () => {
  assert.equal(normalizeWord(' ＧＯＯＤ 词 '), 'good词');
  assert.equal(normalizeWord('\u200D'), '');
});
