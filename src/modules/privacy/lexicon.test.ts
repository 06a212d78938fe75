import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLexiconMatcher } from './lexicon.ts';

const matcher = buildLexiconMatcher([
  { word: '内部资料', category: '涉密' },
  { word: 'ABC机密', category: '涉密' },
  { word: '赌博', category: '违法' },
]);

test('plain matches with their positions', () => {
  const text = '本文件为内部资料，请勿外传';
  assert.deepEqual(matcher.match(text).map((m) => [m.word, m.start, m.end, m.text]), [['内部资料', 4, 8, '内部资料']]);
});

test('inserted spaces, zero-width characters, full-width forms and case do not hide a word', () => {
  const text = '涉及 内 部\u200B资　料 与 ＡＢＣ机密 和 abc 机 密，赌\uFEFF博';
  const found = matcher.match(text);
  assert.deepEqual(found.map((m) => m.word), ['内部资料', 'ABC机密', 'ABC机密', '赌博']);
  assert.deepEqual(found.map((m) => m.text), ['内 部\u200B资　料', 'ＡＢＣ机密', 'abc 机 密', '赌\uFEFF博']);
  for (const m of found) assert.equal(text.slice(m.start, m.end), m.text);
});

test('an empty lexicon matches nothing; words differing only in form count once', () => {
  assert.deepEqual(buildLexiconMatcher([]).match('内部资料'), []);
  assert.equal(buildLexiconMatcher([{ word: 'ＡＢ', category: 'x' }, { word: 'ab', category: 'x' }]).size, 1);
});
