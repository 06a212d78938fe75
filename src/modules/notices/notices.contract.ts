// The notices module's public contract (告知书): letters the agency sends about a request, made
// from administrator-editable templates with placeholders, numbered per agency and year
// (`{agencyShort}公开〔{year}〕{n}号`), frozen when issued, and rendered as DOCX and PDF in the
// GB/T 9704 letter layout. Other modules issue notices through `NoticeIssuer` inside their own
// transaction, so a notice exists exactly when the step that needs it happened.
import type { Actor } from '../../core/audit/audit.ts';
import type { DbOrTrx } from '../../core/db/database.ts';

export const NOTICE_KINDS = [
  // Replies (第三十六、三十七条), one per reported outcome; each lists every item's decision.
  'reply.granted', 'reply.partlyGranted', 'reply.refused', 'reply.unableToProvide', 'reply.notProcessed', 'reply.otherHandling',
  'receipt', // 申请登记回执: the application was received (第三十一条)
  'correction', // 补正告知书 (第三十条)
  'extension', // 延期答复告知书 (第三十三条)
  'thirdPartyConsultation', // 征求第三方意见函, addressed to the third party (第三十二条)
  'feeNotice', // 收费通知书 (国办函〔2020〕109号)
  'feeReceipt', // 缴费确认 / 收费票据说明
  'recordCorrection', // 第四十一条: answer to a request to correct records about the applicant
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface IssueNoticeInput {
  agencyId: string;
  requestId: string | null;
  kind: NoticeKind;
  /** Whom the letter is addressed to: the applicant, or the third party consulted. */
  recipient: string;
  /**
   * The placeholder values the caller knows (applicantName, trackingCode, receivedOn,
   * infoDescription, decisions, replyDueOn, …). The notices module adds the agency's own:
   * agencyName, agencyShort, agencyAddress, agencyPhone, issuedOn, noticeNumber, remedy.
   */
  values: Record<string, string>;
}

export interface IssuedNotice {
  id: string;
  kind: NoticeKind;
  /** 赣州自然资源公开〔2026〕12号: no leading zeros. */
  number: string;
  title: string;
  recipient: string;
  /** The letter's text as issued (template applied), paragraphs separated by blank lines. */
  body: string;
  issuedOn: string;
  requestId: string | null;
}

export interface NoticeIssuer {
  /** Numbers, fills and freezes a notice inside the caller's transaction, with an audit event. */
  issue(trx: DbOrTrx, actor: Actor, input: IssueNoticeInput): Promise<IssuedNotice>;
}
