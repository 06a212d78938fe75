// The publication workflow as data: a status union (ItemStatus) and a transition table. Verbs
// are the only way to change an item's status (DESIGN.md "Workflows are data"). The steps follow
// REGULATION.md: department review, confidentiality review (先审查后公开), leader approval, the
// principal leader for major or sensitive items, then the disclosure office checks and publishes.
import { hasRole, type Role, type SessionUser } from '../accounts/index.ts';
import type { DisclosureMode, ItemStatus } from '../catalog/index.ts';
import type { ReviewRecord, ReviewVerb } from './review.contract.ts';
import { allOf, clarification, notClarification } from './clarification.path.ts';

/** What a transition's condition may look at. */
export interface WorkflowSubject {
  status: ItemStatus;
  departmentId: string;
  agencyId: string;
  isMajor: boolean;
  disclosureMode?: DisclosureMode;
  /** 澄清: the fast path below (clarification.path.ts). */
  isClarification?: boolean;
}

export interface Transition {
  from: ItemStatus;
  verb: ReviewVerb;
  to: ItemStatus;
  role: Role;
  /** Extra rule beyond the role, with the reason people read when it fails. */
  condition?: { test: (user: SessionUser, item: WorkflowSubject) => boolean; label: string };
  conclusion: ReviewRecord['conclusion'];
}

const ownDepartment = { test: (u: SessionUser, i: WorkflowSubject) => u.departmentId === i.departmentId, label: '须为本科室人员' };
const major = { test: (_u: SessionUser, i: WorkflowSubject) => i.isMajor, label: '重大事项' };
const notMajor = { test: (_u: SessionUser, i: WorkflowSubject) => !i.isMajor, label: '非重大事项' };
const principal = { test: (u: SessionUser) => u.isPrincipalLeader, label: '须由主要领导审定' };
// 源头认定: only items marked for proactive disclosure are published.
const proactive = { test: (_u: SessionUser, i: WorkflowSubject) => (i.disclosureMode ?? 'proactive') === 'proactive', label: '公开方式须为主动公开' };

export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', verb: 'submit', to: 'departmentReview', role: 'drafter', condition: allOf(ownDepartment, notClarification), conclusion: 'submitted' },
  // 澄清 fast path: straight to the confidentiality review, then the leader approves and publishes.
  { from: 'draft', verb: 'submit', to: 'confidentialityReview', role: 'drafter', condition: allOf(ownDepartment, clarification), conclusion: 'submitted' },
  { from: 'departmentReview', verb: 'approve', to: 'confidentialityReview', role: 'departmentHead', condition: ownDepartment, conclusion: 'approved' },
  { from: 'departmentReview', verb: 'sendBack', to: 'draft', role: 'departmentHead', condition: ownDepartment, conclusion: 'sentBack' },
  { from: 'confidentialityReview', verb: 'approve', to: 'leaderApproval', role: 'confidentialityReviewer', conclusion: 'approved' },
  { from: 'confidentialityReview', verb: 'sendBack', to: 'draft', role: 'confidentialityReviewer', conclusion: 'sentBack' },
  { from: 'leaderApproval', verb: 'approve', to: 'principalApproval', role: 'leader', condition: allOf(major, notClarification), conclusion: 'approved' },
  { from: 'leaderApproval', verb: 'approve', to: 'officeCheck', role: 'leader', condition: allOf(notMajor, notClarification), conclusion: 'approved' },
  { from: 'leaderApproval', verb: 'publish', to: 'published', role: 'leader', condition: allOf(clarification, proactive), conclusion: 'published' },
  { from: 'leaderApproval', verb: 'sendBack', to: 'draft', role: 'leader', conclusion: 'sentBack' },
  { from: 'principalApproval', verb: 'approve', to: 'officeCheck', role: 'leader', condition: principal, conclusion: 'approved' },
  { from: 'principalApproval', verb: 'sendBack', to: 'draft', role: 'leader', condition: principal, conclusion: 'sentBack' },
  { from: 'officeCheck', verb: 'publish', to: 'published', role: 'officer', condition: proactive, conclusion: 'published' },
  { from: 'officeCheck', verb: 'sendBack', to: 'draft', role: 'officer', conclusion: 'sentBack' },
  { from: 'published', verb: 'takedown', to: 'takenDown', role: 'officer', conclusion: 'takenDown' },
];

export const REVIEW_VERBS: readonly ReviewVerb[] = ['submit', 'approve', 'sendBack', 'publish', 'takedown'];

/** A written opinion is required to send back (退回) or take down (撤稿). */
export const OPINION_REQUIRED: ReadonlySet<ReviewVerb> = new Set<ReviewVerb>(['sendBack', 'takedown']);

export function isReviewVerb(value: string): value is ReviewVerb {
  return (REVIEW_VERBS as readonly string[]).includes(value);
}

/** The transition the user may take, if any; same agency is required for everything. */
export function findTransition(user: SessionUser, item: WorkflowSubject, verb: ReviewVerb): Transition | undefined {
  if (user.agencyId !== item.agencyId) return undefined;
  return TRANSITIONS.find(
    (t) => t.from === item.status && t.verb === verb && hasRole(user, t.role) && (!t.condition || t.condition.test(user, item)),
  );
}

/** Whether some step of the workflow takes this verb with one of the user's roles (the role part, before the item's state). */
export function hasRoleForVerb(user: SessionUser, verb: ReviewVerb): boolean {
  return TRANSITIONS.some((t) => t.verb === verb && hasRole(user, t.role));
}

/** Why a verb is not possible: no such step from this status, or not this user's to take. */
export function refusal(item: WorkflowSubject, verb: ReviewVerb): 'noSuchStep' | 'notPermitted' {
  return TRANSITIONS.some((t) => t.from === item.status && t.verb === verb) ? 'notPermitted' : 'noSuchStep';
}

export function availableVerbs(user: SessionUser, item: WorkflowSubject): ReviewVerb[] {
  return REVIEW_VERBS.filter((verb) => findTransition(user, item, verb));
}

/** Statuses in which a user with these roles could have something to do (for queues). */
export function actionableStatuses(user: SessionUser, opts: { includePublished: boolean }): ItemStatus[] {
  const statuses = TRANSITIONS.filter((t) => hasRole(user, t.role) && (opts.includePublished || t.from !== 'published')).map((t) => t.from);
  return [...new Set(statuses)];
}
