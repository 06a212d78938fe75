// The review module's public contract (publication workflow: 审核 → 发布).
import type { StaffActor } from '../accounts/index.ts';
import type { ItemDetail, ItemStatus, ItemSummary } from '../catalog/catalog.contract.ts';

export type ReviewVerb = 'submit' | 'approve' | 'sendBack' | 'publish' | 'takedown';

export const VERB_LABELS: Record<ReviewVerb, string> = {
  submit: '提交审核',
  approve: '审核通过',
  sendBack: '退回修改',
  publish: '复核并发布',
  takedown: '撤稿',
};

export const REVIEW_STEPS = ['departmentReview', 'confidentialityReview', 'leaderApproval', 'principalApproval', 'officeCheck'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];

export interface ReviewRecord {
  id: string;
  itemId: string;
  step: string;
  conclusion: 'submitted' | 'approved' | 'sentBack' | 'published' | 'takenDown';
  opinion: string;
  basis: string;
  reviewerName: string;
  itemTitle: string;
  itemDocNumber: string;
  itemSummary: string;
  at: string;
}

export type DeadlineStateName = 'onTime' | 'dueSoon' | 'overdue';

export interface QueueEntry {
  item: ItemSummary;
  /** What the viewer is expected to do next. */
  verbs: ReviewVerb[];
  /** The deadline that applies (publication or repeal notice), with its state and explanation. */
  dueOn: string | null;
  dueState: DeadlineStateName | null;
  dueExplanation: string | null;
}

export interface ReviewService {
  /** Items waiting for the viewer's action, oldest due first. */
  queue(actor: StaffActor): Promise<QueueEntry[]>;
  availableVerbs(actor: StaffActor, item: { status: ItemStatus; departmentId: string; agencyId: string; isMajor: boolean }): ReviewVerb[];
  act(actor: StaffActor, itemId: string, verb: ReviewVerb, input: { opinion: string; basis: string }): Promise<ItemDetail>;
  records(actor: StaffActor, itemId: string): Promise<ReviewRecord[]>;
}
