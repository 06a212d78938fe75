// Who sees which console menu entries and pages. The services enforce their own rules as well;
// these checks decide what to show and answer 403 before a page is even built.
import { canManageCalendar, canManageSecurity, canManageUsers, canReadAuditLog, hasRole, type SessionUser } from '../accounts/index.ts';
import type { ItemStatus } from '../catalog/catalog.contract.ts';
import { canSeeMessages } from '../participation/index.ts';
import { canPerformVerb, REQUEST_VERBS, type RequestDetail, type RequestVerb } from '../requests/index.ts';

/** Work roles that handle catalog items (the administrators of 三员分立 do not). */
export function canSeeItems(user: SessionUser): boolean {
  return hasRole(user, 'drafter', 'departmentHead', 'confidentialityReviewer', 'leader', 'officer');
}

/** Drafters prepare items; the disclosure office may also draft on a department's behalf. */
export function canDraftItems(user: SessionUser): boolean {
  return hasRole(user, 'drafter', 'officer');
}

/**
 * Only drafts are edited in place, by a drafter of the item's department or by the office;
 * published items are revised (a new version) by the office.
 */
export function canEditDraft(user: SessionUser, item: { status: ItemStatus; departmentId: string }): boolean {
  if (item.status !== 'draft') return false;
  return hasRole(user, 'officer') || (hasRole(user, 'drafter') && user.departmentId === item.departmentId);
}

/** Revising and repealing published items is the disclosure office's work. */
export function canRevisePublished(user: SessionUser, item: { status: ItemStatus; validity: string }): boolean {
  return item.status === 'published' && hasRole(user, 'officer');
}

export function canRepeal(user: SessionUser, item: { status: ItemStatus; validity: string }): boolean {
  return item.status === 'published' && item.validity !== 'repealed' && hasRole(user, 'officer');
}

/** The role part of revising and repealing: the item's state is checked with the submitted form. */
export function canChangePublishedItems(user: SessionUser): boolean {
  return hasRole(user, 'officer');
}

/** Release coordination and clarifications (office records): the office, or the item's own department. */
export function canHandleItemOffice(user: SessionUser, item: { departmentId: string }): boolean {
  return hasRole(user, 'officer') || (hasRole(user, 'drafter', 'departmentHead') && user.departmentId === item.departmentId);
}

/** The disclosure office maintains the catalog tree (the catalog service allows no one else). */
export function canManageColumns(user: SessionUser): boolean {
  return hasRole(user, 'officer');
}

export { canManageUsers, canManageCalendar };

/** The register of requests: the disclosure office and the agency's leaders (requests.policy). */
export function canSeeRegister(user: SessionUser): boolean {
  return hasRole(user, 'officer', 'leader');
}

/** Counter, post, fax and e-mail applications are entered by the office (第三十一条). */
export function canRegisterRequests(user: SessionUser): boolean {
  return hasRole(user, 'officer');
}

/**
 * Whether one of `verbs` is the user's on this request in some state (the office's verbs, or a
 * handling department's on a request assigned to it): the role part of acting, checked before the
 * form is read; the request's state is checked when acting.
 */
export function canActOnRequest(user: SessionUser, r: Pick<RequestDetail, 'status' | 'agencyId'> & { handlingDepartments: readonly { id: string }[] }, verbs: readonly RequestVerb[] = REQUEST_VERBS): boolean {
  const access = { status: r.status, agencyId: r.agencyId, handlingDepartmentIds: r.handlingDepartments.map((d) => d.id) };
  return verbs.some((v) => canPerformVerb(user, access, v));
}

/** Handling departments see the requests assigned to them. */
export function canSeeRequestQueue(user: SessionUser): boolean {
  return user.departmentId !== null && hasRole(user, 'drafter', 'departmentHead');
}

/** The dashboard and the assessment: the office and the leaders (issue 6 parts 4, 5). */
export function canSeeDashboards(user: SessionUser): boolean {
  return hasRole(user, 'officer', 'leader');
}

