// The account-security pages (issue 8 parts 1–2) over HTTP: "我的账号" (login history, TOTP
// enrolment), the security administrator's roles/unlock/resets/sessions, and 三员分立 on the
// users form (the system administrator grants work roles only).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { systemActor } from '../../src/core/audit/audit.ts';
import { totpCodeAt } from '../../src/modules/accounts/totp.ts';
import { anonymousSession, form, get, loginAs, type TestSession } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('console account security pages', () => {
  const t = useHttpFixture();
  let security: TestSession;

  async function staff(username: string, roles: ('securityAdmin' | 'auditor' | 'drafter')[], agencyId = t.fx.agency.id) {
    const created = await t.services.accounts.createUser(systemActor('测试'), {
      agencyId, departmentId: null, username, displayName: `用户${username}`, password: t.fx.password, roles, mustChangePassword: false,
    });
    return created.id;
  }

  before(async () => {
    await staff('security.a', ['securityAdmin']);
    security = await loginAs(t.app, 'security.a', t.fx.password);
  });

  test('my account: login history, then TOTP enrolment with a QR image and a confirmation code', async () => {
    const anon = await anonymousSession(t.app);
    await form(t.app, '/console/login', { username: t.fx.users.leader.username, password: 'Wrong-pass-000!' }, anon);
    const leader = await t.signIn('leader');
    const page = await get(t.app, '/console/account', leader);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /最近 20 次登录记录/);
    assert.match(page.body, /失败：密码不正确/);
    assert.match(page.body, /成功（密码）/);
    assert.match(page.body, /href="\/console\/password"/);
    assert.match(page.body, /未启用/);

    const begin = await form(t.app, '/console/account/totp', {}, leader);
    assert.equal(begin.statusCode, 303);
    const pending = await get(t.app, '/console/account', leader);
    assert.match(pending.body, /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="动态验证码绑定二维码"/);
    const secret = /<code>([A-Z2-7]+)<\/code>/.exec(pending.body)?.[1];
    assert.ok(secret, 'the manual-entry secret is shown');

    const wrong = await form(t.app, '/console/account/totp/confirm', { code: '000000' }, leader);
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /href="#code">动态验证码不正确/);
    assert.match(wrong.body, /<img src="data:image\/svg\+xml/, 'the QR stays on the page after a wrong code');

    const ok = await form(t.app, '/console/account/totp/confirm', { code: await totpCodeAt(secret, t.services.clock) }, leader);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/console/account?totp=enabled');
    const enabled = await get(t.app, '/console/account?totp=enabled', leader);
    assert.match(enabled.body, /已启用/);
    assert.doesNotMatch(enabled.body, /<img src="data:/);
    assert.equal((await t.services.accounts.totpStatus({ user: t.fx.users.leader, ip: '' })).enabled, true);
  });

  test('the system administrator creates accounts with work roles only', async () => {
    const admin = await t.signIn('sysAdmin');
    const page = await get(t.app, '/console/users', admin);
    assert.match(page.body, /value="drafter"/);
    for (const role of ['sysAdmin', 'securityAdmin', 'auditor']) assert.doesNotMatch(page.body, new RegExp(`name="roles" value="${role}"`), role);
    const sneaky = await form(t.app, '/console/users', { username: 'would.audit', displayName: '审计', roles: 'auditor', password: 'Audit-pass-2025!' }, admin);
    assert.equal(sneaky.statusCode, 422);
    assert.match(sneaky.body, /管理员角色只能由安全管理员授予/);
    assert.equal((await t.services.accounts.users(t.fx.agency.id)).some((u) => u.username === 'would.audit'), false);
    // The security administrator's form offers them.
    assert.match((await get(t.app, '/console/users', security)).body, /name="roles" value="auditor"/);
    assert.equal((await get(t.app, '/console/security', admin)).statusCode, 403);
  });

  test('roles: the security administrator grants them, within the role-combination rule', async () => {
    const id = await staff('future.auditor', ['drafter']);
    const page = await get(t.app, `/console/security/users/${id}`, security);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /value="drafter" checked/);

    const mixed = await form(t.app, `/console/security/users/${id}/roles`, { roles: ['auditor', 'drafter'] }, security);
    assert.equal(mixed.statusCode, 422);
    assert.match(mixed.body, /href="#roles">管理员账号不能同时担任业务角色/);
    const two = await form(t.app, `/console/security/users/${id}/roles`, { roles: ['auditor', 'sysAdmin'] }, security);
    assert.equal(two.statusCode, 422);
    assert.match(two.body, /须由不同账号担任/);
    assert.deepEqual((await t.services.accounts.users(t.fx.agency.id)).find((u) => u.id === id)?.roles, ['drafter']);

    const ok = await form(t.app, `/console/security/users/${id}/roles`, { roles: 'auditor' }, security);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `/console/security/users/${id}?done=roles`);
    assert.deepEqual((await t.services.accounts.users(t.fx.agency.id)).find((u) => u.id === id)?.roles, ['auditor']);

    // Another agency's account is not found; work roles are refused.
    const otherId = await staff('other.user', ['drafter'], t.fx.otherAgency.id);
    assert.equal((await get(t.app, `/console/security/users/${otherId}`, security)).statusCode, 404);
    assert.equal((await form(t.app, `/console/security/users/${otherId}/roles`, { roles: 'officer' }, security)).statusCode, 404);
    const officer = await t.signIn('officer');
    assert.equal((await get(t.app, '/console/security', officer)).statusCode, 403);
    assert.equal((await form(t.app, `/console/security/users/${id}/roles`, { roles: 'drafter' }, officer)).statusCode, 403);
  });

  test('unlock after five failures, and a password reset shows a temporary password once', async () => {
    const id = await staff('locked.out', ['drafter']);
    const anon = await anonymousSession(t.app);
    for (let i = 0; i < 5; i++) await form(t.app, '/console/login', { username: 'locked.out', password: `Wrong-pass-${i}00!` }, anon);
    const overview = await get(t.app, '/console/security', security);
    assert.match(overview.body, /locked\.out<\/td>(?:(?!<\/tr>).)*已锁定/s);
    const before = await get(t.app, `/console/security/users/${id}`, security);
    assert.match(before.body, /解除锁定/);
    const unlock = await form(t.app, `/console/security/users/${id}/unlock`, {}, security);
    assert.equal(unlock.statusCode, 303);
    assert.doesNotMatch((await get(t.app, `/console/security/users/${id}`, security)).body, /已锁定/);
    await loginAs(t.app, 'locked.out', t.fx.password);

    const unverified = await form(t.app, `/console/security/users/${id}/password`, {}, security);
    assert.equal(unverified.statusCode, 422);
    assert.match(unverified.body, /请先核实用户本人身份/);
    const reset = await form(t.app, `/console/security/users/${id}/password`, { verified: '1' }, security);
    assert.equal(reset.statusCode, 200);
    assert.equal(reset.headers['cache-control'], 'no-store');
    const temporary = /<code class="temporary-password">([^<]+)<\/code>/.exec(reset.body)?.[1];
    assert.ok(temporary);
    assert.doesNotMatch((await get(t.app, `/console/security/users/${id}`, security)).body, new RegExp(temporary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'shown once');
    const res = await form(t.app, '/console/login', { username: 'locked.out', password: temporary.replace(/&amp;/g, '&') }, await anonymousSession(t.app));
    assert.equal(res.statusCode, 303);
    const home = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie: String(res.headers['set-cookie']).split(';')[0] } });
    assert.equal(home.headers.location, '/console/password', 'the temporary password must be changed');
  });

  test('second-factor reset and forced sign-out of one session or all of a user', async () => {
    const officer = t.fx.actor('officer');
    const { secret } = await t.services.accounts.beginTotpEnrolment(officer);
    await t.services.accounts.confirmTotp(officer, await totpCodeAt(secret, t.services.clock));
    const page = await get(t.app, `/console/security/users/${t.fx.users.officer.id}`, security);
    assert.match(page.body, /重置动态验证码/);
    assert.equal((await form(t.app, `/console/security/users/${t.fx.users.officer.id}/totp-reset`, {}, security)).statusCode, 422);
    const reset = await form(t.app, `/console/security/users/${t.fx.users.officer.id}/totp-reset`, { verifiedTotp: '1' }, security);
    assert.equal(reset.statusCode, 303);
    assert.equal((await t.services.accounts.totpStatus(officer)).enabled, false);

    const first = await t.signIn('drafter');
    const second = await t.signIn('drafter');
    const overview = await get(t.app, '/console/security', security);
    const hashes = [...overview.body.matchAll(/name="tokenHash" value="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(hashes.length >= 2);
    const drafterPage = await get(t.app, `/console/security/users/${t.fx.users.drafter.id}`, security);
    const drafterHashes = [...drafterPage.body.matchAll(/name="tokenHash" value="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(drafterHashes.length >= 2 && drafterHashes.every((h) => hashes.includes(h)));
    const drafterHash = drafterHashes[0];
    const one = await form(t.app, '/console/security/sessions/revoke', { tokenHash: drafterHash, back: '/console/security' }, security);
    assert.equal(one.statusCode, 303);
    assert.equal(one.headers.location, '/console/security?done=revoked');
    const states = await Promise.all([first, second].map(async (s) => (await get(t.app, '/console', s)).statusCode));
    assert.deepEqual(states.sort(), [200, 303], 'exactly one of the two sessions ended');

    const all = await form(t.app, '/console/security/sessions/revoke', { userId: t.fx.users.drafter.id, back: `/console/security/users/${t.fx.users.drafter.id}` }, security);
    assert.equal(all.statusCode, 303);
    assert.equal(all.headers.location, `/console/security/users/${t.fx.users.drafter.id}?done=revoked`);
    for (const s of [first, second]) assert.equal((await get(t.app, '/console', s)).statusCode, 303);
    assert.equal((await form(t.app, '/console/security/sessions/revoke', { back: '//evil.example' }, security)).statusCode, 422);
    const audit = await t.services.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', t.fx.users.drafter.id).execute();
    assert.ok(audit.some((a) => a.action === 'session.revoke') && audit.some((a) => a.action === 'session.revokeAll'));
  });
});
