// The life of an information request (条例 第二十九–四十五条) as data: a status union and a
// transition table. Verbs are the only way to change status; the outcome (what was decided)
// is kept apart from the status (where the request is).
import type { Role } from '../accounts/index.ts';

export const REQUEST_STATUSES = [
  'received', // arrived; intake check (形式审查) pending
  'awaitingApplicant', // one-time correction notice sent (补正, 第三十条); clock stopped
  'accepted', // complete and registered (受理)
  'assigned', // routed to handling department(s)
  'drafting', // the department prepares the reply
  'consulting', // third-party or co-agency consultation (第三十二、三十四条); clock paused
  'awaitingPayment', // processing fee notice sent (国办函〔2020〕109号); clock paused until paid
  'officeReview', // the disclosure office checks the draft reply
  'approved', // reply approved; notice ready to deliver
  'delivered', // notice delivered to the applicant
  'closed',
  'withdrawn', // withdrawn by the applicant
  'abandoned', // no correction in time (第三十条): counted as other handling 1
  'merged', // duplicate merged into another request
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const OPEN_STATUSES: readonly RequestStatus[] = [
  'received', 'awaitingApplicant', 'accepted', 'assigned', 'drafting', 'consulting', 'awaitingPayment', 'officeReview', 'approved', 'delivered',
];
export const TERMINAL_STATUSES: readonly RequestStatus[] = ['closed', 'withdrawn', 'abandoned', 'merged'];

/** Statuses whose reply deadline is running (the correction wait and pauses are not). */
export const REPLY_CLOCK_STATUSES: readonly RequestStatus[] = ['accepted', 'assigned', 'drafting', 'officeReview', 'approved'];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  received: '已收到，待形式审查',
  awaitingApplicant: '已通知补正，待申请人补正',
  accepted: '已受理',
  assigned: '已交办',
  drafting: '承办单位办理中',
  consulting: '征求意见中（暂停计时）',
  awaitingPayment: '待缴纳信息处理费（暂停计时）',
  officeReview: '公开办审核中',
  approved: '答复已审定',
  delivered: '已送达',
  closed: '已办结',
  withdrawn: '申请人已撤回',
  abandoned: '逾期未补正，不再处理',
  merged: '已合并办理',
};

export const REQUEST_VERBS = [
  'accept', 'requestCorrection', 'receiveCorrection', 'abandon', 'assign', 'reassign', 'startDrafting',
  'startConsultation', 'endConsultation', 'submitReply', 'returnReply', 'approve', 'deliver', 'close',
  'withdraw', 'merge', 'requestFee', 'recordPayment', 'closeUnpaid',
] as const;
export type RequestVerb = (typeof REQUEST_VERBS)[number];

export const REQUEST_VERB_LABELS: Record<RequestVerb, string> = {
  accept: '受理',
  requestCorrection: '发出补正通知',
  receiveCorrection: '登记补正材料',
  abandon: '逾期未补正，终止处理',
  assign: '交办承办单位',
  reassign: '改派承办单位',
  startDrafting: '开始办理',
  startConsultation: '征求第三方/协作机关意见',
  endConsultation: '意见征询结束',
  submitReply: '提交答复稿',
  returnReply: '退回承办单位',
  approve: '审定答复',
  deliver: '登记送达',
  close: '办结',
  withdraw: '登记申请人撤回',
  merge: '合并重复申请',
  requestFee: '发出收费通知',
  recordPayment: '登记已缴费',
  closeUnpaid: '逾期未缴费，终止处理',
};

/** Who performs a verb: the office, or the handling department. */
export type Performer = 'office' | 'department';

export interface Transition {
  verb: RequestVerb;
  from: readonly RequestStatus[];
  to: RequestStatus;
  performer: Performer;
  roles: readonly Role[];
  /** A reason or opinion must be given. */
  needsNote: boolean;
}

