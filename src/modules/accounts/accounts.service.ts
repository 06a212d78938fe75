// Accounts use cases: agencies, departments, users; login (login.service.ts) and the security
// administrator's duties (security-admin.service.ts) are composed in. Each state change runs in
// one transaction with its audit event.
import { appendAuditEvent, type Actor } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { isUniqueViolation } from '../../core/db/dialect.ts';
import { conflict, notFound, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Clock } from '../../core/time/clock.ts';
import { accountsRepository } from './accounts.repository.ts';
import { assertRoleCombination } from './accounts.policy.ts';
import { agencyInput, createUserInput, type AgencyInput, type CreateUserInput } from './accounts.schemas.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { createLoginService, DEFAULT_SESSION_IDLE_MS } from './login.service.ts';
import { createSecurityAdminService } from './security-admin.service.ts';
import { createAuditLogService } from './audit-log.service.ts';
import type { FieldCipher } from '../../core/crypto/field-cipher.ts';
import { sessionsRepository } from './sessions.repository.ts';

export { hashToken } from './tokens.ts';
export { SESSION_MAX_MS, type AuthenticatedSession } from './login.service.ts';

export function createAccountsService(deps: { db: Db; clock: Clock; cipher: FieldCipher; sessionIdleMs?: number }) {
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();

  return {
    ...createLoginService({ ...deps, sessionIdleMs: deps.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS }),
    ...createSecurityAdminService(deps),
    ...createAuditLogService(deps),

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
      const problem = passwordProblem(v.password, v.username);
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

    agencies: () => accountsRepository(db).listAgencies(),
    agency: (id: string) => accountsRepository(db).agencyById(id),
    agencyByCode: (code: string) => accountsRepository(db).agencyByCode(code),
    firstAgency: () => accountsRepository(db).firstAgency(),
    childAgencies: (id: string) => accountsRepository(db).childAgencies(id),
    hasChildAgencies: (id: string) => accountsRepository(db).hasChildAgencies(id),
    departments: (agencyId: string) => accountsRepository(db).departmentsOf(agencyId),
    department: (id: string) => accountsRepository(db).departmentById(id),
    users: (agencyId: string) => accountsRepository(db).usersOf(agencyId),
    countUsers: () => accountsRepository(db).countUsers(),
    lastLogin: (username: string) => sessionsRepository(db).lastSuccess(username),
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
