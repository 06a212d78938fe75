import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlight, snippet } from './search.highlight.ts';

test('highlight escapes everything and marks the longest match', () => {
  assert.equal(highlight('<b>国土资源</b>&"', ['国土', '国土资源']), '&lt;b&gt;<mark>国土资源</mark>&lt;/b&gt;&amp;&quot;');
});

test('highlight matches full-width text against half-width terms, keeping the original', () => {
  assert.equal(highlight('ＧＩＳ数据', ['gis']), '<mark>ＧＩＳ</mark>数据');
});

test('snippet is a passage around the first match', () => {
  const body = `${'前言'.repeat(200)}征地补偿${'后文'.repeat(200)}`;
  const html = snippet(body, ['征地', '补偿']);
  assert.ok(html.startsWith('…') && html.endsWith('…'));
  assert.ok(html.includes('<mark>征地</mark><mark>补偿</mark>'));
  assert.ok(html.length < 200);
});

test('snippet without a match starts at the beginning', () => {
  assert.equal(snippet('短文本 <i>', ['征地']), '短文本 &lt;i&gt;');
});
