import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText, sanitizeBody, textToHtml } from './catalog.html.ts';
import { formatIndexNumber } from './index-number.ts';
import { splitTitle } from './drafts.service.ts';

test('sanitizeBody keeps the allowed structure and drops scripts, styles, events and unsafe links', () => {
  const dirty = '<h1 style="x">题</h1><p onmouseover="x">文<b>粗</b><a href="mailto:a@b.cn">信</a><a href="//evil">协议相对</a><img src=x onerror=alert(1)></p><table><tr><td colspan="2" class="c">格</td></tr></table><style>p{}</style><script>alert(1)</script>';
  assert.equal(sanitizeBody(dirty), '<h2>题</h2><p>文<strong>粗</strong><a href="mailto:a@b.cn" rel="noopener noreferrer">信</a><a rel="noopener noreferrer">协议相对</a></p><table><tr><td colspan="2">格</td></tr></table>');
});

test('htmlToText: one line per block, entities decoded', () => {
  assert.equal(htmlToText('<p>甲 &amp; 乙</p><ul><li>一</li><li>二&lt;三&gt;</li></ul>'), '甲 & 乙\n一\n二<三>');
  assert.equal(textToHtml('a<b\n\n c '), '<p>a&lt;b</p><p>c</p>');
});

test('index numbers follow the agency template', () => {
  const v = { creditCode: '11360700MB1234567X', agencyCode: 'gz', columnCode: 'zcwj', year: 2025, serial: 7 };
  assert.equal(formatIndexNumber('{creditCode}/{YYYY}-{NNNNN}', v), '11360700MB1234567X/2025-00007');
  assert.equal(formatIndexNumber('{agencyCode}-{columnCode}-{YYYY}-{NNN}', v), 'gz-zcwj-2025-007');
});

test('splitTitle takes the first heading as the title and removes it from the body', () => {
  assert.deepEqual(splitTitle('<p>引言</p><h2>标题</h2><p>正文</p>'), { title: '标题', bodyHtml: '<p>引言</p><p>正文</p>', bodyText: '引言\n正文' });
  assert.equal(splitTitle('<p>第一段</p><p>第二段</p>').title, '第一段');
});
