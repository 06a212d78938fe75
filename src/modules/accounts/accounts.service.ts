// Accounts use cases: agencies, departments, users, login and logout. Each state change runs in
// one transaction with its audit event.
import { createHash, randomBytes } from 'node:crypto';
import { appendAuditEvent, type Actor } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { isUniqueViolation } from '../../core/db/dialect.ts';
import { AppError, conflict, notFound, tooManyRequests, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Clock } from '../../core/time/clock.ts';
import { accountsRepository, toSessionUser } from './accounts.repository.ts';
import { assertRoleCombination } from './accounts.policy.ts';
import { agencyInput, createUserInput, type AgencyInput, type CreateUserInput } from './accounts.schemas.ts';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import type { SessionUser } from './roles.ts';
import { sessionsRepository } from './sessions.repository.ts';

/** Sessions end after 2 hours idle or 12 hours in all. */
export const SESSION_IDLE_MS = 2 * 3600_000;
export const SESSION_MAX_MS = 12 * 3600_000;
/** Login throttling: 5 failures per account or 30 per address within 15 minutes. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_IP = 30;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface AuthenticatedSession {
  user: SessionUser;
  csrfToken: string;
  tokenHash: string;
}

export function createAccountsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();

  return {
    async createAgency(actor: Actor, input: AgencyInput) {
      const parsed = agencyInput.safeParse(input);
      if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      const v = parsed.data;
      const row = { id: newId(), ...v, readingRooms: JSON.stringify(v.readingRooms), createdAt: now() };
      await db.transaction().execute(async (trx) => {
        try {
          await accountsRepository(trx).insertAgency(row);
        } catch (err) {
          if (isUniqueViolation(err)) throw conflict('AGENCY_EXISTS', '机关代码或统一社会信用代码已存在');
          throw err;
        }
        await appendAuditEvent(trx, clock, actor, { action: 'agency.create', subjectType: 'agency', subjectId: row.id, agencyId: row.id, after: { name: row.name, code: row.code } });
      });
      return row;
    },

    async createDepartment(actor: Actor, agencyId: string, name: string, opts: { isDisclosureOffice?: boolean; sortOrder?: number } = {}) {
      const row = { id: newId(), agencyId, name: name.trim(), isDisclosureOffice: opts.isDisclosureOffice ? 1 : 0, sortOrder: opts.sortOrder ?? 0, createdAt: now() };
      if (!row.name) throw validationFailed([{ field: 'name', message: '请输入科室名称' }]);
      await db.transaction().execute(async (trx) => {
        try {
          await accountsRepository(trx).insertDepartment(row);
        } catch (err) {
          if (isUniqueViolation(err)) throw conflict('DEPARTMENT_EXISTS', '该科室已存在');
          throw err;
        }
        await appendAuditEvent(trx, clock, actor, { action: 'department.create', subjectType: 'department', subjectId: row.id, agencyId, after: { name: row.name } });
      });
      return row;
    },

    async createUser(actor: Actor, input: CreateUserInput) {
      const parsed = createUserInput.safeParse(input);
      if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      const v = parsed.data;
      const problem = passwordProblem(v.password);
      if (problem) throw validationFailed([{ field: 'password', message: problem }]);
      assertRoleCombination(v.roles);
      const passwordHash = await hashPassword(v.password);
      const row = {
        id: newId(), agencyId: v.agencyId, departmentId: v.departmentId ?? null, username: v.username, displayName: v.displayName,
        passwordHash, isPrincipalLeader: v.isPrincipalLeader ? 1 : 0, active: 1, mustChangePassword: v.mustChangePassword ? 1 : 0, createdAt: now(),
      };
      await db.transaction().execute(async (trx) => {
        const repo = accountsRepository(trx);
        if (!(await repo.agencyById(v.agencyId))) throw notFound('机关不存在');
        if (v.departmentId) {
          const dept = await repo.departmentById(v.departmentId);
          if (!dept || dept.agencyId !== v.agencyId) throw validationFailed([{ field: 'departmentId', message: '科室不属于该机关' }]);
        }
        try {
          await repo.insertUser(row, v.roles);
        } catch (err) {
          if (isUniqueViolation(err)) throw validationFailed([{ field: 'username', message: '用户名已被使用' }]);
          throw err;
        }
        await appendAuditEvent(trx, clock, actor, { action: 'user.create', subjectType: 'user', subjectId: row.id, agencyId: v.agencyId, after: { username: v.username, roles: v.roles } });
      });
      return { id: row.id, username: row.username };
    },

    async setUserActive(actor: Actor, userId: string, active: boolean) {
      await db.transaction().execute(async (trx) => {
        const repo = accountsRepository(trx);
        const user = await repo.userById(userId);
        if (!user) throw notFound('用户不存在');
        await repo.updateUser(userId, { active: active ? 1 : 0 });
        if (!active) await trx.deleteFrom('sessions').where('userId', '=', userId).execute();
        await appendAuditEvent(trx, clock, actor, { action: active ? 'user.enable' : 'user.disable', subjectType: 'user', subjectId: userId, agencyId: user.agencyId, before: { active: user.active === 1 }, after: { active } });
      });
    },

    async changePassword(actor: Actor, userId: string, current: string, next: string) {
      const repo = accountsRepository(db);
      const user = await repo.userById(userId);
      if (!user || !(await verifyPassword(user.passwordHash, current)))
        throw validationFailed([{ field: 'currentPassword', message: '当前密码不正确' }]);
      const problem = passwordProblem(next);
      if (problem) throw validationFailed([{ field: 'newPassword', message: problem }]);
      if (current === next) throw validationFailed([{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
      const passwordHash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        await accountsRepository(trx).updateUser(userId, { passwordHash, mustChangePassword: 0 });
        await appendAuditEvent(trx, clock, actor, { action: 'user.changePassword', subjectType: 'user', subjectId: userId, agencyId: user.agencyId });
      });
    },

    /** Verifies the password with throttling; returns a new session token on success. */
    async login(input: { username: string; password: string }, ip: string, userAgent: string) {
      const sessions = sessionsRepository(db);
      const since = new Date(clock.now().getTime() - LOGIN_WINDOW_MS).toISOString();
      if (
        (await sessions.failuresSince('username', input.username, since)) >= MAX_FAILURES_PER_USER ||
        (await sessions.failuresSince('ip', ip, since)) >= MAX_FAILURES_PER_IP
      )
        throw tooManyRequests('LOGIN_THROTTLED', '登录失败次数过多，请 15 分钟后再试');
      const user = await accountsRepository(db).userByUsername(input.username);
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
      if (!user || !ok || user.active !== 1) {
        await sessions.recordAttempt({ id: newId(), username: input.username, ip, succeeded: 0, at: now() });
        throw new AppError(401, 'LOGIN_FAILED', '用户名或密码不正确');
      }
      const token = randomBytes(32).toString('base64url');
      const tokenHash = hashToken(token);
      const at = now();
      await db.transaction().execute(async (trx) => {
        await sessionsRepository(trx).recordAttempt({ id: newId(), username: input.username, ip, succeeded: 1, at });
        await sessionsRepository(trx).insert({
          tokenHash, userId: user.id, csrfToken: randomBytes(24).toString('base64url'), ip, userAgent: userAgent.slice(0, 300),
          createdAt: at, lastSeenAt: at, expiresAt: new Date(clock.now().getTime() + SESSION_MAX_MS).toISOString(),
        });
        await appendAuditEvent(trx, clock, { id: user.id, name: user.displayName, agencyId: user.agencyId, ip }, { action: 'session.login', subjectType: 'user', subjectId: user.id });
      });
      return { token };
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
      const nowMs = clock.now().getTime();
      if (Date.parse(session.expiresAt) < nowMs || Date.parse(session.lastSeenAt) + SESSION_IDLE_MS < nowMs) {
        await sessions.remove(tokenHash);
        return null;
      }
      const repo = accountsRepository(db);
      const user = await repo.userById(session.userId);
      if (!user || user.active !== 1) return null;
      // Touch at most once a minute: keeps reads cheap while the idle timeout stays accurate.
      if (nowMs - Date.parse(session.lastSeenAt) > 60_000) await sessions.touch(tokenHash, clock.now().toISOString());
      return { user: toSessionUser(user, await repo.rolesOf(user.id)), csrfToken: session.csrfToken, tokenHash };
    },

    agencies: () => accountsRepository(db).listAgencies(),
    agency: (id: string) => accountsRepository(db).agencyById(id),
    agencyByCode: (code: string) => accountsRepository(db).agencyByCode(code),
    firstAgency: () => accountsRepository(db).firstAgency(),
    childAgencies: (id: string) => accountsRepository(db).childAgencies(id),
    departments: (agencyId: string) => accountsRepository(db).departmentsOf(agencyId),
    department: (id: string) => accountsRepository(db).departmentById(id),
    users: (agencyId: string) => accountsRepository(db).usersOf(agencyId),
    countUsers: () => accountsRepository(db).countUsers(),
    lastLogin: (username: string) => sessionsRepository(db).lastSuccess(username),
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
