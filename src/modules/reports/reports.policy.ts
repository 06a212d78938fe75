// Who may see an agency's annual report figures: its own office staff and leaders, and those of
// its parent agency (a city bureau supervises its county bureaus, 第四条, 第四十九条).
import { forbidden } from '../../core/errors.ts';
import { hasRole, type SessionUser } from '../accounts/index.ts';

export const REPORT_ROLES = ['officer', 'leader', 'departmentHead'] as const;

export function canComputeReports(user: Pick<SessionUser, 'roles'>): boolean {
  return hasRole(user, ...REPORT_ROLES);
}

/** Throws 403 unless the user is report staff of the agency or of its parent. */
export function assertCanComputeFor(user: Pick<SessionUser, 'roles' | 'agencyId'>, agencyId: string, childIds: readonly string[]): void {
  if (!canComputeReports(user)) throw forbidden('只有公开办工作人员和领导可以查看年度报告数据');
  if (user.agencyId !== agencyId && !childIds.includes(agencyId)) throw forbidden('只能查看本机关及所属下级机关的年度报告数据');
}
