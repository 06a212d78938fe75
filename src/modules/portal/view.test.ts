import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripBasePath } from '../../core/http/base-path.ts';
import { chooseEncoding } from '../../core/http/page-cache.ts';
import { escapeXml, itemSitemapCount, robotsTxt } from './feeds.ts';
import { psbHref } from './footer.tsx';
import { prefixLocation, rewriteLinks, toTraditionalHtml } from './html-transform.ts';
import { canonicalPath, parsePrefsCookie, safeBackPath, updatePrefs } from './view.ts';

test('prefs cookie: strict parsing with defaults part by part', () => {
  assert.deepEqual(parsePrefsCookie('elder.l.zh-Hant'), { mode: 'elder', size: 'l', lang: 'zh-Hant' });
  assert.deepEqual(parsePrefsCookie('bogus.xl.en'), { mode: 'standard', size: 'm', lang: 'zh-Hans' });
  assert.deepEqual(parsePrefsCookie(undefined), { mode: 'standard', size: 'm', lang: 'zh-Hans' });
  assert.deepEqual(updatePrefs(parsePrefsCookie('elder.l.zh-Hans'), { size: 's', mode: 'x' }), { mode: 'elder', size: 's', lang: 'zh-Hans' });
});

test('safeBackPath keeps local paths and refuses everything that could leave the site', () => {
  assert.equal(safeBackPath('/items/1?page=2'), '/items/1?page=2');
  for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', '\\evil', 'javascript:alert(1)', '/a\nb', '/a b', 42, undefined, 'x'.repeat(3000)])
    assert.equal(safeBackPath(bad), '/', String(bad));
});

test('canonical path keeps only the parameters that select content', () => {
  assert.equal(canonicalPath('/search?q=土地&utm=1&lang=zh-Hant&page=2'), `/search?page=2&q=${encodeURIComponent('土地')}`);
  assert.equal(canonicalPath('/items/1?embed=1'), '/items/1');
});

test('繁體 conversion touches text and readable attributes, never URLs or form values', () => {
  const html = '<a href="/search?q=国土" title="国土资源">国土资源</a><input value="国土" placeholder="请输入关键词"/>';
  assert.equal(toTraditionalHtml(html), '<a href="/search?q=国土" title="國土資源">國土資源</a><input value="国土" placeholder="請輸入關鍵詞"/>');
});

test('base path and embed rewriting of links; redirects', () => {
  const html = '<a href="/items/1">x</a><a href="https://gov.cn/">y</a><a href="//cdn/x">z</a><link href="/assets/site.css"/><form action="/search"></form><a href="/search?q=1#r">s</a>';
  assert.equal(
    rewriteLinks(html, { basePath: '/xxgk', embed: true }),
    '<a href="/xxgk/items/1?embed=1">x</a><a href="https://gov.cn/">y</a><a href="//cdn/x">z</a><link href="/xxgk/assets/site.css"/><form action="/xxgk/search"></form><a href="/xxgk/search?q=1&amp;embed=1#r">s</a>',
  );
  assert.equal(rewriteLinks(html, { basePath: '', embed: false }), html);
  assert.equal(prefixLocation('/catalog', '/xxgk'), '/xxgk/catalog');
  assert.equal(prefixLocation('https://x/', '/xxgk'), 'https://x/');
  assert.equal(stripBasePath('/xxgk', '/xxgk/items/1'), '/items/1');
  assert.equal(stripBasePath('/xxgk', '/xxgk?lang=zh-Hant'), '/?lang=zh-Hant');
  assert.equal(stripBasePath('/xxgk', '/xxgkother'), '/xxgkother');
});

test('feeds helpers: XML escaping, sitemap files, robots', () => {
  assert.equal(escapeXml('a<b>&"\'\u0001'), 'a&lt;b&gt;&amp;&quot;&apos;');
  assert.equal(itemSitemapCount(100_000), 2);
  assert.equal(itemSitemapCount(50_000), 1);
  assert.match(robotsTxt('/xxgk', 'https://x/xxgk/sitemap.xml'), /^Disallow: \/xxgk\/console\/$/m);
  assert.equal(psbHref('京公网安备11010502030143号'), 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143');
});

test('content negotiation prefers brotli and honours q=0', () => {
  assert.equal(chooseEncoding('gzip, deflate, br'), 'br');
  assert.equal(chooseEncoding('gzip'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(chooseEncoding('identity'), null);
  assert.equal(chooseEncoding(undefined), null);
  assert.equal(chooseEncoding('*'), 'br');
});
