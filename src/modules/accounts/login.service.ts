// Signing in and out (等保 2.0 level 3): password check with account lockout after 5 consecutive
// failures (15 minutes, audited, lifted early by the security administrator), an optional TOTP
// second factor, database sessions with an idle timeout, and password changes with history.
import { randomBytes } from 'node:crypto';
import { appendAuditEvent, type Actor } from '../../core/audit/audit.ts';
import type { FieldCipher } from '../../core/crypto/field-cipher.ts';
import type { Db, DbOrTrx } from '../../core/db/database.ts';
import type { UserTable } from '../../core/db/schema.ts';
import { AppError, tooManyRequests, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Clock } from '../../core/time/clock.ts';
import { accountsRepository, toSessionUser } from './accounts.repository.ts';
import { hashToken } from './tokens.ts';
import { dummyPasswordHash, hashPassword, PASSWORD_HISTORY, passwordProblem, verifyPassword } from './passwords.ts';
import type { SessionUser } from './roles.ts';
import { securityRepository } from './security.repository.ts';
import { sessionsRepository } from './sessions.repository.ts';
import { totpCodeStep } from './totp.ts';

/** Sessions end after 12 hours in all; the idle timeout is configurable (SESSION_IDLE_MINUTES, default 30). */
export const SESSION_MAX_MS = 12 * 3600_000;
export const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;
/** Lockout: 5 consecutive failures lock the account for 15 minutes; 30 failures per address per 15 minutes throttle it. */
export const LOCKOUT_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_IP = 30;
/** Time allowed between the password and the second-factor code. */
export const CHALLENGE_MS = 5 * 60_000;

export interface AuthenticatedSession {
  user: SessionUser;
  csrfToken: string;
  tokenHash: string;
}

export type LoginStep = { kind: 'session'; token: string } | { kind: 'secondFactor'; challenge: string };

export interface LoginDeps {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  sessionIdleMs: number;
}

const lockedError = () => tooManyRequests('ACCOUNT_LOCKED', '登录失败次数过多，账号已锁定 15 分钟；如需提前解锁请联系安全管理员');
const failedError = () => new AppError(401, 'LOGIN_FAILED', '用户名或密码不正确');
const expiredChallengeError = () => new AppError(401, 'CHALLENGE_EXPIRED', '验证已超时，请重新输入用户名和密码');
/**
 * A code already used (or older than the last one used) is refused even within its 90 s. Its own
 * message rather than 'incorrect': only someone past the password step sees it, it reveals nothing
 * about the secret, and the user (a double submit, a second browser) needs to wait for the next
 * code rather than doubt the phone's clock. Logged as 'totpReused' for the security administrator.
 */
export const totpReusedError = () => new AppError(401, 'TOTP_REUSED', '该动态验证码已使用过，请等待验证器显示下一个验证码后再输入');

