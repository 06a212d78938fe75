// Row types: the processing fee of a request (migration 20261122050300). See schema.ts for the conventions.
export interface RequestFeeTable {
  requestId: string;
  agencyId: string;
  /** 'perRequest' | 'perPage' (never both, 国办函〔2020〕109号). */
  basis: string;
  pages: number | null;
  /** The applicant's n-th request to the agency in the calendar month of receipt. */
  rankInMonth: number;
  amountFen: number;
  /** The tier in words, as the notice states it. */
  tier: string;
  noticeId: string | null;
  noticeOn: string | null;
  paymentDueOn: string | null;
  paidOn: string | null;
  paymentReference: string;
  receiptNoticeId: string | null;
  /** 'none' | 'proposed' | 'approved' | 'denied'. */
  waiverStatus: string;
  /** Why the office (or the applicant) asks for the waiver. */
  waiverProposal: string;
  /** The leader's reason for the decision. */
  waiverReason: string;
  waiverDecidedBy: string;
  waiverDecidedOn: string | null;
  createdAt: string;
  updatedAt: string;
}
