// Who may do what in the catalog. Records of other agencies are "not found" (requireSameAgency);
// within the agency these say yes or no.
import { authorize } from '../../core/authz/authz.ts';
import { AppError } from '../../core/errors.ts';
import { hasRole, type SessionUser } from '../accounts/index.ts';
import type { ItemStatus } from './catalog.contract.ts';

/**
 * Content is for the work roles. 三员分立: the system, security and audit administrators manage
 * configuration, permissions and the audit log, and read no items (drafts included).
 */
export function canReadContent(user: SessionUser): boolean {
  return hasRole(user, 'drafter', 'departmentHead', 'confidentialityReviewer', 'leader', 'officer');
}

export function assertCanReadContent(user: SessionUser): void {
  authorize(canReadContent(user), '系统管理员、安全管理员和安全审计员不查阅政府信息内容（三员分立）');
}

/** The disclosure office maintains the catalog tree (栏目). */
export function canManageColumns(user: SessionUser): boolean {
  return hasRole(user, 'officer');
}

/** Drafters write for their own department; the disclosure office may draft for any department. */
export function canDraftFor(user: SessionUser, departmentId: string): boolean {
  if (hasRole(user, 'officer')) return true;
  return hasRole(user, 'drafter') && user.departmentId === departmentId;
}

/** Whether the user drafts at all; the department named in the form is checked once it is read. */
export function canDraft(user: SessionUser): boolean {
  return hasRole(user, 'drafter', 'officer');
}

export function canImportWord(user: SessionUser): boolean {
  return hasRole(user, 'drafter', 'officer');
}

/** Published items are changed (revised, repealed) only by the disclosure office. */
export function canChangePublished(user: SessionUser): boolean {
  return hasRole(user, 'officer');
}

/** Editing content: drafts by their drafters (or the office); published items by the office. */
export function assertCanEditContent(user: SessionUser, item: { status: ItemStatus | string; departmentId: string }): void {
  if (item.status === 'draft') return authorize(canDraftFor(user, item.departmentId), '只有本科室经办人或公开办可以修改草稿');
  if (item.status === 'published') return authorize(canChangePublished(user), '已发布信息只能由公开办修改');
  throw new AppError(409, 'ITEM_LOCKED', '该信息正在审核或已撤稿，不能修改；如需修改请先退回');
}