const OFFICE: readonly Role[] = ['officer'];
const DEPARTMENT: readonly Role[] = ['drafter', 'departmentHead'];
const WITHDRAWABLE: readonly RequestStatus[] = ['received', 'awaitingApplicant', 'accepted', 'assigned', 'drafting', 'consulting', 'awaitingPayment', 'officeReview'];

export const REQUEST_TRANSITIONS: readonly Transition[] = [
  { verb: 'accept', from: ['received'], to: 'accepted', performer: 'office', roles: OFFICE, needsNote: false },
  { verb: 'requestCorrection', from: ['received'], to: 'awaitingApplicant', performer: 'office', roles: OFFICE, needsNote: true },
  // The corrected request is a new receipt (第三十条): back to the intake check with a new date.
  { verb: 'receiveCorrection', from: ['awaitingApplicant'], to: 'received', performer: 'office', roles: OFFICE, needsNote: false },
  { verb: 'abandon', from: ['awaitingApplicant'], to: 'abandoned', performer: 'office', roles: OFFICE, needsNote: true },
  { verb: 'assign', from: ['accepted'], to: 'assigned', performer: 'office', roles: OFFICE, needsNote: false },
  { verb: 'reassign', from: ['assigned', 'drafting'], to: 'assigned', performer: 'office', roles: OFFICE, needsNote: true },
  { verb: 'startDrafting', from: ['assigned'], to: 'drafting', performer: 'department', roles: DEPARTMENT, needsNote: false },
  { verb: 'startConsultation', from: ['drafting'], to: 'consulting', performer: 'department', roles: DEPARTMENT, needsNote: true },
  { verb: 'endConsultation', from: ['consulting'], to: 'drafting', performer: 'department', roles: DEPARTMENT, needsNote: true },
  { verb: 'submitReply', from: ['drafting'], to: 'officeReview', performer: 'department', roles: DEPARTMENT, needsNote: true },
  { verb: 'returnReply', from: ['officeReview'], to: 'drafting', performer: 'office', roles: OFFICE, needsNote: true },
  { verb: 'approve', from: ['officeReview'], to: 'approved', performer: 'office', roles: OFFICE, needsNote: false },
  { verb: 'deliver', from: ['approved'], to: 'delivered', performer: 'office', roles: OFFICE, needsNote: false },
  { verb: 'close', from: ['delivered'], to: 'closed', performer: 'office', roles: OFFICE, needsNote: false },
  { verb: 'withdraw', from: WITHDRAWABLE, to: 'withdrawn', performer: 'office', roles: OFFICE, needsNote: true },
  { verb: 'merge', from: ['received', 'accepted', 'assigned', 'drafting'], to: 'merged', performer: 'office', roles: OFFICE, needsNote: true },
  // 国办函〔2020〕109号: the fee notice pauses the reply clock; payment resumes it; no payment within
  // 20 working days and the request is no longer handled (table 三 other handling 2).
  { verb: 'requestFee', from: ['drafting'], to: 'awaitingPayment', performer: 'office', roles: OFFICE, needsNote: false },
  { verb: 'recordPayment', from: ['awaitingPayment'], to: 'drafting', performer: 'office', roles: OFFICE, needsNote: false },
  { verb: 'closeUnpaid', from: ['awaitingPayment'], to: 'closed', performer: 'office', roles: OFFICE, needsNote: false },
];

export function transitionFor(verb: RequestVerb, from: RequestStatus): Transition | undefined {
  return REQUEST_TRANSITIONS.find((t) => t.verb === verb && t.from.includes(from));
}

export function verbsFrom(status: RequestStatus): RequestVerb[] {
  return REQUEST_TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => t.verb);
}

export function isOpen(status: RequestStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** An extension (第三十三条) may be granted once while the reply clock runs or is paused. */
export const EXTENDABLE_STATUSES: readonly RequestStatus[] = ['accepted', 'assigned', 'drafting', 'consulting', 'officeReview'];
