// Sign-in POSTs are limited per client address (issue 8 part 3), across accounts, on both the
// password and the second-factor step; the refusal is the login page in Chinese, status 429,
// with the typed username kept. Another address is not affected.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { anonymousSession, encodeForm, type TestSession } from '../helpers/http.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

describe('login rate limit', () => {
  let services: TestServices;
  let app: FastifyInstance;
  let anon: TestSession;

  before(async () => {
    services = await createTestServices({ env: { LOGIN_RATE_PER_MINUTE: '3' } });
    app = await buildApp(services);
    anon = await anonymousSession(app);
  });
  after(async () => {
    await app.close();
    await services.cleanup();
  });

  const post = (url: string, fields: Record<string, string>, remoteAddress: string) =>
    app.inject({
      method: 'POST', url, remoteAddress,
      headers: { cookie: anon.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: encodeForm({ _csrf: anon.csrf, ...fields }),
    });

  test('the configured default is 10 a minute outside tests', async () => {
    const { loadConfig } = await import('../../src/config.ts');
    assert.equal(loadConfig({ NODE_ENV: 'production' }).loginRatePerMinute, 10);
    assert.equal(loadConfig({ NODE_ENV: 'production', LOGIN_RATE_PER_MINUTE: '25' }).loginRatePerMinute, 25);
    assert.equal(services.config.loginRatePerMinute, 3);
  });

  test('one address gets 3 attempts a minute across accounts, then the login page with 429', async () => {
    for (const username of ['guess-a', 'guess-b', 'guess-c']) {
      const res = await post('/console/login', { username, password: 'wrong-password-1' }, '203.0.113.7');
      assert.notEqual(res.statusCode, 429, username);
      assert.match(res.body, /用户名或密码|密码/);
    }
    const refused = await post('/console/login?next=%2Fconsole%2Fusers', { username: 'zhang.san<x>', password: 'wrong-password-1' }, '203.0.113.7');
    assert.equal(refused.statusCode, 429);
    assert.match(refused.headers['content-type'] as string, /text\/html/);
    assert.match(refused.body, /登录尝试过于频繁，请在 \d+ 秒后再试/);
    // The username typed stays in the form (escaped), the password does not.
    assert.match(refused.body, /name="username"[^>]*value="zhang.san&lt;x>"/);
    assert.doesNotMatch(refused.body, /<x>/);
    assert.doesNotMatch(refused.body, /wrong-password-1/);
    assert.match(refused.body, /action="\/console\/login\?next=%2Fconsole%2Fusers"/);
    assert.ok(Number(refused.headers['retry-after']) > 0);

    const other = await post('/console/login', { username: 'guess-d', password: 'wrong-password-1' }, '198.51.100.9');
    assert.notEqual(other.statusCode, 429);
  });

  test('the second-factor step is limited too and keeps the challenge', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await post('/console/login/totp', { challenge: 'c-123', code: '000000' }, '203.0.113.8');
      assert.notEqual(res.statusCode, 429);
    }
    const refused = await post('/console/login/totp', { challenge: 'c-123', code: '000000' }, '203.0.113.8');
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /登录尝试过于频繁/);
    assert.match(refused.body, /name="challenge" value="c-123"/);
  });
});
