// The requests module's public contract: the shapes the portal, console and reports rely on.
// Implementations live in requests.service.ts and friends; this file has no logic.
import type { StaffActor } from '../accounts/index.ts';
import type { RequestStatus, RequestVerb } from './request.workflow.ts';
import type { FeesApi } from './fees.contract.ts';
import type { ChallengesApi } from './challenges.service.ts';
import type { FilingsApi } from './filings.service.ts';
import type { Outcome, OutcomeReason } from './outcomes.ts';
import type { ReplyDraftInput, RequestKind } from './replies.schemas.ts';

export const CHANNELS = ['online', 'counter', 'post', 'fax', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { online: '网上申请', counter: '当面申请', post: '信函申请', fax: '传真申请', email: '电子邮件申请' };

/** The annual report's applicant columns (table 三). */
export const APPLICANT_TYPES = ['person', 'business', 'research', 'nonprofit', 'legalService', 'other'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  person: '自然人', business: '商业企业', research: '科研机构', nonprofit: '社会公益组织', legalService: '法律服务机构', other: '其他组织',
};

export const ID_TYPES = ['residentId', 'passport', 'hkMacauPermit', 'taiwanPermit', 'foreignPermanentResident', 'creditCode'] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  residentId: '居民身份证', passport: '护照', hkMacauPermit: '港澳居民来往内地通行证', taiwanPermit: '台湾居民来往大陆通行证',
  foreignPermanentResident: '外国人永久居留身份证', creditCode: '统一社会信用代码',
};