/**
 * A city bureau's office and leaders see their county bureaus' figures. The pages stay open to
 * every office and leader (a county bureau's roll-up shows its own figures); the menu offers them
 * only where there is someone to supervise (navEntries).
 */
export function canSupervise(user: SessionUser): boolean {
  return hasRole(user, 'officer', 'leader');
}

export interface NavEntry {
  href: string;
  label: string;
}

/** What the menu needs to know about the user's agency beyond the session (PageContext). */
export interface NavScope {
  /** The agency has subordinate agencies (agencies.parent_agency_id points to it). */
  supervisesAgencies: boolean;
}

/** The side navigation of a user: only the pages they may open, and need. */
export function navEntries(user: SessionUser, scope: NavScope): NavEntry[] {
  const supervises = canSupervise(user) && scope.supervisesAgencies;
  const entries: NavEntry[] = [{ href: '/console', label: '我的待办' }];
  if (canSeeItems(user)) entries.push({ href: '/console/items', label: '政府信息' });
  if (canDraftItems(user)) entries.push({ href: '/console/items/new', label: '新建信息' });
  if (canSeeRegister(user)) entries.push({ href: '/console/requests', label: '申请登记簿' });
  if (canRegisterRequests(user)) entries.push({ href: '/console/requests/new', label: '登记申请' });
  if (canSeeRequestQueue(user)) entries.push({ href: '/console/requests/queue', label: '本单位承办的申请' });
  if (supervises) entries.push({ href: '/console/requests/supervision', label: '下级机关办理情况' });
  if (hasRole(user, 'officer', 'confidentialityReviewer')) entries.push({ href: '/console/filings', label: '不予公开备案' });
  if (hasRole(user, 'officer', 'leader')) entries.push({ href: '/console/challenges', label: '复议诉讼' });
  if (canSeeDashboards(user)) entries.push({ href: '/console/dashboard', label: '工作概况' }, { href: '/console/assessment', label: '考核' });
  if (hasRole(user, 'officer', 'leader', 'departmentHead', 'drafter')) entries.push({ href: '/console/freshness', label: '栏目更新情况' });
  if (hasRole(user, 'officer', 'leader')) entries.push({ href: '/console/tamper', label: '网页防篡改' });
  if (canSeeMessages(user)) entries.push({ href: '/console/messages', label: '在线咨询和局长信箱' });
  if (canSeeItems(user)) entries.push({ href: '/console/inbox', label: '消息提醒' });
  if (hasRole(user, 'officer', 'leader')) entries.push({ href: '/console/reports', label: '年度报告' });
  if (supervises) entries.push({ href: '/console/reports/rollup', label: '年度报告汇总' });
  if (canManageColumns(user)) entries.push({ href: '/console/columns', label: '目录栏目' });
  if (canManageUsers(user)) entries.push({ href: '/console/users', label: '用户管理' });
  if (canManageSecurity(user)) entries.push({ href: '/console/security', label: '账号安全管理' });
  if (canReadAuditLog(user)) entries.push({ href: '/console/audit', label: '审计日志' });
  if (canManageCalendar(user)) entries.push({ href: '/console/calendar', label: '工作日历' });
  if (hasRole(user, 'sysAdmin')) entries.push({ href: '/console/lexicon', label: '敏感词库' });
  if (hasRole(user, 'officer', 'sysAdmin')) entries.push({ href: '/console/notices/templates', label: '告知书模板' });
  if (hasRole(user, 'officer', 'leader')) entries.push({ href: '/console/reading-rooms', label: '查阅场所' });
  // 三员分立: the system administrator keeps the room list only, not the checklist of items.
  else if (hasRole(user, 'sysAdmin')) entries.push({ href: '/console/reading-rooms/rooms', label: '查阅场所设置' });
  entries.push({ href: '/console/account', label: '我的账号' });
  entries.push({ href: '/console/password', label: '修改密码' });
  return entries;
}
