// The security administrator's duties (三员分立: roles and permissions, unlocking, resets, session
// revocation) and each user's own security settings (login history, TOTP enrolment). Every use
// case checks its role here, not only in the routes, and is audited in its transaction.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { authorize } from '../../core/authz/authz.ts';
import type { FieldCipher } from '../../core/crypto/field-cipher.ts';
import type { Db } from '../../core/db/database.ts';
import { isUniqueViolation } from '../../core/db/dialect.ts';
import { AppError, conflict, notFound, validationFailed } from '../../core/errors.ts';
import type { Clock } from '../../core/time/clock.ts';
import { auditActor, type StaffActor } from './accounts.http.ts';
import { assertRoleCombination } from './accounts.policy.ts';
import { accountsRepository } from './accounts.repository.ts';
import { assertNotReused, storePassword, totpReusedError } from './login.service.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { hasRole, type Role } from './roles.ts';
import { securityRepository } from './security.repository.ts';
import { newTotpSecret, totpCodeStep, totpQrDataUrl, totpUri } from './totp.ts';

export const LOGIN_HISTORY_SHOWN = 20;

export function createSecurityAdminService(deps: { db: Db; clock: Clock; cipher: FieldCipher }) {
  const { db, clock, cipher } = deps;
  const now = () => clock.now().toISOString();

  /** The target account, in the security administrator's own agency; never their own account. */
  async function targetOf(actor: StaffActor, userId: string) {
    authorize(hasRole(actor.user, 'securityAdmin'), '仅安全管理员可执行此操作（三员分立）');
    const user = await accountsRepository(db).userById(userId);
    if (!user || user.agencyId !== actor.user.agencyId) throw notFound('用户不存在');
    if (user.id === actor.user.id) throw conflict('NOT_ON_SELF', '不能对自己的账号执行此操作');
    return user;
  }

  return {
    /** 三员分立: only the security administrator grants roles; the combination rule still holds. */
    async setRoles(actor: StaffActor, userId: string, roles: Role[]) {
      const user = await targetOf(actor, userId);
      if (roles.length === 0) throw validationFailed([{ field: 'roles', message: '至少选择一个角色' }]);
      assertRoleCombination(roles);
      await db.transaction().execute(async (trx) => {
        const repo = accountsRepository(trx);
        const before = await repo.rolesOf(userId);
        try {
          await repo.setRoles(userId, [...new Set(roles)]);
        } catch (err) {
          if (isUniqueViolation(err)) throw new AppError(422, 'ROLES_NOT_SEPARATED', '系统管理员、安全管理员、安全审计员须由不同账号担任（三员分立）');
          throw err;
        }
        // New roles take effect at the next request: sessions read roles from the database.
        await appendAuditEvent(trx, clock, auditActor(actor), { action: 'user.setRoles', subjectType: 'user', subjectId: userId, agencyId: user.agencyId, before: { roles: before }, after: { roles } });
      });
    },

    async unlock(actor: StaffActor, userId: string) {
      const user = await targetOf(actor, userId);
      await db.transaction().execute(async (trx) => {
        await accountsRepository(trx).updateUser(userId, { lockedUntil: null, failedLogins: 0 });
        await appendAuditEvent(trx, clock, auditActor(actor), { action: 'user.unlock', subjectType: 'user', subjectId: userId, agencyId: user.agencyId, before: { lockedUntil: user.lockedUntil ?? null } });
      });
    },

    /** A temporary password the user must change at the next login; their sessions end. */
    async resetPassword(actor: StaffActor, userId: string, temporary: string) {
      const user = await targetOf(actor, userId);
      const problem = passwordProblem(temporary, user.username);
      if (problem) throw validationFailed([{ field: 'password', message: problem }]);
      await assertNotReused(db, user, temporary).catch(() => {
        throw validationFailed([{ field: 'password', message: '临时密码不能与该用户最近使用过的密码相同' }]);
      });
      const passwordHash = await hashPassword(temporary);
      await db.transaction().execute(async (trx) => {
        await storePassword(trx, user, passwordHash, now(), { mustChangePassword: 1, lockedUntil: null, failedLogins: 0 });
        await securityRepository(trx).removeSessionsOf(userId);
        await appendAuditEvent(trx, clock, auditActor(actor), { action: 'user.resetPassword', subjectType: 'user', subjectId: userId, agencyId: user.agencyId });
      });
    },

    /** Recovery when a user lost their authenticator: the second factor is removed. */
    async resetTotp(actor: StaffActor, userId: string) {
      const user = await targetOf(actor, userId);
      await db.transaction().execute(async (trx) => {
        await accountsRepository(trx).updateUser(userId, { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
        await securityRepository(trx).removeChallengesOf(userId);
        await appendAuditEvent(trx, clock, auditActor(actor), { action: 'user.resetTotp', subjectType: 'user', subjectId: userId, agencyId: user.agencyId });
      });
    },

    async activeSessions(actor: StaffActor) {
      authorize(hasRole(actor.user, 'securityAdmin'), '仅安全管理员可查看在线会话');
      return securityRepository(db).activeSessions(actor.user.agencyId, now());
    },

    /** Ends one session (by its token hash, which is no credential) or every session of a user. */
    async revokeSession(actor: StaffActor, target: { tokenHash: string } | { userId: string }) {
      authorize(hasRole(actor.user, 'securityAdmin'), '仅安全管理员可强制下线');
      await db.transaction().execute(async (trx) => {
        const security = securityRepository(trx);
        if ('tokenHash' in target) {
          const owner = await security.sessionOwner(target.tokenHash);
          if (!owner || owner.agencyId !== actor.user.agencyId) throw notFound('会话不存在或已结束');
          await security.removeSession(target.tokenHash);
          await appendAuditEvent(trx, clock, auditActor(actor), { action: 'session.revoke', subjectType: 'user', subjectId: owner.userId, agencyId: owner.agencyId });
          return;
        }
        const user = await accountsRepository(trx).userById(target.userId);
        if (!user || user.agencyId !== actor.user.agencyId) throw notFound('用户不存在');
        await security.removeSessionsOf(user.id);
        await appendAuditEvent(trx, clock, auditActor(actor), { action: 'session.revokeAll', subjectType: 'user', subjectId: user.id, agencyId: user.agencyId });
      });
    },

    /** The signed-in user's last 20 login attempts: time, address, result. */
    loginHistory: (actor: StaffActor) => securityRepository(db).loginHistory(actor.user.username, LOGIN_HISTORY_SHOWN),

    async totpStatus(actor: StaffActor) {
      const user = await accountsRepository(db).userById(actor.user.id);
      return { enabled: Boolean(user?.totpEnabledAt), enabledAt: user?.totpEnabledAt ?? null };
    },

    /** Starts (or restarts) enrolment: a new secret, stored encrypted, unused until confirmed. */
    async beginTotpEnrolment(actor: StaffActor) {
      const user = await accountsRepository(db).userById(actor.user.id);
      if (!user) throw notFound();
      if (user.totpEnabledAt) throw conflict('TOTP_ALREADY_ENABLED', '已启用动态验证码；如需更换请联系安全管理员重置');
      const secret = newTotpSecret();
      // A new secret starts a new sequence of codes: the replay guard of the old one does not apply.
      await accountsRepository(db).updateUser(user.id, { totpSecretEnc: cipher.encrypt(secret), totpLastStep: null });
      const uri = totpUri(secret, user.username);
      return { secret, uri, qr: await totpQrDataUrl(uri) };
    },

    /** The enrolment begun but not confirmed yet: the QR is shown again until a right code arrives. */
    async pendingTotpEnrolment(actor: StaffActor) {
      const user = await accountsRepository(db).userById(actor.user.id);
      if (!user?.totpSecretEnc || user.totpEnabledAt) return null;
      const secret = cipher.decrypt(user.totpSecretEnc);
      const uri = totpUri(secret, user.username);
      return { secret, uri, qr: await totpQrDataUrl(uri) };
    },

    /**
     * The code from the app proves it holds the secret; from then on login asks for a code. The
     * code is used up: the first login needs a later one (replay guard, see totp.ts).
     */
    async confirmTotp(actor: StaffActor, code: string) {
      const user = await accountsRepository(db).userById(actor.user.id);
      if (!user?.totpSecretEnc || user.totpEnabledAt) throw conflict('TOTP_NOT_PENDING', '请先扫描二维码开始绑定');
      const step = await totpCodeStep(cipher.decrypt(user.totpSecretEnc), code, clock);
      if (step === null) throw validationFailed([{ field: 'code', message: '动态验证码不正确，请核对手机时间后重试' }]);
      await db.transaction().execute(async (trx) => {
        if (!(await securityRepository(trx).claimTotpStep(user.id, step))) throw validationFailed([{ field: 'code', message: totpReusedError().message }]);
        await accountsRepository(trx).updateUser(user.id, { totpEnabledAt: now() });
        await appendAuditEvent(trx, clock, auditActor(actor), { action: 'user.enableTotp', subjectType: 'user', subjectId: user.id, agencyId: user.agencyId });
      });
    },
  };
}
