// Who may do what with public messages. The disclosure office receives, routes, approves and
// marks invalid; the handling department drafts the answer; leaders read everything.
import { forbidden } from '../../core/errors.ts';
import { hasRole, type SessionUser } from '../accounts/index.ts';

interface MessageRef {
  agencyId: string;
  departmentId: string | null;
}

export function canManageMessages(user: SessionUser): boolean {
  return hasRole(user, 'officer');
}

/** The inbox: the office and leaders see the agency's messages, departments the ones routed to them. */
export function canSeeMessages(user: SessionUser): boolean {
  return hasRole(user, 'officer', 'leader') || (user.departmentId !== null && hasRole(user, 'drafter', 'departmentHead'));
}

export function canSeeMessage(user: SessionUser, m: MessageRef): boolean {
  if (user.agencyId !== m.agencyId) return false;
  if (hasRole(user, 'officer', 'leader')) return true;
  return m.departmentId !== null && m.departmentId === user.departmentId && hasRole(user, 'drafter', 'departmentHead');
}

/** The office may answer directly; a department drafts the answers routed to it. */
export function canDraftAnswer(user: SessionUser, m: MessageRef): boolean {
  if (user.agencyId !== m.agencyId) return false;
  if (hasRole(user, 'officer')) return true;
  return m.departmentId !== null && m.departmentId === user.departmentId && hasRole(user, 'drafter', 'departmentHead');
}

export function assertCan(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
