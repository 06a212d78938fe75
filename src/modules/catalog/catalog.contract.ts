// The catalog module's public contract: the shapes other modules (review, search, portal,
// console) may rely on. Implementations live in catalog.service.ts; this file has no logic.
import type { Actor } from '../../core/audit/audit.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { StaffActor } from '../accounts/index.ts';

export const ITEM_STATUSES = [
  'draft',
  'departmentReview',
  'confidentialityReview',
  'leaderApproval',
  'principalApproval',
  'officeCheck',
  'published',
  'takenDown',
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const DISCLOSURE_MODES = ['proactive', 'onRequest', 'withheld'] as const;
export type DisclosureMode = (typeof DISCLOSURE_MODES)[number];
export const SCOPES = ['public', 'intranet'] as const;
export type Scope = (typeof SCOPES)[number];
export const VALIDITIES = ['inForce', 'repealed', 'expired', 'amended'] as const;
export type Validity = (typeof VALIDITIES)[number];

export const STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿',
  departmentReview: '待科室初审',
  confidentialityReview: '待保密审查',
  leaderApproval: '待领导审定',
  principalApproval: '待主要领导审定',
  officeCheck: '待公开办复核发布',
  published: '已发布',
  takenDown: '已撤稿',
};
export const DISCLOSURE_MODE_LABELS: Record<DisclosureMode, string> = { proactive: '主动公开', onRequest: '依申请公开', withheld: '不予公开' };
export const SCOPE_LABELS: Record<Scope, string> = { public: '外网', intranet: '内网' };
export const VALIDITY_LABELS: Record<Validity, string> = { inForce: '有效', repealed: '废止', expired: '失效', amended: '修订' };

export interface ColumnNode {
  id: string;
  agencyId: string;
  parentId: string | null;
  code: string;
  name: string;
  description: string;
  sortOrder: number;
  /** Expected update interval in calendar days; null = on change. */
  updateIntervalDays: number | null;
  departmentIds: string[];
  children: ColumnNode[];
}

export interface ItemSummary {
  id: string;
  agencyId: string;
  columnId: string;
  columnName: string;
  departmentId: string;
  departmentName: string;
  status: ItemStatus;
  indexNumber: string | null;
  title: string;
  docNumber: string;
  writtenOn: string | null;
  publishedOn: string | null;
  validity: Validity;
  scope: Scope;
  isMajor: boolean;
  /** 澄清: corrects false or incomplete information in circulation; fast review path. */
  isClarification?: boolean;
  /** 20 working days from writtenOn (第二十六条); null once published or without a date. */
  publishDueOn: string | null;
  /** 10 working days from repeal, until the repeal notice is published. */
  repealNoticeDueOn: string | null;
  updatedAt: string;
}

