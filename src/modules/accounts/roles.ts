// Roles from the glossary. A user may hold several work roles; the three administrator roles
// (三员分立) are kept apart by accounts.policy.ts.
export const ROLES = [
  'drafter',
  'departmentHead',
  'confidentialityReviewer',
  'leader',
  'officer',
  'sysAdmin',
  'securityAdmin',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  drafter: '经办人',
  departmentHead: '科室负责人',
  confidentialityReviewer: '保密审查员',
  leader: '分管领导',
  officer: '公开办工作人员',
  sysAdmin: '系统管理员',
  securityAdmin: '安全管理员',
  auditor: '安全审计员',
};

export const ADMIN_ROLES: readonly Role[] = ['sysAdmin', 'securityAdmin', 'auditor'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The signed-in staff member as every service sees them. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  departmentId: string | null;
  roles: Role[];
  isPrincipalLeader: boolean;
  mustChangePassword: boolean;
}

export function hasRole(user: Pick<SessionUser, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}
