// Console sign-in with a TOTP second factor (issue 8 part 2), over HTTP: the password step shows
// the code form, a wrong code keeps the challenge, the right code signs in; a code already used
// (replay guard) is refused by the field and the challenge stays for the next code.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { FakeClock } from '../../src/core/time/clock.ts';
import { totpCodeAt } from '../../src/modules/accounts/totp.ts';
import { createFixture, type Fixture } from '../factories.ts';
import { anonymousSession, cookieFrom, form } from '../helpers/http.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

describe('console second factor', () => {
  let services: TestServices;
  let app: FastifyInstance;
  let fx: Fixture;
  let officerSecret = '';

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
    officerSecret = secret;
    await services.accounts.confirmTotp(officer, await totpCodeAt(secret, services.clock));
    (services.clock as FakeClock).advanceMs(30_000); // the next code: the confirming one is used up

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

  test('a code already used is refused by the field, and the challenge stays for the next code', async () => {
    const secret = officerSecret; // enrolled by the test above; the last code it used is the current one
    const anon = await anonymousSession(app);
    const first = await form(app, '/console/login?next=/console', { username: fx.users.officer.username, password: fx.password }, anon);
    const challenge = /name="challenge" value="([^"]+)"/.exec(first.body)?.[1];
    assert.ok(challenge);
    const used = await form(app, '/console/login/totp?next=/console', { challenge, code: await totpCodeAt(secret, services.clock) }, anon);
    assert.equal(used.statusCode, 401);
    assert.match(used.body, /该动态验证码已使用过/);
    assert.match(used.body, new RegExp(`name="challenge" value="${challenge}"`));
    assert.equal(cookieFrom(used, 'gk_session'), undefined);
    (services.clock as FakeClock).advanceMs(30_000);
    const ok = await form(app, '/console/login/totp?next=/console', { challenge, code: await totpCodeAt(secret, services.clock) }, anon);
    assert.equal(ok.statusCode, 303);
  });
});
