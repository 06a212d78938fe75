// CSRF on every state-changing route and the security headers (issue 8 part 3), generated from
// the route table: a POST/PUT/DELETE without a valid token is refused with 403 whoever sends it,
// and every page carries the CSP (no inline scripts or styles), frame-ancestors and SameSite cookies.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { createTestServices } from '../helpers/test-services.ts';
import { anonymousSession, cookieFrom } from '../helpers/http.ts';
import { concreteUrl, useSecurityWorld, routeKey, type SecurityWorld } from './security-harness.ts';

let w: SecurityWorld;

useSecurityWorld((world) => {
  w = world;
});

describe('CSRF on every state-changing route', () => {
  test('without a token, or with a wrong one, every unsafe route refuses a signed-in officer and an anonymous visitor', async () => {
    const unsafe = w.routes.filter((r) => r.method !== 'GET');
    assert.ok(unsafe.length > 60, `only ${unsafe.length} unsafe routes`);
    const anon = await anonymousSession(w.app);
    const failures: string[] = [];
    for (const route of unsafe) {
      const url = concreteUrl(w, route.url, 'own');
      for (const [who, cookie, token] of [
        ['officer without token', w.sessions.officer.cookie, undefined],
        ['officer with the anonymous token', w.sessions.officer.cookie, anon.csrf],
        ['anonymous without token', anon.cookie, undefined],
        ['anonymous with a forged token', anon.cookie, 'forged-token-value'],
      ] as const) {
        const headers: Record<string, string> = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
        if (token) headers['x-csrf-token'] = token;
        const res = await w.app.inject({ method: route.method as 'POST', url, headers, payload: 'title=x' });
        // Portal pages answer with the HTML error page; JSON callers get the stable code.
        const html = String(res.headers['content-type']).startsWith('text/html');
        if (res.statusCode !== 403 || (!html && !res.body.includes('CSRF_INVALID'))) failures.push(`${routeKey(route)} ${who}: ${res.statusCode}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('a cross-site JSON post carrying the session cookie is refused too', async () => {
    const res = await w.app.inject({
      method: 'POST', url: '/api/v1/staff/columns',
      headers: { cookie: w.sessions.officer.cookie, 'content-type': 'application/json' }, payload: '{}',
    });
    assert.equal(res.statusCode, 403);
  });
});

describe('security headers', () => {
  const noInline = (csp: string) => {
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  };

  test('every GET page of the route table sends a CSP without inline scripts, nosniff, and no inline <script> or style= in its HTML', async () => {
    const failures: string[] = [];
    for (const route of w.routes.filter((r) => r.method === 'GET')) {
      const url = concreteUrl(w, route.url, 'own');
      const res = await w.app.inject({ method: 'GET', url, headers: { cookie: w.sessions.officer.cookie } });
      const csp = String(res.headers['content-security-policy'] ?? '');
      if (!csp.includes("script-src 'self'") || csp.includes('unsafe-inline')) failures.push(`${url}: CSP ${csp}`);
      if (res.headers['x-content-type-options'] !== 'nosniff') failures.push(`${url}: no nosniff`);
      if (String(res.headers['content-type']).startsWith('text/html')) {
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(res.body)) failures.push(`${url}: inline <script>`);
        if (/<[a-z][^>]*\sstyle=/i.test(res.body)) failures.push(`${url}: style= attribute`);
        if (/\son[a-z]+=/i.test(res.body.replace(/<(textarea|pre)[\s\S]*?<\/\1>/gi, ''))) failures.push(`${url}: inline event handler`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('console pages may never be framed; portal pages only by the configured embedding sites', async () => {
    const consolePage = await w.app.inject({ method: 'GET', url: '/console/login' });
    const csp = String(consolePage.headers['content-security-policy']);
    noInline(csp);
    assert.match(csp, /frame-ancestors 'self'$/);
    const t = await createTestServices({ env: { FRAME_ANCESTORS: "'self' https://www.ganzhou.gov.cn" } });
    try {
      const app = await buildApp(t);
      const portal = await app.inject({ method: 'GET', url: '/' });
      assert.match(String(portal.headers['content-security-policy']), /frame-ancestors 'self' https:\/\/www\.ganzhou\.gov\.cn$/);
      const login = await app.inject({ method: 'GET', url: '/console/login' });
      assert.match(String(login.headers['content-security-policy']), /frame-ancestors 'self'$/);
      assert.equal(portal.headers['strict-transport-security'], undefined, 'no HSTS on a plain-HTTP install');
      await app.close();
    } finally {
      await t.cleanup();
    }
  });

  test('HSTS and Secure cookies in production over HTTPS', async () => {
    // The secret key is read from the process environment (core/crypto/secret-key.ts).
    process.env.SECRET_KEY = Buffer.alloc(32, 7).toString('base64');
    const t = await createTestServices({ env: { NODE_ENV: 'production', PUBLIC_URL: 'https://gk.example.gov.cn' } });
    try {
      const app = await buildApp(t);
      const res = await app.inject({ method: 'GET', url: '/console/login' });
      assert.match(String(res.headers['strict-transport-security']), /max-age=\d{7,}/);
      const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n');
      assert.match(raw, /gk_csrf=[^;]+;.*Secure/i);
      await app.close();
    } finally {
      await t.cleanup();
      delete process.env.SECRET_KEY;
    }
  });

  test('session and CSRF cookies are HttpOnly and SameSite=Lax', async () => {
    const page = await w.app.inject({ method: 'GET', url: '/console/login' });
    const csrfCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []).find((c) => c.startsWith('gk_csrf='));
    assert.ok(csrfCookie && cookieFrom(page, 'gk_csrf'));
    assert.match(csrfCookie, /HttpOnly/i);
    assert.match(csrfCookie, /SameSite=Lax/i);
    const token = cookieFrom(page, 'gk_csrf')!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
    const login = await w.app.inject({
      method: 'POST', url: '/console/login', headers: { cookie: `gk_csrf=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, username: w.fx.users.officer.username, password: w.fx.password }).toString(),
    });
    const session = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('gk_session='));
    assert.ok(session, `login answered ${login.statusCode}`);
    assert.match(session, /HttpOnly/i);
    assert.match(session, /SameSite=Lax/i);
  });
});
