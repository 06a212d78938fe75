// Row types: quarterly withholding filings (migration 20261122050310). See schema.ts for the conventions.
export interface WithholdingFilingTable {
  id: string;
  agencyId: string;
  year: number;
  quarter: number;
  /** 'draft' | 'filed'. */
  status: string;
  generatedAt: string;
  filedOn: string | null;
  filedTo: string;
  filedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface WithholdingFilingRowTable {
  id: string;
  filingId: string;
  requestId: string;
  replyItemId: string | null;
  sourceKey: string;
  position: number;
  repliedOn: string;
  description: string;
  docNumber: string;
  /** A refused OutcomeReason. */
  reason: string;
  /** 绝密 / 机密 / 秘密 / 非密 / 工作秘密, entered at review ('' until then). */
  classificationLevel: string;
  confidentialityOpinion: string;
  reviewedBy: string;
  updatedAt: string;
}
