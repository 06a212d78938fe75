// Who may manage accounts, and which role combinations are allowed (三员分立).
import { AppError } from '../../core/errors.ts';
import { ADMIN_ROLES, hasRole, type Role, type SessionUser } from './roles.ts';

export function canManageUsers(user: SessionUser): boolean {
  return hasRole(user, 'sysAdmin', 'securityAdmin');
}

/** 三员分立: the security administrator grants roles, unlocks, resets and revokes sessions. */
export function canManageSecurity(user: SessionUser): boolean {
  return hasRole(user, 'securityAdmin');
}

/** 三员分立: only the auditor reads and exports the audit log (not the system administrator). */
export function canReadAuditLog(user: SessionUser): boolean {
  return hasRole(user, 'auditor');
}

export function canManageCalendar(user: SessionUser): boolean {
  return hasRole(user, 'sysAdmin');
}

/** No account holds two of the administrator roles, nor an administrator role and a work role. */
export function assertRoleCombination(roles: Role[]): void {
  const admin = roles.filter((r) => ADMIN_ROLES.includes(r));
  if (admin.length > 1) throw new AppError(422, 'ROLES_NOT_SEPARATED', '系统管理员、安全管理员、安全审计员须由不同账号担任（三员分立）');
  if (admin.length === 1 && roles.length > 1)
    throw new AppError(422, 'ROLES_NOT_SEPARATED', '管理员账号不能同时担任业务角色');
}
