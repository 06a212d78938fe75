// Console sign-in, sign-out, CSRF and the redirect for signed-out visitors (HTTP, app.inject).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../../src/core/audit/audit.ts';
import { anonymousSession, cookieFrom, form, get, loginAs } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('console sign-in', () => {
  const t = useHttpFixture();

  test('signed-out visitors are sent to the login page with a relative next', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/console/items?status=draft' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/console/login?next=%2Fconsole%2Fitems%3Fstatus%3Ddraft');
  });

  test('the login page meets the accessibility floor', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/console/login' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.match(res.body, /<a class="skip-link" href="#main">/);
    assert.match(res.body, /<main id="main"/);
    assert.equal(res.body.match(/<h1>/g)?.length, 1);
    assert.match(res.body, /<label for="username">/);
    assert.doesNotMatch(res.body, /style=/);
  });

  test('a correct password signs in and goes to next; only console paths are accepted', async () => {
    const anon = await anonymousSession(t.app);
    const res = await form(t.app, '/console/login?next=%2Fconsole%2Fusers', { username: t.fx.users.sysAdmin.username, password: t.fx.password }, anon);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/console/users');
    assert.ok(cookieFrom(res, 'gk_session'));
    const evil = await form(t.app, '/console/login?next=%2F%2Fevil.example', { username: t.fx.users.sysAdmin.username, password: t.fx.password }, anon);
    assert.equal(evil.headers.location, '/console');
  });

  test('a wrong password shows the error, keeps the username, sets no session', async () => {
    const anon = await anonymousSession(t.app);
    const res = await form(t.app, '/console/login', { username: t.fx.users.officer.username, password: 'wrong-password-1!' }, anon);
    assert.equal(res.statusCode, 401);
    assert.equal(cookieFrom(res, 'gk_session'), undefined);
    assert.match(res.body, /<title>错误：/);
    assert.match(res.body, /用户名或密码不正确/);
    assert.match(res.body, new RegExp(`value="${t.fx.users.officer.username}"`));
  });

  test('empty fields are reported by the fields', async () => {
    const anon = await anonymousSession(t.app);
    const res = await form(t.app, '/console/login', { username: '', password: '' }, anon);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /href="#username">请输入用户名/);
    assert.match(res.body, /id="password-error"/);
  });

  test('after five failures the account is throttled, even with the right password', async () => {
    const anon = await anonymousSession(t.app);
    const username = t.fx.users.leader.username;
    for (let i = 0; i < 5; i++) await form(t.app, '/console/login', { username, password: `bad-password-${i}!` }, anon);
    const res = await form(t.app, '/console/login', { username, password: t.fx.password }, anon);
    assert.equal(res.statusCode, 429);
    assert.match(res.body, /登录失败次数过多/);
    assert.equal(cookieFrom(res, 'gk_session'), undefined);
  });

  test('a console POST without the CSRF token is refused', async () => {
    const session = await t.signIn('sysAdmin');
    const res = await form(t.app, '/console/calendar', { year: '2030', days: '2030-01-01 休 元旦' }, session, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.equal((await t.services.calendar.listYears()).some((y) => y.year === 2030), false);
  });

  test('logout ends the session', async () => {
    const session = await t.signIn('officer');
    assert.equal((await get(t.app, '/console', session)).statusCode, 200);
    const out = await form(t.app, '/console/logout', {}, session);
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/console/login?out=1');
    const after = await get(t.app, '/console', session);
    assert.equal(after.statusCode, 303);
    assert.match(String(after.headers.location), /^\/console\/login/);
  });

  test('a user with a temporary password must change it first', async () => {
    await t.services.accounts.createUser(systemActor('测试'), {
      agencyId: t.fx.agency.id, username: 'newcomer', displayName: '新同事', password: t.fx.password, roles: ['drafter'], mustChangePassword: true,
    });
    const session = await loginAs(t.app, 'newcomer', t.fx.password);
    const home = await get(t.app, '/console', session);
    assert.equal(home.statusCode, 303);
    assert.equal(home.headers.location, '/console/password');
    const mismatch = await form(t.app, '/console/password', { currentPassword: t.fx.password, newPassword: 'Another-pass-1!', confirmPassword: 'x' }, session);
    assert.equal(mismatch.statusCode, 422);
    assert.match(mismatch.body, /两次输入的新密码不一致/);
    const ok = await form(t.app, '/console/password', { currentPassword: t.fx.password, newPassword: 'Another-pass-1!', confirmPassword: 'Another-pass-1!' }, session);
    assert.equal(ok.statusCode, 303);
    assert.equal((await get(t.app, '/console', session)).statusCode, 200);
  });
});
