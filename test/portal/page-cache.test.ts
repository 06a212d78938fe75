// The portal's server-side page cache (issue 7 part 7): anonymous public pages are answered from
// memory until anything they show changes in the database, whichever process changed it; pages
// with per-visitor tokens and signed-in requests never go through the cache.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { ColumnNode, ItemDetail } from '../../src/modules/catalog/catalog.contract.ts';
import { createServices, type Services } from '../../src/services.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { columnInput, draftInput, publishItem } from './portal-helpers.ts';

describe('portal page cache', () => {
  let second: Services;
  let appB: FastifyInstance;
  let column: ColumnNode;
  let item: ItemDetail;

  const get = (url: string, headers: Record<string, string> = {}, on = t.app) => on.inject({ method: 'GET', url, headers });
  const officer = () => t.fx.actor('officer');
  const publish = (title: string) => publishItem(t.services, officer(), draftInput(column.id, title));

  /** Renders the page if it is not cached yet; the next request is answered from the cache with the same bytes. */
  async function warm(url: string, on = t.app) {
    const first = await get(url, {}, on);
    assert.equal(first.statusCode, 200, url);
    assert.ok(['miss', 'hit'].includes(String(first.headers['x-page-cache'])), url);
    const again = await get(url, {}, on);
    assert.equal(again.headers['x-page-cache'], 'hit', url);
    assert.equal(again.body, first.body);
    assert.equal(again.headers.etag, first.headers.etag);
    return again;
  }

  // Registered before the fixture's hooks so that the second process closes first.
  after(async () => {
    await appB?.close();
    await second?.close();
  });
  const t = useHttpFixture({
    setup: async ({ services, fx }) => {
      column = await services.catalog.createColumn(fx.actor('officer'), columnInput('国土公告'));
      item = await publishItem(services, fx.actor('officer'), draftInput(column.id, '关于城关镇土地征收的公告'));
    },
  });
  before(async () => {
    // A second process over the same database: its own services, connection and page cache.
    second = await createServices(t.services.config, { clock: t.services.clock, migrate: false });
    appB = await buildApp(second);
  });

  test('public pages are served from the cache with the public cache header', async () => {
    for (const url of ['/', '/catalog', `/columns/${column.id}`, `/items/${item.id}`, `/items/${item.id}/print`, '/guide', `/search?q=${encodeURIComponent('征收')}`]) {
      const res = await warm(url);
      assert.equal(res.headers['cache-control'], 'public, max-age=60', url);
      assert.match(String(res.headers['content-type']), /^text\/html/, url);
      assert.equal(res.headers['set-cookie'], undefined, url);
      assert.ok(res.body.startsWith('<!DOCTYPE html>'), url);
    }
  });

  test('the query string is part of the key: ?agency= pages are cached apart', async () => {
    const own = await warm(`/?agency=${t.fx.otherAgency.code}`);
    assert.ok(own.body.includes(t.fx.otherAgency.name));
    const plain = await warm('/');
    assert.notEqual(plain.headers.etag, own.headers.etag);
    assert.notEqual(plain.body, own.body);
  });

  test('ETag: a matching If-None-Match gets 304 without a body, from the cache and on a render', async () => {
    const url = `/items/${item.id}`;
    const page = await warm(url);
    const etag = String(page.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    const cached = await get(url, { 'if-none-match': etag });
    assert.equal(cached.statusCode, 304);
    assert.equal(cached.body, '');
    assert.equal(cached.headers.etag, etag);
    const other = await get(url, { 'if-none-match': '"something-else"' });
    assert.equal(other.statusCode, 200);
    // Without a cached copy (the query string makes a new key) the rendered page is compared.
    const rendered = await get(`${url}?x=1`, { 'if-none-match': etag });
    assert.equal(rendered.headers['x-page-cache'], 'miss');
    assert.equal(rendered.statusCode, 304);
  });

  test('a publication invalidates the pages: new items show at once', async () => {
    await warm(`/columns/${column.id}`);
    await warm('/');
    const fresh = await publish('关于划拨供地结果的公示');
    for (const url of [`/columns/${column.id}`, '/']) {
      const res = await get(url);
      assert.equal(res.headers['x-page-cache'], 'miss', url);
      assert.ok(res.body.includes(`/items/${fresh.id}`), url);
    }
  });

  test('a revision and a takedown invalidate the item page', async () => {
    const url = `/items/${item.id}`;
    await warm(url);
    await t.services.catalog.revise(officer(), item.id, draftInput(column.id, '关于城关镇土地征收的公告（修订）'), '更正文字');
    const revised = await get(url);
    assert.equal(revised.headers['x-page-cache'], 'miss');
    assert.ok(revised.body.includes('关于城关镇土地征收的公告（修订）'));
    await warm(url);
    await t.services.database.db.transaction().execute((trx) => t.services.catalog.workflow.takedown(trx, item.id));
    assert.equal((await get(url)).statusCode, 404);
  });

  test('renaming a column and editing the agency invalidate the pages that show them', async () => {
    const url = `/columns/${column.id}`;
    await warm(url);
    column = await t.services.catalog.updateColumn(officer(), column.id, { ...columnInput('国土资源公告'), code: column.code });
    const renamed = await get(url);
    assert.equal(renamed.headers['x-page-cache'], 'miss');
    assert.ok(renamed.body.includes('国土资源公告'));

    await warm('/guide');
    await t.services.database.db.updateTable('agencies').set({ phone: '0797-8888888' }).where('id', '=', t.fx.agency.id).execute();
    const guide = await get('/guide');
    assert.equal(guide.headers['x-page-cache'], 'miss');
    assert.ok(guide.body.includes('0797-8888888'));
  });

  test('a publication through one process invalidates the pages another process cached', async () => {
    const url = `/columns/${column.id}`;
    await warm(url, appB);
    const fresh = await publishItem(second, officer(), draftInput(column.id, '关于采矿权出让的公告'));
    const onA = await get(url);
    assert.ok(onA.body.includes(`/items/${fresh.id}`));
    // And the other way round: published through A, seen by B.
    await warm(url, appB);
    const other = await publish('关于基准地价调整的公告');
    const onB = await get(url, {}, appB);
    assert.equal(onB.headers['x-page-cache'], 'miss');
    assert.ok(onB.body.includes(`/items/${other.id}`));
  });

  test('pages with per-visitor tokens are never cached: apply and track', async () => {
    for (const url of ['/apply', '/track']) {
      const first = await get(url);
      const second = await get(url);
      assert.equal(first.statusCode, 200, url);
      assert.equal(first.headers['x-page-cache'], undefined, url);
      assert.equal(second.headers['x-page-cache'], undefined, url);
      // Each anonymous visitor gets a token of its own.
      assert.notEqual(second.body, first.body, url);
    }
  });

  test('signed-in staff never get a cached page and never fill the cache', async () => {
    const { token } = await t.services.accounts.login({ username: t.fx.users.officer.username, password: t.fx.password }, '127.0.0.1', 'test');
    const staff = { cookie: `gk_session=${token}` };
    const url = `/columns/${column.id}?staff=1`;
    const asStaff = await get(url, staff);
    assert.equal(asStaff.headers['cache-control'], 'no-store');
    assert.equal(asStaff.headers['x-page-cache'], undefined);
    assert.equal(asStaff.headers.etag, undefined);
    const anonymous = await get(url);
    assert.equal(anonymous.headers['x-page-cache'], 'miss', 'the staff request stored nothing');
    const cachedForAnonymous = await get(url);
    assert.equal(cachedForAnonymous.headers['x-page-cache'], 'hit');
    const staffAgain = await get(url, staff);
    assert.equal(staffAgain.headers['x-page-cache'], undefined);
    assert.equal(staffAgain.headers['cache-control'], 'no-store');
  });
});
