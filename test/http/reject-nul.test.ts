// NUL characters in URLs and queries are refused with 400 before any route runs
// (PostgreSQL cannot store them; the fuzz test found 500s on PostgreSQL before this).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createColumn, publishedItem } from '../factories.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('requests with NUL characters', () => {
  let itemId: string;
  const t = useHttpFixture({
    setup: async ({ services, fx }) => {
      const column = await createColumn(services, fx);
      itemId = (await publishedItem(services, fx, column.id)).id;
    },
  });

  test('in a path or a query: 400 INVALID_CHARACTERS, in our error format', async () => {
    for (const url of ['/items/a%00b', '/columns/%00', '/?agency=%00', '/search?q=%E5%9C%9F%00', '/api/v1/items/%00', '/attachments/x%00']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
      assert.equal(res.statusCode, 400, url);
      assert.equal(res.json().error.code, 'INVALID_CHARACTERS', url);
    }
  });

  test('pages answer normally without them', async () => {
    assert.equal((await t.app.inject(`/items/${itemId}`)).statusCode, 200);
    assert.equal((await t.app.inject('/search?q=%E5%9C%9F%E5%9C%B0')).statusCode, 200);
  });
});
