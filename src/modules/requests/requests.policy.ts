// Who may do what with a request. Office verbs belong to the disclosure office's officers of the
// same agency; department verbs to the drafters and heads of an assigned (handling) department.
// Another agency's requests do not exist for the actor (404, never 403).
import { authorize, requireSameAgency } from '../../core/authz/authz.ts';
import { hasRole, type SessionUser } from '../accounts/index.ts';
import { REQUEST_TRANSITIONS, type RequestStatus, type RequestVerb, type Transition } from './request.workflow.ts';

export interface RequestAccessInfo {
  status: RequestStatus;
  agencyId: string;
  handlingDepartmentIds: string[];
}

export function isOfficer(user: SessionUser): boolean {
  return hasRole(user, 'officer');
}

function inHandlingDepartment(user: SessionUser, request: RequestAccessInfo): boolean {
  return hasRole(user, 'drafter', 'departmentHead') && user.departmentId !== null && request.handlingDepartmentIds.includes(user.departmentId);
}

export function canPerform(user: SessionUser, request: RequestAccessInfo, transition: Transition): boolean {
  if (user.agencyId !== request.agencyId) return false;
  if (!hasRole(user, ...transition.roles)) return false;
  return transition.performer === 'office' ? true : inHandlingDepartment(user, request);
}

/** Whether the user performs the verb in some state of the request (the state is checked when acting). */
export function canPerformVerb(user: SessionUser, request: RequestAccessInfo, verb: RequestVerb): boolean {
  return REQUEST_TRANSITIONS.some((t) => t.verb === verb && canPerform(user, request, t));
}

export function availableVerbs(user: SessionUser, request: RequestAccessInfo): RequestVerb[] {
  return REQUEST_TRANSITIONS.filter((t) => t.from.includes(request.status) && canPerform(user, request, t)).map((t) => t.verb);
}

/** Reading a request: its agency's officers and leaders, and the handling departments. */
export function assertCanRead(user: SessionUser, request: RequestAccessInfo | undefined): void {
  requireSameAgency(user, request);
  authorize(isOfficer(user) || hasRole(user, 'leader') || inHandlingDepartment(user, request!), '只有公开办或承办单位可以查看该申请');
}

/** The register (all the agency's requests) is the office's and the leaders' view. */
export function assertCanListRegister(user: SessionUser): void {
  authorize(isOfficer(user) || hasRole(user, 'leader'), '只有公开办工作人员或机关领导可以查看申请登记簿');
}

export function assertOfficerOf(user: SessionUser, request: { agencyId: string } | undefined): void {
  requireSameAgency(user, request);
  authorize(isOfficer(user), '只有公开办工作人员可以执行此操作');
}

/**
 * 第三十三条: an extension needs the approval of the head of the disclosure office; here that is
 * an officer who sits in the agency's disclosure office department.
 */
export function assertCanExtend(user: SessionUser, request: { agencyId: string } | undefined, userInDisclosureOffice: boolean): void {
  assertOfficerOf(user, request);
  authorize(userInDisclosureOffice, '延期答复须经政务公开办公室负责人同意');
}

export function assertCanSupervise(user: SessionUser): void {
  authorize(isOfficer(user) || hasRole(user, 'leader'), '只有公开办工作人员或机关领导可以查看下级机关的办理情况');
}

/** A department's queue of the requests assigned to it: its drafters and heads. */
export function canSeeDepartmentQueue(user: SessionUser): boolean {
  return user.departmentId !== null && hasRole(user, 'drafter', 'departmentHead');
}

/**
 * Deadline reminders and other notices in the inbox name requests, items and messages: the work
 * roles only (三员分立: the system, security and audit administrators handle no content).
 */
export function canReadNotifications(user: SessionUser): boolean {
  return hasRole(user, 'drafter', 'departmentHead', 'confidentialityReviewer', 'leader', 'officer');
}
