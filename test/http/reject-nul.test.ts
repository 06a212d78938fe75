// NUL characters in URLs and queries are refused with 400 before any route runs
// (PostgreSQL cannot store them; the fuzz test found 500s on PostgreSQL before this).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createColumn, createFixture, publishedItem } from '../factories.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

describe('requests with NUL characters', () => {
  let s: TestServices;
  let app: FastifyInstance;
  let itemId: string;
  before(async () => {
    s = await createTestServices();
    app = await buildApp(s);
    const fx = await createFixture(s);
    const column = await createColumn(s, fx);
    itemId = (await publishedItem(s, fx, column.id)).id;
  });
  after(async () => {
    await app.close();
    await s.cleanup();
  });

  test('in a path or a query: 400 INVALID_CHARACTERS, in our error format', async () => {
    for (const url of ['/items/a%00b', '/columns/%00', '/?agency=%00', '/search?q=%E5%9C%9F%00', '/api/v1/items/%00', '/attachments/x%00']) {
      const res = await app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().error.code, 'INVALID_CHARACTERS', url);
    }
  });

  test('pages answer normally without them', async () => {
    assert.equal((await app.inject(`/items/${itemId}`)).statusCode, 200);
    assert.equal((await app.inject('/search?q=%E5%9C%9F%E5%9C%B0')).statusCode, 200);
  });
});
