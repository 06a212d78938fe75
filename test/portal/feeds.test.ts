// Issue 7 parts 4 and 5 over HTTP: RSS and Atom per column (well-formed XML), the JSON feed with
// CORS and the JS feed for inclusion elsewhere, the sitemap (an index past the per-file limit),
// robots.txt, OpenGraph and canonical links, and QR codes limited to the site's own pages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { SaxesParser } from 'saxes';
import type { ColumnNode, ItemDetail } from '../../src/modules/catalog/catalog.contract.ts';
import { registerFeedRoutes } from '../../src/modules/portal/feeds.routes.ts';
import { createPortalService } from '../../src/modules/portal/portal.service.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { columnInput, draftInput, publishItem } from './portal-helpers.ts';

/** Parses the whole document strictly; returns the element names in order. */
function xmlElements(xml: string): string[] {
  const names: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (err) => {
    throw err;
  });
  parser.on('opentag', (tag) => names.push(tag.local));
  parser.write(xml).close();
  return names;
}

describe('feeds, sitemap, robots and QR codes', () => {
  let column: ColumnNode;
  const items: ItemDetail[] = [];
  const get = (url: string, headers: Record<string, string> = {}, on = t.app) => on.inject({ method: 'GET', url, headers });

  const t = useHttpFixture({
    appConfig: { publicUrl: 'https://xxgk.example.gov.cn' },
    setup: async ({ services, fx }) => {
      column = await services.catalog.createColumn(fx.actor('officer'), columnInput('规划公示'));
      items.push(await publishItem(services, fx.actor('officer'), draftInput(column.id, '关于<城区>控规调整 & 公示的公告')));
      items.push(await publishItem(services, fx.actor('officer'), draftInput(column.id, '第二份公告')));
    },
  });

  test('RSS 2.0 and Atom per column: well-formed, escaped, absolute links', async () => {
    const rss = await get(`/columns/${column.id}/rss.xml`);
    assert.equal(rss.statusCode, 200);
    assert.match(String(rss.headers['content-type']), /^application\/rss\+xml/);
    const rssNames = xmlElements(rss.body);
    assert.equal(rssNames[0], 'rss');
    assert.equal(rssNames.filter((n) => n === 'item').length, 2);
    assert.ok(rss.body.includes('关于&lt;城区&gt;控规调整 &amp; 公示的公告'));
    assert.ok(rss.body.includes(`<link>https://xxgk.example.gov.cn/items/${items[0].id}</link>`));

    const atom = await get(`/columns/${column.id}/atom.xml`);
    assert.match(String(atom.headers['content-type']), /^application\/atom\+xml/);
    const atomNames = xmlElements(atom.body);
    assert.equal(atomNames[0], 'feed');
    assert.equal(atomNames.filter((n) => n === 'entry').length, 2);
    assert.ok(atom.body.includes(`href="https://xxgk.example.gov.cn/columns/${column.id}/atom.xml"`));

    assert.equal((await get('/columns/nope/rss.xml')).statusCode, 404);
    // The column page announces its feeds.
    const page = await get(`/columns/${column.id}`);
    assert.ok(page.body.includes(`<link rel="alternate" type="application/rss+xml"`));
  });

  test('JSON feed with CORS, and a JS feed that builds the list with DOM calls', async () => {
    const json = await get(`/feeds/columns/${column.id}.json`);
    assert.equal(json.statusCode, 200);
    assert.equal(json.headers['access-control-allow-origin'], '*');
    const data = json.json() as { column: { title: string }; items: { title: string; url: string }[] };
    assert.equal(data.column.title, '规划公示');
    assert.equal(data.items.length, 2);
    assert.ok(data.items.every((i) => i.url.startsWith('https://xxgk.example.gov.cn/items/')));

    const js = await get(`/feeds/columns/${column.id}.js?target=county-xxgk`);
    assert.match(String(js.headers['content-type']), /^application\/javascript/);
    assert.ok(js.body.includes('document.getElementById("county-xxgk")'));
    assert.ok(!js.body.includes('document.write') && !js.body.includes('innerHTML'));
    assert.ok(!js.body.includes('<城区>'), 'markup characters are escaped inside the script');
    assert.equal((await get(`/feeds/columns/${column.id}.js?target=${encodeURIComponent('x");alert(1);//')}`)).statusCode, 404);
    assert.equal((await get(`/feeds/columns/${column.id}.xml`)).statusCode, 404);
  });

  test('sitemap lists pages, columns and items; robots.txt points to it', async () => {
    const sitemap = await get('/sitemap.xml');
    assert.equal(sitemap.statusCode, 200);
    const names = xmlElements(sitemap.body);
    assert.equal(names[0], 'urlset');
    for (const path of ['/', '/catalog', '/guide', `/columns/${column.id}`, `/items/${items[0].id}`, `/items/${items[1].id}`])
      assert.ok(sitemap.body.includes(`<loc>https://xxgk.example.gov.cn${path}</loc>`), path);
    assert.ok(sitemap.body.includes('<lastmod>'));

    const robots = await get('/robots.txt');
    assert.match(String(robots.headers['content-type']), /^text\/plain/);
    assert.match(robots.body, /^User-agent: \*$/m);
    assert.match(robots.body, /^Disallow: \/console\/$/m);
    assert.match(robots.body, /^Sitemap: https:\/\/xxgk\.example\.gov\.cn\/sitemap\.xml$/m);
  });

  test('past the per-file limit the sitemap becomes an index of files', async () => {
    const small = Fastify();
    await small.register(cookie);
    registerFeedRoutes(small, t.services, createPortalService(t.services), { sitemapPerFile: 1 });
    const index = await get('/sitemap.xml', {}, small);
    assert.equal(xmlElements(index.body)[0], 'sitemapindex');
    for (const file of ['pages.xml', 'items-1.xml', 'items-2.xml']) assert.ok(index.body.includes(`/sitemaps/${file}</loc>`), file);
    const first = await get('/sitemaps/items-1.xml', {}, small);
    const second = await get('/sitemaps/items-2.xml', {}, small);
    assert.equal(xmlElements(first.body).filter((n) => n === 'url').length, 1);
    assert.notEqual(first.body, second.body);
    assert.equal((await get('/sitemaps/items-3.xml', {}, small)).statusCode, 404);
    assert.ok((await get('/sitemaps/pages.xml', {}, small)).body.includes(`/columns/${column.id}</loc>`));
    await small.close();
  });

  test('item pages: canonical link, OpenGraph and a QR code of the page', async () => {
    const page = await get(`/items/${items[1].id}?utm_source=x`);
    assert.ok(page.body.includes(`<link rel="canonical" href="https://xxgk.example.gov.cn/items/${items[1].id}"/>`));
    assert.ok(page.body.includes('<meta property="og:type" content="article"/>'));
    assert.ok(page.body.includes('<meta property="og:title" content="第二份公告'));
    assert.ok(page.body.includes(`src="/qr.svg?u=%2Fitems%2F${items[1].id}"`));
    assert.ok((await get('/guide')).body.includes('src="/qr.svg?u=%2Fguide"'));
  });

  test('QR codes only for the site\'s own pages', async () => {
    const qr = await get(`/qr.svg?u=${encodeURIComponent(`/items/${items[0].id}`)}`);
    assert.equal(qr.statusCode, 200);
    assert.match(String(qr.headers['content-type']), /^image\/svg\+xml/);
    assert.equal(xmlElements(qr.body)[0], 'svg');
    for (const u of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', ''])
      assert.equal((await get(`/qr.svg?u=${encodeURIComponent(u)}`)).statusCode, 404, u);
  });
});
