// What the privacy module offers: screening of submitted items (a port the review workflow
// drives inside its transaction), the reviewer's decisions, and the sensitive-word lexicon.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { PiiType } from '../../core/text/pii.ts';
import type { StaffActor } from '../accounts/index.ts';

export type FindingType = PiiType | 'sensitiveWord';
export type FindingDecision = 'pending' | 'masked' | 'kept';

export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
  idCard: '身份证号', mobile: '手机号', landline: '固定电话', creditCode: '统一社会信用代码', bankCard: '银行账号',
  propertyCertificate: '不动产权证号', propertyUnit: '不动产单元号', email: '电子邮箱', passport: '护照/通行证', name: '姓名', address: '住址',
  sensitiveWord: '敏感词',
};

export interface FindingView {
  id: string;
  subjectType: 'item' | 'attachment';
  subjectId: string;
  /** 正文 or the attachment's file name. */
  subjectLabel: string;
  type: FindingType;
  category: string;
  text: string;
  maskedText: string;
  start: number;
  end: number;
  confidence: number;
  decision: FindingDecision;
  reason: string;
  decidedByName: string | null;
  decidedAt: string | null;
}

export interface SensitiveWord {
  id: string;
  word: string;
  category: string;
  createdAt: string;
}

/** The port the review service calls (review.service.ts), in the review step's transaction. */
export interface ScreeningPort {
  onSubmit(trx: DbOrTrx, itemId: string, actor: StaffActor): Promise<void>;
  assertClear(trx: DbOrTrx, itemId: string): Promise<void>;
}

export interface PrivacyService {
  screening: ScreeningPort;
  findingsOf(actor: StaffActor, itemId: string): Promise<FindingView[]>;
  decide(actor: StaffActor, findingId: string, input: { decision: 'masked' | 'kept'; reason?: string }): Promise<FindingView>;
  listWords(actor: StaffActor): Promise<SensitiveWord[]>;
  addWord(actor: StaffActor, input: { word: string; category: string }): Promise<SensitiveWord>;
  removeWord(actor: StaffActor, id: string): Promise<void>;
}
