// Redaction (区分处理) shapes and the legal grounds a reviewer picks from: the refusal reasons of
// the annual report (GLOSSARY "Outcome reasons"), with the article each comes from.
import type { Rect } from './redaction.pdf.ts';

export const REDACTION_REASONS = [
  'thirdPartyRights', 'stateSecret', 'prohibitedByLaw', 'endangersSecurity', 'internalAffairs', 'processInformation', 'enforcementFile',
] as const;
export type RedactionReason = (typeof REDACTION_REASONS)[number];

export const isRedactionReason = (r: string): r is RedactionReason => (REDACTION_REASONS as readonly string[]).includes(r);

export const REDACTION_REASON_LABELS: Record<RedactionReason, string> = {
  thirdPartyRights: '保护第三方合法权益（个人隐私、商业秘密，第十五条）',
  stateSecret: '属于国家秘密（第十四条）',
  prohibitedByLaw: '其他法律、行政法规禁止公开（第十四条）',
  endangersSecurity: '危及国家安全、公共安全、经济安全、社会稳定（第十四条）',
  internalAffairs: '属于内部事务信息（第十六条第一款）',
  processInformation: '属于过程性信息（第十六条第二款）',
  enforcementFile: '属于行政执法案卷信息（第十六条第二款）',
};

export interface RedactionArea {
  id: string;
  /** 1-based page (an image is page 1, its areas in pixels); 0 for DOCX. */
  page: number;
  rect: Rect;
  reason: RedactionReason;
  /** Masked: the log never repeats the personal data it removed. */
  textPreview: string;
  createdByName: string;
  createdAt: string;
  appliedAt: string | null;
}

export interface RedactedCopyInfo {
  sha256: string;
  size: number;
  areaCount: number;
  appliedByName: string;
  appliedAt: string;
}

/** Where an attachment stands: the redacted copy the portal serves instead of it, and areas not yet in it. */
export interface AttachmentRedactionState {
  copy: RedactedCopyInfo | null;
  /** Areas marked since the copy was made (or with no copy yet): the portal does not serve them until 应用删除. */
  pendingAreas: number;
}

export interface RedactionLogEntry extends RedactionArea {
  attachmentId: string;
  filename: string;
}
