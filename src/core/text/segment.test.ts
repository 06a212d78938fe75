import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText, queryTerms, segmentForSearch } from './segment.ts';

test('search mode keeps long words and their two-character parts', () => {
  const tokens = segmentForSearch('市国土资源局征地补偿安置方案');
  for (const word of ['国土', '资源', '国土资源', '征地', '补偿']) assert.ok(tokens.includes(word), `${word} in ${tokens.join('/')}`);
});

test('normalisation maps full-width to half-width and lower case, one unit for one', () => {
  assert.equal(normalizeText('ＧＩＳ　数据１２３〔２０２５〕'), 'gis 数据123〔2025〕');
  const text = 'ＡＢＣ征地İ';
  assert.equal(normalizeText(text).length, text.length);
});

test('punctuation and whitespace are not terms; terms are distinct', () => {
  assert.deepEqual(queryTerms('  "，。" ( ) '), []);
  assert.deepEqual(queryTerms('征地 征地'), ['征地']);
});