export const DELIVERY_METHODS = ['paper', 'email', 'pickUp', 'onlineDownload'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = { paper: '纸质邮寄', email: '电子邮件', pickUp: '当面领取', onlineDownload: '网上下载' };

/** A file sent with an application: identity document scans, the agent's authorisation. */
export const APPLICATION_FILE_PURPOSES = ['idScan', 'authorisation', 'other'] as const;
export type ApplicationFilePurpose = (typeof APPLICATION_FILE_PURPOSES)[number];
export const APPLICATION_FILE_PURPOSE_LABELS: Record<ApplicationFilePurpose, string> = { idScan: '身份证明', authorisation: '授权委托书', other: '其他材料' };

export interface ApplicationFile {
  purpose: ApplicationFilePurpose;
  filename: string;
  bytes: Buffer;
}

export interface ApplicationInput {
  /** 'recordCorrection': a request to correct records about the applicant (第四十一条). Default 'disclosure'. */
  kind?: RequestKind;
  applicantType: ApplicantType;
  /** Person's name, or the organisation's name. */
  applicantName: string;
  idType: IdType;
  /** Person: identity document number. Organisation: its unified social credit code. */
  idNumber: string;
  legalRepresentative: string;
  agentName: string;
  agentIdNumber: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
  infoDescription: string;
  infoTitle: string;
  infoDocNumber: string;
  purpose: string;
  deliveryMethod: DeliveryMethod;
  feeWaiverRequested: boolean;
  feeWaiverReason: string;
}

/** Online application: submitted by the public through /apply or POST /api/v1/requests. */
export interface OnlineApplication extends ApplicationInput {
  agencyId: string;
  idempotencyKey: string;
}

/** Counter, post, fax and e-mail applications entered by an officer (第三十一条 receipt date rules). */
export interface RegisteredApplication extends ApplicationInput {
  channel: Exclude<Channel, 'online'>;
  /** In person: that day; post: the day signed for; fax / e-mail: the day both sides confirmed. */
  receivedOn: string;
}

export interface Receipt {
  requestId: string;
  trackingCode: string;
  receivedOn: string;
  /** The reply deadline as it stands at receipt (20 working days, 第三十三条). */
  replyDueOn: string;
  correctionNoticeDueOn: string;
}

export interface RequestSummary {
  id: string;
  agencyId: string;
  trackingCode: string;
  channel: Channel;
  applicantType: ApplicantType;
  /** Masked for lists (王*); the full name only on the record page for staff. */
  applicantNameMasked: string;
  infoDescription: string;
  status: RequestStatus;
  receivedOn: string;
  replyDueOn: string | null;
  dueState: 'onTime' | 'dueSoon' | 'overdue' | null;
  handlingDepartmentNames: string[];
  outcome: string | null;
  closedOn: string | null;
}

export interface TimelineEvent {
  at: string;
  actorName: string;
  kind: string;
  label: string;
  note: string;
  visibleToApplicant: boolean;
}

export interface PauseInfo {
  id: string;
  kind: 'thirdParty' | 'coAgency' | 'fee';
  partyName: string;
  startedOn: string;
  endedOn: string | null;
  windowDueOn: string;
  result: string;
}

export interface RequestDetail extends RequestSummary {
  kind: RequestKind;
  applicantName: string;
  idType: IdType;
  /** Always masked (3204**********6333); `revealIdNumber` returns the clear value, audited. */
  idNumberMasked: string;
  legalRepresentative: string;
  agentName: string;
  agentIdNumberMasked: string;
  phoneMasked: string;
  email: string;
  address: string;
  postcode: string;
  infoTitle: string;
  infoDocNumber: string;
  purpose: string;
  deliveryMethod: DeliveryMethod;
  feeWaiverRequested: boolean;
  feeWaiverReason: string;
  originalReceivedOn: string;
  correctionNoticeDueOn: string | null;
  correctionPeriodDueOn: string | null;
  correctionCount: number;
  extensionDays: number;
  extensionReason: string;
  /** Why the reply is due when it is: start, working days, holidays, pauses. */
  replyDueExplanation: string | null;
  replyDueProvisional: boolean;
  pauses: PauseInfo[];
  handlingDepartments: { id: string; name: string; isLead: boolean }[];
  mergedIntoId: string | null;
  splitFromId: string | null;
  timeline: TimelineEvent[];
  attachments: { id: string; purpose: string; filename: string; mediaType: string; size: number }[];
}

/** What /track shows: status, dates, due date and the notices sent, and nothing else. */
export interface TrackingView {
  trackingCode: string;
  agencyName: string;
  status: RequestStatus;
  statusLabel: string;
  receivedOn: string;
  replyDueOn: string | null;
  replyDueProvisional: boolean;
  closedOn: string | null;
  steps: { at: string; label: string; note: string }[];
}

export interface RegisterQuery {
  status?: RequestStatus | 'open' | 'overdue';
  departmentId?: string;
  channel?: Channel;
  q?: string;
  receivedFrom?: string;
  receivedTo?: string;
  page: number;
  pageSize: number;
}

export interface ActInput {
  note: string;
  /** assign / reassign: the handling departments (the first is the lead). */
  departmentIds?: string[];
  /** receiveCorrection: the date the corrected request arrived (new receipt date). */
  receivedOn?: string;
  /** requestCorrection: the applicant's period in working days (default 15). */
  correctionPeriodDays?: number;
  /** startConsultation: who is consulted. */
  consultation?: { kind: 'thirdParty' | 'coAgency'; partyName: string };
  /** merge: the request this one duplicates. */
  mergeIntoTrackingCode?: string;
  /** requestFee: how the processing fee is charged (国办函〔2020〕109号). */
  fee?: { basis: 'perRequest' | 'perPage'; pages?: number; paymentMethod?: string };
  /** recordPayment: the day paid (default today) and the receipt or transfer reference. */
  payment?: { paidOn?: string; reference?: string };
  /** deliver: how the reply reached the applicant (delivery.effect.ts). */
  delivery?: { method?: DeliveryMethod; deliveredOn?: string; trackingNumber?: string; recipientNote?: string };
}

export interface RequestsService {
  /** `files`: PDF, JPEG or PNG (checked by content), at most 5, each within the upload limit. */
  apply(input: OnlineApplication, ip: string, files?: ApplicationFile[]): Promise<Receipt>;
  register(actor: StaffActor, input: RegisteredApplication, files?: ApplicationFile[]): Promise<Receipt>;
  /** A file of the request, for staff who may see the request. */
  attachment(actor: StaffActor, requestId: string, attachmentId: string): Promise<{ filename: string; mediaType: string; bytes: Buffer }>;
  track(trackingCode: string, phoneLast4: string): Promise<TrackingView>;
  get(actor: StaffActor, id: string): Promise<RequestDetail>;
  list(actor: StaffActor, query: RegisterQuery): Promise<{ items: RequestSummary[]; total: number; page: number; pageSize: number }>;
  /** The handling department's queue: requests assigned to the actor's department. */
  departmentQueue(actor: StaffActor): Promise<RequestSummary[]>;
  availableVerbs(actor: StaffActor, request: { status: RequestStatus; agencyId: string; handlingDepartmentIds: string[] }): RequestVerb[];
  act(actor: StaffActor, id: string, verb: RequestVerb, input: ActInput): Promise<RequestDetail>;
  /** 第三十三条: once, at most 20 working days, approved by the office head, notice to the applicant. */
  extend(actor: StaffActor, id: string, input: { days: number; reason: string }): Promise<RequestDetail>;
  /** "One matter per request": the officer splits a request; returns the new request. */
  split(actor: StaffActor, id: string, input: { infoDescription: string; note: string }): Promise<RequestDetail>;
  revealIdNumber(actor: StaffActor, id: string): Promise<string>;
  /** A city bureau's view of its county bureaus (accounts' child agencies): counts and overdue requests. */
  supervisorSummary(actor: StaffActor): Promise<SupervisedAgency[]>;
  /** The reply draft (第三十六条): drafted by the handling department, corrected by the office, approved with `approve`. */
  replies: {
    get(actor: StaffActor, requestId: string): Promise<ReplyView>;
    /** Replaces the draft (opinion and items); blank item rows are dropped. */
    saveDraft(actor: StaffActor, requestId: string, input: ReplyDraftInput): Promise<ReplyView>;
  };
  /** The console inbox (reminders). */
  notifications: {
    inbox(actor: StaffActor, limit?: number): Promise<NotificationView[]>;
    markRead(actor: StaffActor, id: string): Promise<void>;
  };
  /** The daily reminder sweep (also run by the worker job 'requests.reminders'); returns notifications created. */
  runReminderSweep(): Promise<number>;
  /** Sends one outbox e-mail (job 'notifications.sendOutbox'). */
  sendOutboxEmail(id: string): Promise<void>;
  /** The processing fee (国办函〔2020〕109号): preview, waiver, unpaid closure (fees.contract.ts). */
  fees: FeesApi;
  /** Fees paid in the year, in fen (annual report section 六). */
  feesCollected(agencyId: string, year: number): Promise<number>;
  /** Administrative reconsideration and litigation records (table 四). */
  challenges: ChallengesApi;
  /** Quarterly withholding filings (不予公开备案表). */
  filings: FilingsApi;
  /** Recomputes the stored due dates of every open request (also runs on calendar change); returns how many changed. */
  recomputeOpenDeadlines(): Promise<number>;
}

export interface SupervisedAgency {
  agencyId: string;
  agencyName: string;
  open: number;
  overdue: number;
  overdueRequests: RequestSummary[];
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  subjectType: string;
  subjectId: string;
  createdAt: string;
  read: boolean;
}

export interface ReplyItemView {
  id: string;
  position: number;
  description: string;
  replyType: string;
  replyTypeLabel: string;
  outcome: Outcome;
  reason: OutcomeReason | null;
  /** 不予公开（属于国家秘密）. */
  decisionLabel: string;
  /** The articles the decision rests on. */
  basis: string;
  explanation: string;
  catalogItemId: string | null;
  /** Already published: the catalog item and its portal address. */
  catalogItem: { id: string; title: string; indexNumber: string | null; url: string } | null;
  holderAgency: string;
  docNumber: string;
}

export interface ReplyView {
  requestId: string;
  kind: RequestKind;
  status: RequestStatus;
  opinion: string;
  items: ReplyItemView[];
  /** The outcome the request is reported under (table 三), from the items; null without items. */
  reported: { outcome: Outcome; reason: OutcomeReason | null; label: string; rowLabel: string } | null;
  draftedByName: string;
  draftedAt: string | null;
  approvedByName: string;
  approvedAt: string | null;
  approvedOn: string | null;
  /** The reply notice, once approved. */
  noticeId: string | null;
  noticeNumber: string;
  /** Whether the actor may change the draft now. */
  editable: boolean;
}
