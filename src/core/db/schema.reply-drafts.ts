// Row types: the reply as a whole (migration 20261122050100). See schema.ts for the conventions.
export interface RequestReplyTable {
  requestId: string;
  /** The covering opinion (答复意见) above the items' decisions. */
  opinion: string;
  draftedBy: string;
  draftedByName: string;
  /** Last saved (instant). */
  draftedAt: string;
  approvedBy: string | null;
  approvedByName: string;
  approvedAt: string | null;
  /** The legal date of the approval: the reply's date (filings, the annual report). */
  approvedOn: string | null;
  /** The reply notice issued on approval. */
  noticeId: string | null;
  noticeNumber: string;
}
