// Who may mark and apply redactions: the confidentiality reviewer during 保密审查 and the
// disclosure office during its final check before publishing (条例 第十七条: review before
// publication). Anyone who handles items in the agency may read the log.
import { hasRole, type SessionUser } from '../accounts/index.ts';
import type { ItemStatus } from '../catalog/catalog.contract.ts';

export function canRedact(user: SessionUser, item: { status: ItemStatus }): boolean {
  if (item.status === 'confidentialityReview') return hasRole(user, 'confidentialityReviewer');
  if (item.status === 'officeCheck') return hasRole(user, 'officer');
  return false;
}

/** The work roles; the auditor reads the audit log, which records every redaction, not the items (三员分立). */
export function canReadRedactionLog(user: SessionUser): boolean {
  return hasRole(user, 'drafter', 'departmentHead', 'confidentialityReviewer', 'leader', 'officer');
}
