// NUL characters in submitted bodies (PostgreSQL cannot store them): the field that holds one is
// refused with 422 INVALID_CHARACTERS naming it, in console forms, multipart uploads and the
// staff API alike, after the role check (a refused role still gets 403). Malformed path ids of
// page routes are 404, not a 500 from a thrown parse error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createColumn, createFixture, publishedItem, type Fixture } from '../factories.ts';
import { form, loginAs, type TestSession } from '../helpers/http.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

let s: TestServices;
let fx: Fixture;
let app: FastifyInstance;
let officer: TestSession;
let drafter: TestSession;
let itemId: string;

before(async () => {
  s = await createTestServices();
  fx = await createFixture(s);
  itemId = (await publishedItem(s, fx, (await createColumn(s, fx)).id)).id;
  app = await buildApp(s);
  officer = await loginAs(app, fx.users.officer.username, fx.password);
  drafter = await loginAs(app, fx.users.drafter.username, fx.password);
});
after(async () => {
  await app?.close();
  await s?.cleanup();
});

const json = (session: TestSession, method: 'POST' | 'PUT', url: string, body: unknown) =>
  app.inject({ method, url, payload: body as object, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, accept: 'application/json' } });

describe('NUL characters in bodies', () => {
  test('a console form field: 422 naming the field, nothing stored', async () => {
    const res = await form(app, '/console/reading-rooms/rooms', { rooms: '档案馆\u0000阅览室|某路 1 号' }, officer);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /空字符/);
    const page = await app.inject({ method: 'GET', url: '/console/reading-rooms', headers: { cookie: officer.cookie } });
    assert.doesNotMatch(page.body, /档案馆/);
  });

  test('a staff API body, nested or in a key: 422 INVALID_CHARACTERS with the field paths', async () => {
    const res = await json(officer, 'POST', '/api/v1/staff/columns', { name: '栏\u0000目', code: 'x', departmentIds: ['a\u0000'], ['k\u0000']: 1 });
    assert.equal(res.statusCode, 422);
    const error = res.json().error;
    assert.equal(error.code, 'INVALID_CHARACTERS');
    assert.deepEqual(error.fields.map((f: { field: string }) => f.field).sort(), ['body.departmentIds.0', 'body.k\ufffd', 'body.name']);
  });

  test('the role is checked first: a drafter posting a NUL to the office-only column API gets 403', async () => {
    assert.equal((await json(drafter, 'POST', '/api/v1/staff/columns', { name: '\u0000' })).statusCode, 403);
    const res = await form(app, `/console/items/${itemId}/repeal`, { reason: '\u0000' }, drafter);
    assert.equal(res.statusCode, 403);
  });

  test('a multipart field or file name: 422', async () => {
    const boundary = 'nulboundary';
    const payload = [
      `--${boundary}`, 'Content-Disposition: form-data; name="_csrf"', '', officer.csrf,
      `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="a\u0000b.pdf"', 'Content-Type: application/pdf', '', '%PDF-1.4',
      `--${boundary}--`, '',
    ].join('\r\n');
    const res = await app.inject({
      method: 'POST', url: `/api/v1/staff/items/${itemId}/attachments`, payload,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json' },
    });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, 'INVALID_CHARACTERS');
  });

  test('an empty or overlong id in a page path: 404', async () => {
    for (const url of ['/console/items//coordination', `/console/items/${'x'.repeat(65)}/coordination`, '/console/coordination//letter']) {
      const res = await app.inject({ method: 'GET', url, headers: { cookie: officer.cookie } });
      assert.equal(res.statusCode, 404, url);
    }
  });
});
