// Account security (issue 8 parts 1 and 2): lockout and unlock, password history, TOTP second
// factor, login history, session revocation, role grants by the security administrator only, and
// the database guard against two administrator roles on one account.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/core/audit/audit.ts';
import { verifyAuditChain } from '../../src/core/audit/verify.ts';
import { creditCodeCheckChar } from '../../src/core/text/identifiers.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import type { Role, StaffActor } from '../../src/modules/accounts/index.ts';
import { totpCodeAt } from '../../src/modules/accounts/totp.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

const PASSWORD = 'Correct#horse9';

describe('account security', () => {
  let s: TestServices;
  const clock = new FakeClock('2025-09-26T02:00:00Z');
  let agencyId = '';
  const ids: Record<string, string> = {};
  const actor = (username: string, roles: Role[]): StaffActor => ({
    user: { id: ids[username]!, username, displayName: username, agencyId, departmentId: null, roles, isPrincipalLeader: false, mustChangePassword: false },
    ip: '10.1.1.1',
  });
  const sec = () => actor('sec', ['securityAdmin']);
  const actions = async () => (await s.database.db.selectFrom('auditEvents').select('action').execute()).map((a) => a.action);

  before(async () => {
    s = await createTestServices({ clock });
    const first17 = '11440300MB0000002';
    agencyId = (await s.accounts.createAgency(systemActor(), { code: 'sec', name: '安全测试局', shortName: '安全', creditCode: first17 + creditCodeCheckChar(first17) })).id;
    for (const [username, roles] of [['wang', ['drafter']], ['sec', ['securityAdmin']], ['sys', ['sysAdmin']], ['aud', ['auditor']], ['liu', ['officer']]] as const)
      ids[username] = (await s.accounts.createUser(systemActor(), { agencyId, username, displayName: username, password: PASSWORD, roles: [...roles] })).id;
  });
  after(async () => s.cleanup());

  test('five wrong passwords lock the account (audited); the security administrator unlocks it', async () => {
    for (let i = 0; i < 5; i++)
      await assert.rejects(s.accounts.login({ username: 'wang', password: 'Wrong#pass99' }, '10.0.0.9', 't'), { code: 'LOGIN_FAILED' });
    await assert.rejects(s.accounts.login({ username: 'wang', password: PASSWORD }, '10.0.0.9', 't'), { code: 'ACCOUNT_LOCKED' });
    assert.ok((await actions()).includes('user.lock'));
    await assert.rejects(s.accounts.unlock(actor('sys', ['sysAdmin']), ids.wang!), { code: 'FORBIDDEN' });
    await s.accounts.unlock(sec(), ids.wang!);
    assert.ok((await s.accounts.login({ username: 'wang', password: PASSWORD }, '10.0.0.9', 't')).token);
    assert.ok((await actions()).includes('user.unlock'));
  });

  test('a lock lapses after 15 minutes; a success resets the count of failures', async () => {
    for (let i = 0; i < 4; i++) await assert.rejects(s.accounts.login({ username: 'liu', password: 'Wrong#pass99' }, '10.0.0.8', 't'));
    await s.accounts.login({ username: 'liu', password: PASSWORD }, '10.0.0.8', 't');
    for (let i = 0; i < 4; i++) await assert.rejects(s.accounts.login({ username: 'liu', password: 'Wrong#pass99' }, '10.0.0.8', 't'), { code: 'LOGIN_FAILED' });
    await assert.rejects(s.accounts.login({ username: 'liu', password: 'Wrong#pass99' }, '10.0.0.8', 't'), { code: 'LOGIN_FAILED' });
    await assert.rejects(s.accounts.login({ username: 'liu', password: PASSWORD }, '10.0.0.8', 't'), { code: 'ACCOUNT_LOCKED' });
    clock.advanceMs(16 * 60_000);
    assert.ok((await s.accounts.login({ username: 'liu', password: PASSWORD }, '10.0.0.8', 't')).token);
  });

  test('the last five passwords cannot be chosen again; the complexity rule rejects the username', async () => {
    const me = { id: ids.wang!, name: 'wang', agencyId, ip: '' };
    await assert.rejects(s.accounts.changePassword(me, ids.wang!, PASSWORD, 'Wang-2025#pass'), (e: { fields: { message: string }[] }) => /用户名/.test(e.fields[0]!.message));
    let current = PASSWORD;
    const used = ['First#pass01', 'Second#pass02', 'Third#pass03', 'Fourth#pass04', 'Fifth#pass05'];
    for (const next of used) {
      await s.accounts.changePassword(me, ids.wang!, current, next);
      current = next;
    }
    for (const old of [PASSWORD, 'First#pass01', 'Third#pass03'])
      await assert.rejects(s.accounts.changePassword(me, ids.wang!, current, old), { code: 'VALIDATION_FAILED' }, old);
    const history = await s.database.db.selectFrom('passwordHistory').select('passwordHash').where('userId', '=', ids.wang!).execute();
    assert.equal(history.length, 5);
    assert.ok(history.every((h) => h.passwordHash.startsWith('$argon2id$')));
    await s.accounts.changePassword(me, ids.wang!, current, 'Sixth#pass06');
    await s.accounts.changePassword(me, ids.wang!, 'Sixth#pass06', PASSWORD);
  });

  test('a reset password must be changed at the next login and ends the sessions', async () => {
    const { token } = await s.accounts.login({ username: 'liu', password: PASSWORD }, '10.0.0.7', 't');
    await s.accounts.resetPassword(sec(), ids.liu!, 'Temporary#2025');
    assert.equal(await s.accounts.authenticate(token), null);
    const again = await s.accounts.login({ username: 'liu', password: 'Temporary#2025' }, '10.0.0.7', 't');
    assert.equal((await s.accounts.authenticate(again.token))?.user.mustChangePassword, true);
    await s.accounts.changePassword({ id: ids.liu!, name: 'liu', agencyId, ip: '' }, ids.liu!, 'Temporary#2025', PASSWORD.replace('9', '8'));
  });

  test('TOTP: enrol with a confirmation code, then login needs the code; the security administrator resets it', async () => {
    const wang = actor('wang', ['drafter']);
    const { secret, qr } = await s.accounts.beginTotpEnrolment(wang);
    assert.match(qr, /^data:image\/svg\+xml;base64,/);
    const stored = await s.database.db.selectFrom('users').select('totpSecretEnc').where('id', '=', ids.wang!).executeTakeFirstOrThrow();
    assert.ok(stored.totpSecretEnc && !stored.totpSecretEnc.includes(secret), 'the secret is stored encrypted');
    assert.ok((await s.accounts.login({ username: 'wang', password: PASSWORD }, '10.0.0.6', 't')).token, 'not enabled before confirmation');
    await assert.rejects(s.accounts.confirmTotp(wang, '000000'), { code: 'VALIDATION_FAILED' });
    await s.accounts.confirmTotp(wang, await totpCodeAt(secret, clock));
    clock.advanceMs(30_000); // the confirming code is used up (totp-replay.test.ts): sign in with the next one
    await assert.rejects(s.accounts.login({ username: 'wang', password: PASSWORD }, '10.0.0.6', 't'), { code: 'SECOND_FACTOR_REQUIRED' });
    const step = await s.accounts.beginLogin({ username: 'wang', password: PASSWORD }, '10.0.0.6', 't');
    assert.equal(step.kind, 'secondFactor');
    if (step.kind !== 'secondFactor') return;
    await assert.rejects(s.accounts.completeSecondFactor(step.challenge, '123456', '10.0.0.6', 't'), { code: 'TOTP_INVALID' });
    const { token } = await s.accounts.completeSecondFactor(step.challenge, await totpCodeAt(secret, clock), '10.0.0.6', 't');
    assert.equal((await s.accounts.authenticate(token))?.user.username, 'wang');
    await assert.rejects(s.accounts.completeSecondFactor(step.challenge, await totpCodeAt(secret, clock), '10.0.0.6', 't'), { code: 'CHALLENGE_EXPIRED' }, 'one use');
    await s.accounts.resetTotp(sec(), ids.wang!);
    assert.ok((await s.accounts.login({ username: 'wang', password: PASSWORD }, '10.0.0.6', 't')).token);
  });

  test('login history: the last 20 attempts with time, address and result', async () => {
    assert.equal((await s.accounts.loginHistory(actor('wang', ['drafter']))).length, 11, 'every attempt so far');
    for (let i = 0; i < 12; i++) await s.accounts.login({ username: 'wang', password: PASSWORD }, i === 11 ? '10.0.0.6' : '10.0.0.3', 't');
    const history = await s.accounts.loginHistory(actor('wang', ['drafter']));
    assert.equal(history.length, 20, 'only the last 20');
    assert.equal(history[0]!.succeeded, 1);
    assert.equal(history[0]!.ip, '10.0.0.6');
    assert.ok(history.every((h, i) => i === 0 || history[i - 1]!.at >= h.at));
  });

  test('the security administrator lists and revokes sessions, one or all', async () => {
    const a = await s.accounts.login({ username: 'aud', password: PASSWORD }, '10.0.0.5', 't');
    const b = await s.accounts.login({ username: 'aud', password: PASSWORD }, '10.0.0.4', 't');
    await assert.rejects(s.accounts.activeSessions(actor('sys', ['sysAdmin'])), { code: 'FORBIDDEN' });
    const list = (await s.accounts.activeSessions(sec())).filter((x) => x.username === 'aud');
    assert.equal(list.length, 2);
    await s.accounts.revokeSession(sec(), { tokenHash: list.find((x) => x.ip === '10.0.0.5')!.tokenHash });
    assert.equal(await s.accounts.authenticate(a.token), null);
    assert.ok(await s.accounts.authenticate(b.token));
    await s.accounts.revokeSession(sec(), { userId: ids.aud! });
    assert.equal(await s.accounts.authenticate(b.token), null);
    assert.ok((await actions()).includes('session.revoke') && (await actions()).includes('session.revokeAll'));
  });

  test('三员分立: only the security administrator grants roles, never two admin roles or admin plus work', async () => {
    await assert.rejects(s.accounts.setRoles(actor('sys', ['sysAdmin']), ids.liu!, ['leader']), { code: 'FORBIDDEN' });
    await assert.rejects(s.accounts.setRoles(sec(), ids.sys!, ['sysAdmin', 'auditor']), { code: 'ROLES_NOT_SEPARATED' });
    await assert.rejects(s.accounts.setRoles(sec(), ids.sys!, ['sysAdmin', 'leader']), { code: 'ROLES_NOT_SEPARATED' });
    await assert.rejects(s.accounts.setRoles(sec(), ids.sec!, ['securityAdmin', 'auditor']), { code: 'NOT_ON_SELF' });
    await s.accounts.setRoles(sec(), ids.liu!, ['officer', 'leader']);
    assert.deepEqual((await s.database.db.selectFrom('userRoles').select('role').where('userId', '=', ids.liu!).orderBy('role').execute()).map((r) => r.role), ['leader', 'officer']);
    // The database refuses a second administrator role even when the service is bypassed.
    await assert.rejects(s.database.db.insertInto('userRoles').values({ userId: ids.sys!, role: 'auditor' }).execute());
    assert.equal((await verifyAuditChain(s.database.db)).ok, true);
  });
});
