// TOTP replay protection (等保 2.0 level 3; RFC 6238 §5.2): a code is accepted once. The last time
// step used is stored per user and claimed in the transaction that opens the session (or confirms
// enrolment), so the same code twice, or an older code after a newer one, is refused even though
// one step of drift keeps each code valid for about 90 s. Both databases (TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemActor } from '../../src/core/audit/audit.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import type { StaffActor } from '../../src/modules/accounts/index.ts';
import { totpCodeAt } from '../../src/modules/accounts/totp.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';

describe('TOTP replay protection', () => {
  let secret = '';
  // 10:00:05 Beijing: inside a 30 s step, away from its edges.
  const clock = new FakeClock('2025-09-26T02:00:05Z');
  const t = useServiceFixture({
    clock,
    setup: async ({ services, fx }) => {
      ({ secret } = await services.accounts.beginTotpEnrolment(fx.actor('officer')));
    },
  });
  const ip = '10.2.0.1';
  const officer = () => t.fx.users.officer.username;
  const lastStep = async () =>
    (await t.services.database.db.selectFrom('users').select('totpLastStep').where('id', '=', t.fx.users.officer.id).executeTakeFirstOrThrow()).totpLastStep;
  const challenge = async () => {
    const step = await t.services.accounts.beginLogin({ username: officer(), password: t.fx.password }, ip, 't');
    assert.equal(step.kind, 'secondFactor');
    return step.kind === 'secondFactor' ? step.challenge : '';
  };
  const codeAt = (offsetMs: number) => {
    const at = new FakeClock(new Date(clock.now().getTime() + offsetMs));
    return totpCodeAt(secret, at);
  };

  test('enrolment uses up its code: signing in with it is refused, with the next one accepted', async () => {
    assert.equal(await lastStep(), null);
    const code = await codeAt(0);
    await t.services.accounts.confirmTotp(t.fx.actor('officer'), code);
    const enrolledStep = await lastStep();
    assert.equal(enrolledStep, Math.floor(clock.now().getTime() / 30_000));

    const c = await challenge();
    await assert.rejects(t.services.accounts.completeSecondFactor(c, code, ip, 't'), { code: 'TOTP_REUSED', message: /已使用过/ });
    clock.advanceMs(30_000);
    const { token } = await t.services.accounts.completeSecondFactor(c, await codeAt(0), ip, 't');
    assert.ok(await t.services.accounts.authenticate(token), 'the challenge survives a reused code');
    assert.equal(await lastStep(), Number(enrolledStep) + 1);
  });

  test('the same code twice within its 90 s is refused; the next step is accepted', async () => {
    clock.advanceMs(30_000);
    const code = await codeAt(0);
    await t.services.accounts.completeSecondFactor(await challenge(), code, ip, 't');
    clock.advanceMs(20_000); // still the code's own step or the next: within the drift window
    await assert.rejects(t.services.accounts.completeSecondFactor(await challenge(), code, ip, 't'), { code: 'TOTP_REUSED' });
    clock.advanceMs(15_000);
    await t.services.accounts.completeSecondFactor(await challenge(), await codeAt(0), ip, 't');
  });

  test('an older code after a newer one is refused though both are inside the drift window', async () => {
    clock.advanceMs(60_000);
    const older = await codeAt(0);
    const newer = await codeAt(30_000); // a phone clock a little fast: one step ahead is accepted
    await t.services.accounts.completeSecondFactor(await challenge(), newer, ip, 't');
    clock.advanceMs(10_000);
    await assert.rejects(t.services.accounts.completeSecondFactor(await challenge(), older, ip, 't'), { code: 'TOTP_REUSED' });
    await assert.rejects(t.services.accounts.completeSecondFactor(await challenge(), newer, ip, 't'), { code: 'TOTP_REUSED' });
  });

  test('a replay is logged for the security administrator and does not count towards the lockout', async () => {
    clock.advanceMs(60_000);
    const code = await codeAt(0);
    await t.services.accounts.completeSecondFactor(await challenge(), code, ip, 't');
    for (let i = 0; i < 6; i++) await assert.rejects(t.services.accounts.completeSecondFactor(await challenge(), code, ip, 't'), { code: 'TOTP_REUSED' });
    const history = await t.services.accounts.loginHistory(t.fx.actor('officer'));
    assert.equal(history[0]!.succeeded, 0);
    assert.equal(history[0]!.detail, 'totpReused');
    const user = await t.services.database.db.selectFrom('users').select(['failedLogins', 'lockedUntil']).where('id', '=', t.fx.users.officer.id).executeTakeFirstOrThrow();
    assert.equal(Number(user.failedLogins), 0);
    assert.equal(user.lockedUntil, null);
  });

  test('two requests racing with one code: exactly one session', async () => {
    clock.advanceMs(60_000);
    const code = await codeAt(0);
    const [a, b] = [await challenge(), await challenge()];
    const results = await Promise.allSettled([a, b].map((c) => t.services.accounts.completeSecondFactor(c, code, ip, 't')));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.find((r) => r.status === 'rejected');
    assert.equal((refused as PromiseRejectedResult).reason.code, 'TOTP_REUSED');
  });

  test('a reset by the security administrator clears the guard together with the secret', async () => {
    const sec = await t.services.accounts.createUser(systemActor(), { agencyId: t.fx.agency.id, username: 'sec.replay', displayName: '安全管理员', password: t.fx.password, roles: ['securityAdmin'] });
    const actor: StaffActor = { user: { ...t.fx.actor('officer').user, id: sec.id, username: 'sec.replay', roles: ['securityAdmin'], departmentId: null }, ip };
    await t.services.accounts.resetTotp(actor, t.fx.users.officer.id);
    assert.equal(await lastStep(), null);
  });
});
