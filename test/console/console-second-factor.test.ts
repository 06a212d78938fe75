// Console sign-in with a TOTP second factor (issue 8 part 2), over HTTP: the password step shows
// the code form, a wrong code keeps the challenge, the right code signs in; a code already used
// (replay guard) is refused by the field and the challenge stays for the next code.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { totpCodeAt } from '../../src/modules/accounts/totp.ts';
import { anonymousSession, cookieFrom, form } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('console second factor', () => {
  const t = useHttpFixture();
  let officerSecret = '';

  test('password, then the code from the authenticator; a wrong code is shown by the field', async () => {
    const officer = t.fx.actor('officer');
    const { secret } = await t.services.accounts.beginTotpEnrolment(officer);
    officerSecret = secret;
    await t.services.accounts.confirmTotp(officer, await totpCodeAt(secret, t.services.clock));
    t.clock.advanceMs(30_000); // the next code: the confirming one is used up

    const anon = await anonymousSession(t.app);
    const first = await form(t.app, '/console/login?next=/console', { username: t.fx.users.officer.username, password: t.fx.password }, anon);
    assert.equal(first.statusCode, 200);
    assert.equal(cookieFrom(first, 'gk_session'), undefined, 'no session before the code');
    const challenge = /name="challenge" value="([^"]+)"/.exec(first.body)?.[1];
    assert.ok(challenge);

    const wrong = await form(t.app, '/console/login/totp?next=/console', { challenge, code: '000000' }, anon);
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /动态验证码不正确/);
    assert.equal(cookieFrom(wrong, 'gk_session'), undefined);

    const ok = await form(t.app, '/console/login/totp?next=/console', { challenge, code: await totpCodeAt(secret, t.services.clock) }, anon);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/console');
    assert.ok(cookieFrom(ok, 'gk_session'));
  });

  test('a code already used is refused by the field, and the challenge stays for the next code', async () => {
    const secret = officerSecret; // enrolled by the test above; the last code it used is the current one
    const anon = await anonymousSession(t.app);
    const first = await form(t.app, '/console/login?next=/console', { username: t.fx.users.officer.username, password: t.fx.password }, anon);
    const challenge = /name="challenge" value="([^"]+)"/.exec(first.body)?.[1];
    assert.ok(challenge);
    const used = await form(t.app, '/console/login/totp?next=/console', { challenge, code: await totpCodeAt(secret, t.services.clock) }, anon);
    assert.equal(used.statusCode, 401);
    assert.match(used.body, /该动态验证码已使用过/);
    assert.match(used.body, new RegExp(`name="challenge" value="${challenge}"`));
    assert.equal(cookieFrom(used, 'gk_session'), undefined);
    t.clock.advanceMs(30_000);
    const ok = await form(t.app, '/console/login/totp?next=/console', { challenge, code: await totpCodeAt(secret, t.services.clock) }, anon);
    assert.equal(ok.statusCode, 303);
  });
});