export interface AttachmentInfo {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface ItemDetail extends ItemSummary {
  issuers: string[];
  topic: string;
  summary: string;
  /** Sanitised HTML: safe to insert as-is. */
  bodyHtml: string;
  bodyText: string;
  disclosureMode: DisclosureMode;
  disclosureModeReason: string;
  repealNoticeForItemId: string | null;
  repealedOn: string | null;
  version: number;
  attachments: AttachmentInfo[];
  /** Policy interpretations (政策解读) of this item. */
  interpretations: ItemSummary[];
  /** The policy documents this item interprets. */
  interprets: ItemSummary[];
  /** Earlier published versions, newest first. */
  versions: { version: number; createdAt: string }[];
  createdBy: string;
  createdAt: string;
}

export interface ItemDraftInput {
  columnId: string;
  /** Defaults to the drafter's department. */
  departmentId?: string;
  title: string;
  docNumber: string;
  issuers: string[];
  writtenOn: string | null;
  topic: string;
  summary: string;
  /** Any HTML: the service sanitises it. */
  bodyHtml: string;
  disclosureMode: DisclosureMode;
  disclosureModeReason: string;
  scope: Scope;
  validity: Validity;
  isMajor: boolean;
  /** For a policy interpretation: the policy items it explains. */
  interpretsItemIds: string[];
  /** For a repeal notice (废止说明): the repealed item it announces. */
  repealNoticeForItemId?: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PublicListQuery {
  agencyId?: string;
  /** Includes the column's descendants. */
  columnId?: string;
  page: number;
  pageSize: number;
}

export interface StaffListQuery {
  status?: ItemStatus;
  columnId?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface ColumnInput {
  parentId: string | null;
  code: string;
  name: string;
  description: string;
  sortOrder: number;
  updateIntervalDays: number | null;
  departmentIds: string[];
}

/** The item as the review workflow sees it (review.service.ts). */
export interface WorkflowItem extends ItemSummary {
  summary: string;
  disclosureMode: DisclosureMode;
  /** Leader approval date: starts the publication clock when there is no writtenOn. */
  approvedOn: string | null;
  repealedOn: string | null;
}

/**
 * What the review workflow may do to items, always inside the caller's transaction (so the
 * status change, the review record and the audit event commit together). Status changes are
 * compare-and-set on `from`: a concurrent change makes them fail with 409.
 */
export interface CatalogWorkflowPort {
  itemForWorkflow(trx: DbOrTrx, id: string): Promise<WorkflowItem | undefined>;
  /** `approvedOn` (leader approval) starts the publication clock of items without writtenOn. */
  changeStatus(trx: DbOrTrx, id: string, from: ItemStatus, to: ItemStatus, opts?: { approvedOn?: string }): Promise<void>;
  /** → published: index number, publishedOn/At, search index, repeal-notice bookkeeping. */
  publish(trx: DbOrTrx, id: string, from: ItemStatus): Promise<{ indexNumber: string; publishedOn: string }>;
  /** published → takenDown, and out of the search index. */
  takedown(trx: DbOrTrx, id: string): Promise<void>;
  /** Items of an agency in these statuses (optionally of one department), for work queues. */
  itemsInStatuses(agencyId: string, statuses: ItemStatus[], departmentId?: string): Promise<WorkflowItem[]>;
  /** Repealed items whose repeal notice is not yet published. */
  repealNoticesOpen(agencyId: string): Promise<WorkflowItem[]>;
}

export interface ImportPublishedItemInput {
  columnId: string;
  departmentId?: string;
  title: string;
  docNumber?: string;
  issuers?: string[];
  writtenOn?: string | null;
  publishedOn: string;
  topic?: string;
  summary?: string;
  bodyHtml?: string;
  attachments?: { filename: string; bytes: Buffer }[];
}

export interface CatalogService {
  columnTree(agencyId: string): Promise<ColumnNode[]>;
  column(id: string): Promise<ColumnNode | undefined>;
  createColumn(actor: StaffActor, input: ColumnInput): Promise<ColumnNode>;
  updateColumn(actor: StaffActor, id: string, input: ColumnInput): Promise<ColumnNode>;

  /** Published, public-scope items only: what the portal and the public API may show. */
  listPublished(query: PublicListQuery): Promise<Page<ItemSummary>>;
  getPublished(id: string): Promise<ItemDetail | undefined>;
  getPublishedAttachment(attachmentId: string): Promise<{ info: AttachmentInfo; bytes: Buffer } | undefined>;

  createDraft(actor: StaffActor, input: ItemDraftInput): Promise<ItemDetail>;
  updateDraft(actor: StaffActor, id: string, input: ItemDraftInput): Promise<ItemDetail>;
  /** Any item of the actor's own agency (404 for other agencies). */
  getForStaff(actor: StaffActor, id: string): Promise<ItemDetail>;
  listForStaff(actor: StaffActor, query: StaffListQuery): Promise<Page<ItemSummary>>;
  addAttachment(actor: StaffActor, itemId: string, file: { filename: string; bytes: Buffer }): Promise<AttachmentInfo>;
  removeAttachment(actor: StaffActor, itemId: string, attachmentId: string): Promise<void>;
  getAttachmentForStaff(actor: StaffActor, attachmentId: string): Promise<{ info: AttachmentInfo; bytes: Buffer }>;
  /** Word import (mammoth): the body as sanitised HTML and text, and the first heading as a title. */
  importWord(actor: StaffActor, bytes: Buffer): Promise<{ title: string; bodyHtml: string; bodyText: string }>;
  /** Published change by the office: the old version is kept in item_versions. */
  revise(actor: StaffActor, id: string, input: ItemDraftInput, reason: string): Promise<ItemDetail>;
  /** Repeal: validity → repealed; a repeal notice (废止说明) is due within 10 working days. */
  repeal(actor: StaffActor, id: string, input: { repealedOn: string; reason: string }): Promise<ItemDetail>;

  /** Published public summaries for these ids, in the given order (search hits → summaries). */
  publishedSummaries(ids: string[]): Promise<ItemSummary[]>;
  /** Historical items imported as already published (CLI `items import`), audited as 'item.import'. */
  importPublished(actor: Actor, agencyId: string, input: ImportPublishedItemInput): Promise<ItemDetail>;
  /** Recomputes publishDueOn / repealNoticeDueOn of open items (registered with calendar.onChange). */
  recomputeDeadlines(trx: DbOrTrx): Promise<number>;
  workflow: CatalogWorkflowPort;
}
