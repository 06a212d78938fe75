// Who may do what with notices. Templates and the remedy settings are the disclosure office's
// (officers) and the system administrator's to change. A notice is read by those who may read its request:
// the office, the leaders and the handling departments (the route checks the request itself); the
// three administrators of 三员分立 handle no request content.
import { hasRole, type SessionUser } from '../accounts/index.ts';

export function canEditNoticeTemplates(user: Pick<SessionUser, 'roles'>): boolean {
  return hasRole(user, 'officer', 'sysAdmin');
}

/**
 * Reading the templates: their keepers, and the work roles whose drafts and approvals become the
 * letters. The security administrator and the auditor have no task with them.
 */
export function canReadNoticeTemplates(user: Pick<SessionUser, 'roles'>): boolean {
  return hasRole(user, 'officer', 'sysAdmin', 'drafter', 'departmentHead', 'confidentialityReviewer', 'leader');
}

/** The roles that may read some request, and so its notices. */
export function canReadNotices(user: Pick<SessionUser, 'roles'>): boolean {
  return hasRole(user, 'officer', 'leader', 'drafter', 'departmentHead');
}

export function canReadNotice(user: Pick<SessionUser, 'agencyId' | 'roles'>, notice: { agencyId: string }): boolean {
  return user.agencyId === notice.agencyId && canReadNotices(user);
}
