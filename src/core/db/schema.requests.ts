// Row types: Information requests, their timeline, notifications and the e-mail outbox. See schema.ts for the conventions.
export interface RequestTable {
  id: string;
  agencyId: string;
  trackingCode: string;
  idempotencyKey: string | null;
  channel: string;
  applicantType: string;
  applicantName: string;
  idType: string;
  idNumberEnc: string;
  idNumberIndex: string;
  idNumberMasked: string;
  orgCreditCode: string;
  legalRepresentative: string;
  agentName: string;
  agentIdNumberEnc: string;
  agentIdNumberMasked: string;
  /** Masked (138****1234); the number itself is in phoneEnc (migration 20261122030100). */
  phone: string;
  phoneEnc?: string;
  phoneLast4: string;
  email: string;
  address: string;
  postcode: string;
  infoDescription: string;
  infoTitle: string;
  infoDocNumber: string;
  purpose: string;
  deliveryMethod: string;
  feeWaiverRequested: number;
  feeWaiverReason: string;
  status: string;
  outcome: string | null;
  outcomeReason: string | null;
  originalReceivedOn: string;
  receivedOn: string;
  receivedAt: string;
  correctionNoticeDueOn: string | null;
  correctionRequestedOn: string | null;
  correctionPeriodDueOn: string | null;
  correctionCount: number;
  /** The applicant's correction period in working days (migration 20261122010600). */
  correctionPeriodDays: number;
  replyDueOn: string | null;
  extensionDays: number;
  extensionReason: string;
  extensionApprovedBy: string;
  closedOn: string | null;
  mergedIntoId: string | null;
  splitFromId: string | null;
  imported: number;
  /** 'disclosure' (第二十九条) or 'recordCorrection' (第四十一条; not counted in table 三). Migration 20261122050000. */
  kind?: string;
  createdAt: string;
  updatedAt: string;
}

export interface RequestAssignmentTable {
  requestId: string;
  departmentId: string;
  isLead: number;
  assignedAt: string;
}

export interface RequestPauseTable {
  id: string;
  requestId: string;
  /** 'fee': waiting for the applicant to pay the processing fee (国办函〔2020〕109号). */
  kind: 'thirdParty' | 'coAgency' | 'fee';
  partyName: string;
  startedOn: string;
  endedOn: string | null;
  windowDueOn: string;
  result: string;
}

export interface RequestEventTable {
  id: string;
  requestId: string;
  at: string;
  actorId: string | null;
  actorName: string;
  kind: string;
  note: string;
  data: string;
  visibleToApplicant: number;
}

export interface RequestAttachmentTable {
  id: string;
  requestId: string;
  purpose: string;
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
  createdAt: string;
}

export interface NotificationTable {
  id: string;
  uniqueKey: string | null;
  agencyId: string;
  departmentId: string | null;
  userId: string | null;
  subjectType: string;
  subjectId: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface OutboxEmailTable {
  id: string;
  toAddress: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  lastError: string;
}
