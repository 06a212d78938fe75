import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { etagMatches, registerPageCache, strongEtag } from './page-cache.ts';

/** A bare app with one cacheable route per path segment; `renders` counts handler runs. */
async function tinyApp(opts: { maxEntries?: number; maxBytes?: number } = {}) {
  const app = Fastify();
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', '');
  let version = 1;
  const renders: string[] = [];
  const cache = registerPageCache(app, { version: async () => String(version), maxEntries: opts.maxEntries ?? 10, maxBytes: opts.maxBytes, cacheControl: 'public, max-age=60' });
  app.get('/page/:name', { config: { pageCache: true } }, async (request, reply) => {
    const { name } = request.params as { name: string };
    renders.push(name);
    if (name === 'cookie') reply.setCookie('tracking', 'x');
    const body = name === 'form' ? '<form method="post"><input name="_csrf" value="t"></form>' : `<p>${name} v${version}</p>`;
    return reply.type('text/html; charset=utf-8').send(body);
  });
  app.get('/plain/:name', async (_request, reply) => reply.type('text/html; charset=utf-8').send('<p>plain</p>'));
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  return { app, cache, renders, get, bump: () => version++ };
}

describe('page cache', () => {
  test('serves a hit without running the handler until the version changes', async () => {
    const { get, renders, bump, cache } = await tinyApp();
    assert.equal((await get('/page/a')).body, '<p>a v1</p>');
    assert.equal((await get('/page/a')).body, '<p>a v1</p>');
    assert.deepEqual(renders, ['a']);
    bump();
    assert.equal((await get('/page/a')).body, '<p>a v2</p>');
    assert.deepEqual(renders, ['a', 'a']);
    assert.deepEqual(cache.stats(), { hits: 1, misses: 2, stores: 2, entries: 1, bytes: 11 });
  });

  test('keeps at most maxEntries pages, dropping the least recently used', async () => {
    const { get, renders, cache } = await tinyApp({ maxEntries: 2 });
    await get('/page/a');
    await get('/page/b');
    await get('/page/a');
    await get('/page/c');
    assert.equal(cache.stats().entries, 2);
    await get('/page/a');
    await get('/page/b');
    assert.deepEqual(renders, ['a', 'b', 'c', 'b']);
  });

  test('keeps at most maxBytes of HTML', async () => {
    const { get, cache } = await tinyApp({ maxBytes: 48 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) await get(`/page/${name}`);
    assert.ok(cache.stats().bytes <= 48);
    assert.equal(cache.stats().entries, 4);
  });

  test('never stores pages with a CSRF field or other cookies, nor routes that did not opt in', async () => {
    const { get, renders } = await tinyApp();
    for (const name of ['form', 'form', 'cookie', 'cookie']) await get(`/page/${name}`);
    assert.deepEqual(renders, ['form', 'form', 'cookie', 'cookie']);
    assert.equal((await get('/plain/x')).headers['x-page-cache'], undefined);
  });

  test('signed-in requests (a session cookie) bypass the cache both ways', async () => {
    const { get, renders } = await tinyApp();
    await get('/page/a', { cookie: 'gk_session=abc' });
    await get('/page/a');
    await get('/page/a', { cookie: 'gk_session=abc' });
    assert.deepEqual(renders, ['a', 'a', 'a']);
  });

  test('maxEntries 0 turns the cache off but keeps ETags and 304', async () => {
    const { get, renders } = await tinyApp({ maxEntries: 0 });
    const first = await get('/page/a');
    const again = await get('/page/a', { 'if-none-match': String(first.headers.etag) });
    assert.equal(again.statusCode, 304);
    assert.deepEqual(renders, ['a', 'a']);
  });

  test('ETags are strong, stable and compared as lists', () => {
    const tag = strongEtag('<p>x</p>');
    assert.equal(tag, strongEtag('<p>x</p>'));
    assert.notEqual(tag, strongEtag('<p>y</p>'));
    assert.ok(etagMatches(`"other", ${tag}`, tag));
    assert.ok(etagMatches(`W/${tag}`, tag));
    assert.ok(etagMatches('*', tag));
    assert.ok(!etagMatches('"other"', tag));
    assert.ok(!etagMatches(undefined, tag));
  });
});
