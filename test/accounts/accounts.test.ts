// Accounts: argon2id passwords, database sessions with idle and absolute expiry, login
// throttling, and the separation of administrator roles.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/core/audit/audit.ts';
import { verifyAuditChain } from '../../src/core/audit/verify.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { creditCodeCheckChar } from '../../src/core/text/identifiers.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

const PASSWORD = 'Correct#horse9';

describe('accounts', () => {
  let s: TestServices;
  const clock = new FakeClock('2025-09-26T02:00:00Z');
  let agencyId = '';
  before(async () => {
    s = await createTestServices({ clock });
    const first17 = '11440300MB0000001';
    const agency = await s.accounts.createAgency(systemActor(), { code: 'acct', name: '测试局', shortName: '测试', creditCode: first17 + creditCodeCheckChar(first17) });
    agencyId = agency.id;
    await s.accounts.createUser(systemActor(), { agencyId, username: 'zhang', displayName: '张三', password: PASSWORD, roles: ['drafter'] });
  });
  after(async () => s.cleanup());

  test('login returns a session that authenticates; the password is stored as argon2id', async () => {
    const { token } = await s.accounts.login({ username: 'zhang', password: PASSWORD }, '10.0.0.1', 'test');
    const session = await s.accounts.authenticate(token);
    assert.equal(session?.user.username, 'zhang');
    assert.deepEqual(session?.user.roles, ['drafter']);
    const row = await s.database.db.selectFrom('users').select('passwordHash').where('username', '=', 'zhang').executeTakeFirstOrThrow();
    assert.match(row.passwordHash, /^\$argon2id\$/);
    const stored = await s.database.db.selectFrom('sessions').select('tokenHash').execute();
    assert.ok(stored.every((r) => r.tokenHash !== token), 'only the token hash is stored');
  });

  test('sessions end after 30 minutes idle (the default)', async () => {
    const { token } = await s.accounts.login({ username: 'zhang', password: PASSWORD }, '10.0.0.1', 'test');
    clock.advanceMs(25 * 60_000);
    assert.ok(await s.accounts.authenticate(token), 'still alive after 25 minutes, and touched');
    clock.advanceMs(25 * 60_000);
    assert.ok(await s.accounts.authenticate(token), 'touched 25 minutes ago');
    clock.advanceMs(31 * 60_000);
    assert.equal(await s.accounts.authenticate(token), null);
  });

  test('wrong passwords and unknown users get the same error; five failures lock the account for 15 minutes', async () => {
    await assert.rejects(s.accounts.login({ username: 'nobody', password: 'x' }, '10.0.0.2', 't'), { code: 'LOGIN_FAILED' });
    for (let i = 0; i < 5; i++)
      await assert.rejects(s.accounts.login({ username: 'zhang', password: 'wrong' }, '10.0.0.2', 't'), { code: 'LOGIN_FAILED' });
    await assert.rejects(s.accounts.login({ username: 'zhang', password: PASSWORD }, '10.0.0.2', 't'), { code: 'ACCOUNT_LOCKED' });
    clock.advanceMs(16 * 60_000);
    const { token } = await s.accounts.login({ username: 'zhang', password: PASSWORD }, '10.0.0.2', 't');
    assert.ok(token);
  });

  test('three administrator roles are never held by one account', async () => {
    await assert.rejects(
      s.accounts.createUser(systemActor(), { agencyId, username: 'admin1', displayName: '管理员', password: PASSWORD, roles: ['sysAdmin', 'auditor'] }),
      { code: 'ROLES_NOT_SEPARATED' },
    );
    await assert.rejects(
      s.accounts.createUser(systemActor(), { agencyId, username: 'admin2', displayName: '管理员', password: PASSWORD, roles: ['securityAdmin', 'officer'] }),
      { code: 'ROLES_NOT_SEPARATED' },
    );
  });

  test('weak passwords and duplicate usernames are field errors', async () => {
    await assert.rejects(
      s.accounts.createUser(systemActor(), { agencyId, username: 'lisi', displayName: '李四', password: 'short', roles: ['drafter'] }),
      (e: { code: string; fields: { field: string }[] }) => e.code === 'VALIDATION_FAILED' && e.fields[0].field === 'password',
    );
    await assert.rejects(
      s.accounts.createUser(systemActor(), { agencyId, username: 'zhang', displayName: '张三', password: PASSWORD, roles: ['drafter'] }),
      (e: { fields: { field: string; message: string }[] }) => e.fields[0].field === 'username',
    );
  });

  test('a disabled user loses their sessions; every change is in an intact audit chain', async () => {
    const { token } = await s.accounts.login({ username: 'zhang', password: PASSWORD }, '10.0.0.3', 't');
    const user = await s.database.db.selectFrom('users').select('id').where('username', '=', 'zhang').executeTakeFirstOrThrow();
    await s.accounts.setUserActive(systemActor(), user.id, false);
    assert.equal(await s.accounts.authenticate(token), null);
    const result = await verifyAuditChain(s.database.db);
    assert.equal(result.ok, true);
    const actions = (await s.database.db.selectFrom('auditEvents').select('action').execute()).map((a) => a.action);
    for (const a of ['agency.create', 'user.create', 'session.login', 'user.disable']) assert.ok(actions.includes(a), a);
  });
});
