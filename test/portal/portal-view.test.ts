// Issue 7 parts 1–4 over HTTP: display preferences that persist without JavaScript (/prefs, with
// its open-redirect guard), 繁體 pages, the page cache keyed on them, the government-site
// footer from configuration, HTTPS headers, the base path and the embed mode.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { ColumnNode, ItemDetail } from '../../src/modules/catalog/catalog.contract.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { cookieFrom } from '../helpers/http.ts';
import { columnInput, draftInput, publishItem } from './portal-helpers.ts';

describe('portal view: preferences, 繁體, footer, base path, embed', () => {
  let column: ColumnNode;
  let item: ItemDetail;
  const apps: FastifyInstance[] = [];

  /** Another app over the same database with some configuration changed. */
  async function appWith(change: Partial<Config>): Promise<FastifyInstance> {
    const other = await buildApp({ ...t.services, config: { ...t.services.config, ...change } });
    apps.push(other);
    return other;
  }

  const get = (url: string, headers: Record<string, string> = {}, on = t.app) => on.inject({ method: 'GET', url, headers });

  // Registered before the fixture's hooks so that these apps close while the database is still there.
  after(async () => {
    for (const a of apps) await a.close();
  });
  const t = useHttpFixture({
    setup: async ({ services, fx }) => {
      column = await services.catalog.createColumn(fx.actor('officer'), columnInput('国土资源公告'));
      item = await publishItem(services, fx.actor('officer'), draftInput(column.id, '关于发布国土空间规划的通知'));
    },
  });

  test('/prefs stores the choice in a cookie and goes back to the page', async () => {
    const res = await get(`/prefs?mode=elder&size=l&back=${encodeURIComponent(`/items/${item.id}`)}`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/items/${item.id}`);
    assert.equal(cookieFrom(res, 'gk_prefs'), 'elder.l.zh-Hans');
    assert.match(String(res.headers['set-cookie']), /HttpOnly/);
    // A later change keeps the earlier ones.
    const next = await get('/prefs?lang=zh-Hant&back=/', { cookie: 'gk_prefs=elder.l.zh-Hans' });
    assert.equal(cookieFrom(next, 'gk_prefs'), 'elder.l.zh-Hant');
    // Unknown values change nothing.
    const odd = await get('/prefs?mode=dark&size=xxl&back=/', { cookie: 'gk_prefs=elder.l.zh-Hans' });
    assert.equal(cookieFrom(odd, 'gk_prefs'), 'elder.l.zh-Hans');
  });

  test('/prefs never redirects off the site', async () => {
    const hostile = ['https://evil.example/', '//evil.example/x', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', '/%0d%0aSet-Cookie:x=1', '/a\r\nx: y', 'evil', ''];
    for (const back of hostile) {
      const res = await get(`/prefs?mode=elder&back=${encodeURIComponent(back)}`);
      assert.equal(res.statusCode, 303, back);
      const location = String(res.headers.location);
      assert.ok(location.startsWith('/') && !location.startsWith('//') && !location.includes('\\') && !/[\r\n]/.test(location), `${back} → ${location}`);
      assert.ok(!location.includes('evil.example') || location.startsWith('/%'), `${back} → ${location}`);
    }
    assert.equal((await get('/prefs?back=https://evil.example/')).headers.location, '/');
    assert.equal((await get('/prefs?back=//evil.example')).headers.location, '/');
    assert.equal((await get(`/prefs?back=${encodeURIComponent('/search?q=土地')}`)).headers.location, `/search?q=${encodeURIComponent('土地')}`);
  });

  test('elder mode and font size render as classes on <html>; the toolbar links come back here', async () => {
    const plain = await get(`/items/${item.id}`);
    assert.ok(plain.body.startsWith('<!DOCTYPE html><html lang="zh-CN">'));
    assert.ok(plain.body.includes(`href="/prefs?mode=elder&amp;back=%2Fitems%2F${item.id}"`));
    const elder = await get(`/items/${item.id}`, { cookie: 'gk_prefs=elder.l.zh-Hans' });
    assert.ok(elder.body.startsWith('<!DOCTYPE html><html lang="zh-CN" class="font-l elder">'));
    assert.ok(elder.body.includes('退出长者模式'));
    const small = await get('/', { cookie: 'gk_prefs=standard.s.zh-Hans' });
    assert.ok(small.body.startsWith('<!DOCTYPE html><html lang="zh-CN" class="font-s">'));
  });

  test('繁體: by cookie or linkable ?lang=zh-Hant, text converted, URLs and form values untouched', async () => {
    const byCookie = await get(`/items/${item.id}`, { cookie: 'gk_prefs=standard.m.zh-Hant' });
    const byLink = await get(`/items/${item.id}?lang=zh-Hant`);
    for (const res of [byCookie, byLink]) {
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.startsWith('<!DOCTYPE html><html lang="zh-Hant">'));
      assert.ok(res.body.includes('關於發佈國土空間規劃的通知'), 'title in 繁體');
      assert.ok(!res.body.includes('关于发布国土空间规划的通知'), 'no simplified title left');
      assert.ok(res.body.includes('href="/assets/site.css"'));
      assert.ok(res.body.includes(`/items/${item.id}/print`));
      assert.ok(res.body.includes('简体版') || res.body.includes('簡體版'));
    }
    const search = await get(`/search?q=${encodeURIComponent('国土')}&lang=zh-Hant`);
    assert.ok(search.body.includes('value="国土"'), 'the search box keeps what was typed');
    // Staff pages are never converted.
    const login = await get('/console/login', { cookie: 'gk_prefs=standard.m.zh-Hant' });
    assert.ok(!login.body.includes('lang="zh-Hant"'));
  });

  test('the page cache keeps each preference variant apart, and compresses', async () => {
    const url = `/columns/${column.id}`;
    await get(url);
    const cachedPlain = await get(url);
    assert.equal(cachedPlain.headers['x-page-cache'], 'hit');
    const elder = await get(url, { cookie: 'gk_prefs=elder.m.zh-Hans' });
    assert.equal(elder.headers['x-page-cache'], 'miss');
    assert.ok(elder.body.includes('class="elder"'));
    const hant = await get(url, { cookie: 'gk_prefs=standard.m.zh-Hant' });
    assert.equal(hant.headers['x-page-cache'], 'miss');
    assert.ok(hant.body.includes('lang="zh-Hant"'));
    assert.equal((await get(url, { cookie: 'gk_prefs=standard.m.zh-Hant' })).headers['x-page-cache'], 'hit');
    assert.ok((await get(url)).body.startsWith('<!DOCTYPE html><html lang="zh-CN">'));

    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'accept-encoding, cookie');
    assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), cachedPlain.body);
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), cachedPlain.body);
    const refused = await get(url, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    assert.equal(refused.headers['content-encoding'], undefined);
    // The encoded representation's tag still validates.
    const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    assert.equal(again.statusCode, 304);
  });

  test('footer: organiser, site code, ICP and public-security filing with its link, 找错 link', async () => {
    const configured = await appWith({
      site: {
        organizer: '示例市自然资源局', undertaker: '示例市自然资源局办公室', contact: '0797-1234567', siteCode: '3607000012',
        icp: '赣ICP备05004307号', psb: '赣公网安备36070202000123号', conacUrl: 'https://bszs.conac.cn/sitename?method=show&id=1', errorReportUrl: '',
      },
    });
    const html = (await get('/', {}, configured)).body;
    for (const text of ['主办单位', '示例市自然资源局办公室', '0797-1234567', '网站标识码', '3607000012', '赣ICP备05004307号', '赣公网安备36070202000123号', '党政机关网站标识', '网站支持IPv6'])
      assert.ok(html.includes(text), text);
    assert.ok(html.includes('href="https://beian.miit.gov.cn/"'));
    assert.ok(html.includes('href="https://beian.mps.gov.cn/#/query/webSearch?code=36070202000123"'));
    assert.ok(html.includes('href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3607000012"'));
    const own = await appWith({ site: { ...t.services.config.site, errorReportUrl: 'https://example.gov.cn/jiucuo' } });
    assert.ok((await get('/', {}, own)).body.includes('href="https://example.gov.cn/jiucuo"'));
  });

  test('HSTS only for HTTPS in production; public pages may be framed by FRAME_ANCESTORS, staff pages never', async () => {
    assert.equal((await get('/')).headers['strict-transport-security'], undefined);
    // Production requires a secret key (the apply routes encrypt with it).
    process.env.SECRET_KEY ??= randomBytes(32).toString('base64');
    const https = await appWith({ isProduction: true, env: 'production', publicUrl: 'https://xxgk.example.gov.cn' });
    assert.equal((await get('/', {}, https)).headers['strict-transport-security'], 'max-age=31536000');
    const plainProd = await appWith({ isProduction: true, env: 'production', publicUrl: 'http://10.0.0.1' });
    assert.equal((await get('/', {}, plainProd)).headers['strict-transport-security'], undefined);

    const framed = await appWith({ frameAncestors: "'self' https://www.county.example.gov.cn" });
    assert.match(String((await get('/', {}, framed)).headers['content-security-policy']), /frame-ancestors 'self' https:\/\/www\.county\.example\.gov\.cn/);
    assert.match(String((await get('/console/login', {}, framed)).headers['content-security-policy']), /frame-ancestors 'self'$/);
  });

  test('base path: pages answer under it and every link, asset and redirect carries it', async () => {
    const based = await appWith({ basePath: '/xxgk' });
    const home = await get('/xxgk/', {}, based);
    assert.equal(home.statusCode, 200);
    assert.ok(home.body.includes('href="/xxgk/assets/site.css"'));
    assert.ok(home.body.includes('href="/xxgk/catalog"'));
    assert.ok(home.body.includes('action="/xxgk/search"'));
    assert.ok(!/\s(?:href|src|action)="\/(?!xxgk\/|\/)/.test(home.body), 'no site-absolute URL without the prefix');
    assert.equal((await get('/xxgk', {}, based)).statusCode, 200);
    assert.equal((await get(`/xxgk/items/${item.id}?lang=zh-Hant`, {}, based)).statusCode, 200);
    assert.equal((await get('/xxgk/assets/site.css', {}, based)).statusCode, 200);
    const prefs = await get(`/xxgk/prefs?mode=elder&back=${encodeURIComponent('/catalog')}`, {}, based);
    assert.equal(prefs.headers.location, '/xxgk/catalog');
    const robots = await get('/xxgk/robots.txt', {}, based);
    assert.match(robots.body, /Disallow: \/xxgk\/console\//);
    assert.match(robots.body, /Sitemap: http:\/\/localhost(:\d+)?\/xxgk\/sitemap\.xml/);
  });

  test('embed mode: ?embed=1 or PORTAL_CHROME=none renders the content only, and links stay embedded', async () => {
    const embedded = await get(`/columns/${column.id}?embed=1`);
    assert.equal(embedded.statusCode, 200);
    assert.ok(embedded.body.includes('<main id="main"'));
    for (const part of ['<header class="site-header"', '<footer', 'class="main-nav"', 'class="toolbar"']) assert.ok(!embedded.body.includes(part), part);
    assert.ok(embedded.body.includes(`href="/items/${item.id}?embed=1"`));
    assert.ok(embedded.body.includes('class="embedded"'));
    const chromeless = await appWith({ portalChrome: 'none' });
    const page = await get(`/items/${item.id}`, {}, chromeless);
    assert.ok(!page.body.includes('<footer') && page.body.includes('<main id="main"'));
    assert.ok(!page.body.includes('embed=1'));
  });
});