export function createLoginService(deps: LoginDeps) {
  const { db, clock, cipher } = deps;
  const now = () => clock.now().toISOString();
  const nowMs = () => clock.now().getTime();
  const record = (trx: DbOrTrx, username: string, ip: string, succeeded: boolean, detail: string) =>
    sessionsRepository(trx).recordAttempt({ id: newId(), username, ip, succeeded: succeeded ? 1 : 0, detail, at: now() });

  /** Counts a failure against an existing account; the fifth in a row locks it (audited). */
  async function registerFailure(user: UserTable, ip: string, detail: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('users').set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
        .where('id', '=', user.id).returning('failedLogins').executeTakeFirstOrThrow();
      await record(trx, user.username, ip, false, detail);
      if (Number(row.failedLogins) < MAX_FAILURES_PER_USER) return;
      const lockedUntil = new Date(nowMs() + LOCKOUT_MS).toISOString();
      await accountsRepository(trx).updateUser(user.id, { failedLogins: 0, lockedUntil });
      await securityRepository(trx).removeChallengesOf(user.id);
      await appendAuditEvent(trx, clock, { id: null, name: '系统', agencyId: user.agencyId, ip }, {
        action: 'user.lock', subjectType: 'user', subjectId: user.id, after: { lockedUntil, failures: MAX_FAILURES_PER_USER },
      });
    });
  }

  /** `claim` runs first in the session's transaction: a refusal there writes nothing. */
  async function openSession(user: UserTable, ip: string, userAgent: string, detail: string, claim?: (trx: DbOrTrx) => Promise<void>): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const at = now();
    await db.transaction().execute(async (trx) => {
      await claim?.(trx);
      await record(trx, user.username, ip, true, detail);
      await accountsRepository(trx).updateUser(user.id, { failedLogins: 0, lockedUntil: null });
      await sessionsRepository(trx).insert({
        tokenHash: hashToken(token), userId: user.id, csrfToken: randomBytes(24).toString('base64url'), ip, userAgent: userAgent.slice(0, 300),
        createdAt: at, lastSeenAt: at, expiresAt: new Date(nowMs() + SESSION_MAX_MS).toISOString(),
      });
      await appendAuditEvent(trx, clock, { id: user.id, name: user.displayName, agencyId: user.agencyId, ip }, { action: 'session.login', subjectType: 'user', subjectId: user.id });
    });
    return token;
  }

  const isLocked = (user: UserTable) => Boolean(user.lockedUntil && Date.parse(user.lockedUntil) > nowMs());

  const service = {
    /** The password step: a session, or a challenge when the account has a second factor. */
    async beginLogin(input: { username: string; password: string }, ip: string, userAgent: string): Promise<LoginStep> {
      const sessions = sessionsRepository(db);
      const since = new Date(nowMs() - LOCKOUT_MS).toISOString();
      if ((await sessions.failuresSince('ip', ip, since)) >= MAX_FAILURES_PER_IP)
        throw tooManyRequests('LOGIN_THROTTLED', '登录失败次数过多，请 15 分钟后再试');
      const user = await accountsRepository(db).userByUsername(input.username);
      if (!user) {
        // Unknown names behave like real ones, lockout included, so that neither reveals which exist.
        const locked = (await sessions.failuresSince('username', input.username, since)) >= MAX_FAILURES_PER_USER;
        await verifyPassword(await dummyPasswordHash(), input.password);
        await record(db, input.username, ip, false, locked ? 'locked' : 'password');
        throw locked ? lockedError() : failedError();
      }
      if (isLocked(user)) {
        await record(db, user.username, ip, false, 'locked');
        throw lockedError();
      }
      const ok = await verifyPassword(user.passwordHash, input.password);
      if (!ok) {
        await registerFailure(user, ip, 'password');
        throw failedError();
      }
      if (user.active !== 1) {
        await record(db, user.username, ip, false, 'disabled');
        throw failedError();
      }
      if (!user.totpEnabledAt) return { kind: 'session', token: await openSession(user, ip, userAgent, 'password') };
      const challenge = randomBytes(32).toString('base64url');
      await securityRepository(db).insertChallenge({ tokenHash: hashToken(challenge), userId: user.id, ip, expiresAt: new Date(nowMs() + CHALLENGE_MS).toISOString() });
      return { kind: 'secondFactor', challenge };
    },

    /** Password-only login for callers that cannot show the code step (tests, benches). */
    async login(input: { username: string; password: string }, ip: string, userAgent: string): Promise<{ token: string }> {
      const step = await service.beginLogin(input, ip, userAgent);
      if (step.kind !== 'session') throw new AppError(401, 'SECOND_FACTOR_REQUIRED', '请输入动态验证码');
      return { token: step.token };
    },

    /** The code step: a wrong code counts towards the lockout like a wrong password. */
    async completeSecondFactor(challenge: string, code: string, ip: string, userAgent: string): Promise<{ token: string }> {
      const security = securityRepository(db);
      const pending = await security.challenge(hashToken(challenge));
      if (!pending || Date.parse(pending.expiresAt) < nowMs()) throw expiredChallengeError();
      const user = await accountsRepository(db).userById(pending.userId);
      if (!user || user.active !== 1 || !user.totpSecretEnc || !user.totpEnabledAt) throw failedError();
      if (isLocked(user)) throw lockedError();
      const step = await totpCodeStep(cipher.decrypt(user.totpSecretEnc), code, clock);
      if (step === null) {
        await registerFailure(user, ip, 'totp');
        throw new AppError(401, 'TOTP_INVALID', '动态验证码不正确');
      }
      try {
        // The challenge and the code's time step are each used once, in the session's transaction.
        const token = await openSession(user, ip, userAgent, 'totp', async (trx) => {
          if (!(await securityRepository(trx).claimTotpStep(user.id, step))) throw totpReusedError();
          if (!(await securityRepository(trx).takeChallenge(hashToken(challenge)))) throw expiredChallengeError();
        });
        return { token };
      } catch (err) {
        if (err instanceof AppError && err.code === 'TOTP_REUSED') await record(db, user.username, ip, false, 'totpReused');
        throw err;
      }
    },

    async logout(actor: Actor, tokenHash: string) {
      await db.transaction().execute(async (trx) => {
        await sessionsRepository(trx).remove(tokenHash);
        if (actor.id) await appendAuditEvent(trx, clock, actor, { action: 'session.logout', subjectType: 'user', subjectId: actor.id });
      });
    },

    /** The user behind a session cookie, or null when it is unknown, expired or idle too long. */
    async authenticate(token: string): Promise<AuthenticatedSession | null> {
      const tokenHash = hashToken(token);
      const sessions = sessionsRepository(db);
      const session = await sessions.byTokenHash(tokenHash);
      if (!session) return null;
      const t = nowMs();
      if (Date.parse(session.expiresAt) < t || Date.parse(session.lastSeenAt) + deps.sessionIdleMs < t) {
        await sessions.remove(tokenHash);
        return null;
      }
      const repo = accountsRepository(db);
      const user = await repo.userById(session.userId);
      if (!user || user.active !== 1) return null;
      // Touch at most once a minute: keeps reads cheap while the idle timeout stays accurate.
      if (t - Date.parse(session.lastSeenAt) > 60_000) await sessions.touch(tokenHash, now());
      return { user: toSessionUser(user, await repo.rolesOf(user.id)), csrfToken: session.csrfToken, tokenHash };
    },

    /** A new password must pass the complexity rule and differ from the current and the last 5. */
    async changePassword(actor: Actor, userId: string, current: string, next: string) {
      const user = await accountsRepository(db).userById(userId);
      if (!user || !(await verifyPassword(user.passwordHash, current)))
        throw validationFailed([{ field: 'currentPassword', message: '当前密码不正确' }]);
      const problem = passwordProblem(next, user.username);
      if (problem) throw validationFailed([{ field: 'newPassword', message: problem }]);
      await assertNotReused(db, user, next);
      const passwordHash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        await storePassword(trx, user, passwordHash, now(), { mustChangePassword: 0 });
        await appendAuditEvent(trx, clock, actor, { action: 'user.changePassword', subjectType: 'user', subjectId: userId, agencyId: user.agencyId });
      });
    },
  };
  return service;
}

/** Rejects the current password and the last PASSWORD_HISTORY ones (等保: password history). */
export async function assertNotReused(db: DbOrTrx, user: UserTable, next: string): Promise<void> {
  const earlier = [user.passwordHash, ...(await securityRepository(db).recentPasswordHashes(user.id, PASSWORD_HISTORY))];
  for (const h of earlier) {
    if (await verifyPassword(h, next)) throw validationFailed([{ field: 'newPassword', message: `新密码不能与当前密码或最近 ${PASSWORD_HISTORY} 次使用过的密码相同` }]);
  }
}

/** Sets a new password hash and keeps the old one in the history (argon2 hashes only). */
export async function storePassword(trx: DbOrTrx, user: UserTable, passwordHash: string, at: string, extra: Partial<UserTable> = {}): Promise<void> {
  const security = securityRepository(trx);
  await security.addPasswordHistory({ id: newId(), userId: user.id, passwordHash: user.passwordHash, createdAt: at });
  await security.prunePasswordHistory(user.id, PASSWORD_HISTORY);
  await accountsRepository(trx).updateUser(user.id, { passwordHash, ...extra });
}
