// Console sign-in with a TOTP second factor (issue 8 part 2), over HTTP: the password step shows
// the code form, a wrong code keeps the challenge, the right code signs in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { totpCodeAt } from '../../src/modules/accounts/totp.ts';
import { createFixture, type Fixture } from '../factories.ts';
import { anonymousSession, cookieFrom, form } from '../helpers/http.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

describe('console second factor', () => {
  let services: TestServices;
  let app: FastifyInstance;
  let fx: Fixture;

  before(async () => {
    services = await createTestServices();
    app = await buildApp(services);
    fx = await createFixture(services);
  });
  after(async () => {
    await app.close();
    await services.cleanup();
  });

  test('password, then the code from the authenticator; a wrong code is shown by the field', async () => {
    const officer = fx.actor('officer');
    const { secret } = await services.accounts.beginTotpEnrolment(officer);
    await services.accounts.confirmTotp(officer, await totpCodeAt(secret, services.clock));

    const anon = await anonymousSession(app);
    const first = await form(app, '/console/login?next=/console', { username: fx.users.officer.username, password: fx.password }, anon);
    assert.equal(first.statusCode, 200);
    assert.equal(cookieFrom(first, 'gk_session'), undefined, 'no session before the code');
    const challenge = /name="challenge" value="([^"]+)"/.exec(first.body)?.[1];
    assert.ok(challenge);

    const wrong = await form(app, '/console/login/totp?next=/console', { challenge, code: '000000' }, anon);
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /动态验证码不正确/);
    assert.equal(cookieFrom(wrong, 'gk_session'), undefined);

    const ok = await form(app, '/console/login/totp?next=/console', { challenge, code: await totpCodeAt(secret, services.clock) }, anon);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/console');
    assert.ok(cookieFrom(ok, 'gk_session'));
  });
});
