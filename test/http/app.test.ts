// Cross-cutting HTTP behaviour: health, OpenAPI, error format, security headers, CSRF.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('HTTP basics', () => {
  const t = useHttpFixture();

  test('GET /healthz reports the database', async () => {
    const res = await t.app.inject('/healthz');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: t.services.database.dialect });
  });

  test('every response has a request id and the security headers', async () => {
    const res = await t.app.inject('/healthz');
    assert.match(String(res.headers['x-request-id']), /^[0-9A-Z]{26}$/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
  });

  test('the OpenAPI document lists every API route', async () => {
    const res = await t.app.inject('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(Object.keys(doc.paths).length > 0, t.app.apiRoutes.length > 0);
    for (const r of t.app.apiRoutes) {
      const path = r.spec.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      assert.ok(doc.paths[path], `${r.spec.method} ${path} documented`);
    }
  });

  test('unknown API routes are a JSON 404 with a stable code and the request id', async () => {
    const res = await t.app.inject('/api/v1/no-such-thing');
    assert.equal(res.statusCode, 404);
    const body = res.json() as { error: { code: string; message: string; requestId: string } };
    assert.equal(body.error.code, 'NOT_FOUND');
    assert.equal(body.error.requestId, res.headers['x-request-id']);
  });

  test('unknown pages are an HTML 404 in Chinese', async () => {
    const res = await t.app.inject({ url: '/no-such-page', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.body, /页面不存在/);
  });

  test('a malformed URL gets the same error format, not a crash', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/items?q=%E0%A4%A' });
    assert.ok(res.statusCode < 500, String(res.statusCode));
    const raw = await t.app.inject({ method: 'GET', url: '/items/%ZZ' });
    assert.ok(raw.statusCode >= 400 && raw.statusCode < 500, String(raw.statusCode));
  });

  test('a form POST without a CSRF token is refused', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/console/login', payload: 'username=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /CSRF_INVALID|页面已过期/);
  });
});
