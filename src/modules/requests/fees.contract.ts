// What the fee use cases offer the console and the annual report (国办函〔2020〕109号).
import type { StaffActor } from '../accounts/index.ts';
import type { FeeAssessment, FeeBasis } from './fees.ts';

export const WAIVER_STATUSES = ['none', 'proposed', 'approved', 'denied'] as const;
export type WaiverStatus = (typeof WAIVER_STATUSES)[number];
export const WAIVER_STATUS_LABELS: Record<WaiverStatus, string> = { none: '未申请减免', proposed: '待领导决定', approved: '已批准减免', denied: '不予减免' };

export interface FeeView {
  requestId: string;
  /** The fee as it would be charged per request today (the applicant's rank this month). */
  perRequestPreview: FeeAssessment;
  /** The stored assessment once a fee notice went out (or a waiver was proposed). */
  assessed: { basis: FeeBasis; pages: number | null; rankInMonth: number; amountFen: number; tier: string } | null;
  noticeId: string | null;
  noticeOn: string | null;
  paymentDueOn: string | null;
  paidOn: string | null;
  paymentReference: string;
  receiptNoticeId: string | null;
  waiverStatus: WaiverStatus;
  /** The applicant asked for a waiver on the application, with this reason. */
  applicantAskedWaiver: boolean;
  applicantWaiverReason: string;
  waiverProposal: string;
  waiverReason: string;
  waiverDecidedBy: string;
  waiverDecidedOn: string | null;
}

export interface FeesApi {
  /** The fee record and the per-request preview; officers and leaders of the agency. */
  get(actor: StaffActor, requestId: string): Promise<FeeView>;
  /** Preview of the amount for a basis (nothing stored); officers. */
  assess(actor: StaffActor, requestId: string, input: { basis: FeeBasis; pages?: number }): Promise<FeeAssessment>;
  /** The office proposes a hardship waiver for a leader to decide; officers. */
  proposeWaiver(actor: StaffActor, requestId: string, input: { reason: string }): Promise<FeeView>;
  /** A leader approves or denies the waiver (asked by the applicant or proposed by the office), with a reason. */
  decideWaiver(actor: StaffActor, requestId: string, input: { approve: boolean; reason: string }): Promise<FeeView>;
  /** Closes every request whose payment window has ended (daily job); returns how many. */
  closeExpiredUnpaid(): Promise<number>;
}
