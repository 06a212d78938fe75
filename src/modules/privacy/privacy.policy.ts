// Who may do what in screening: the confidentiality reviewer (保密审查) decides on findings;
// the system administrator keeps the sensitive-word lexicon.
import { hasRole, type SessionUser } from '../accounts/index.ts';

export const canDecideFindings = (user: SessionUser) => hasRole(user, 'confidentialityReviewer');
export const REASON_REQUIRED = '保留须说明理由，例如：惩戒公示、依法应当公开';
export const canManageLexicon = (user: SessionUser) => hasRole(user, 'sysAdmin');
