// Row types: public participation messages (migration 20261122070100). See schema.ts for the conventions.
export interface MessageTable {
  id: string;
  agencyId: string;
  /** A MESSAGE_KINDS value: consultation (在线咨询), mailbox (局长信箱), complaint (监督投诉). */
  kind: string;
  trackingCode: string;
  idempotencyKey: string | null;
  askerName: string;
  /** The phone: encrypted (field cipher), masked for lists, last 4 digits for tracking. */
  phoneEnc: string;
  phoneMasked: string;
  phoneLast4: string;
  email: string;
  subject: string;
  content: string;
  /** 0/1: the asker agreed that the question and answer be published (masked). */
  consentToPublish: number;
  /** A MESSAGE_STATUSES value. */
  status: string;
  departmentId: string | null;
  answer: string;
  draftedBy: string | null;
  answeredBy: string | null;
  answeredOn: string | null;
  /** 0/1: shown in the public Q&A list. */
  published: number;
  publicSubject: string;
  publicContent: string;
  publicAnswer: string;
  publishedAt: string | null;
  invalidReason: string;
  receivedOn: string;
  replyDueOn: string;
  /** Three months after receipt: the inspection line of 国办秘函〔2019〕19号. */
  inspectionDueOn: string;
  createdAt: string;
  updatedAt: string;
}
