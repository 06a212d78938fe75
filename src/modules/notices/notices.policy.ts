// Who may do what with notices. Templates and the remedy settings are the disclosure office's
// (officers) and the system administrator's; any staff member of the agency may read its notices.
import { hasRole, type SessionUser } from '../accounts/index.ts';

export function canEditNoticeTemplates(user: Pick<SessionUser, 'roles'>): boolean {
  return hasRole(user, 'officer', 'sysAdmin');
}

export function canReadNotice(user: Pick<SessionUser, 'agencyId'>, notice: { agencyId: string }): boolean {
  return user.agencyId === notice.agencyId;
}
