// Public surface of the accounts module.
export { createAccountsService, type AccountsService, hashToken } from './accounts.service.ts';
export { canManageUsers, canManageCalendar, canManageSecurity, canReadAuditLog, assertRoleCombination } from './accounts.policy.ts';
export { ROLES, ROLE_LABELS, ADMIN_ROLES, hasRole, isRole, type Role, type SessionUser } from './roles.ts';
export { agencyInput, createUserInput, loginInput, type AgencyInput, type CreateUserInput } from './accounts.schemas.ts';
export { passwordProblem, PASSWORD_RULE_HINT } from './passwords.ts';
export { LOGIN_HISTORY_SHOWN } from './security-admin.service.ts';
export { AUDIT_PAGE_SIZE, AUDIT_EXPORT_MAX, type AuditLogFilters } from './audit-log.service.ts';
export { temporaryPassword } from './passwords.ts';
export type { LoginStep } from './login.service.ts';
export { registerSessionHook, setSessionCookie, clearSessionCookie, staffUser, actorOf, staffActor, auditActor, type StaffActor } from './accounts.http.ts';
export { purgeExpiredSessions } from './sessions.repository.ts';
