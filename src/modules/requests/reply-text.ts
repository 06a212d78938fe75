// How a reply's decisions read: labels, the legal basis each rests on and the paragraph the
// reply notice carries for each item (第三十六条: already published → where to find it; not held
// → which agency holds it; refused → the reasons, 第三十六条第（三）项).
import type { ReplyItemTable } from '../../core/db/schema.ts';
import { OUTCOME_BASIS, OUTCOME_LABELS, REASON_BASIS, REASON_ROW_LABELS, REPLY_TYPE_RULES, type Outcome, type OutcomeReason, type ReplyType } from './outcomes.ts';
import { RECORD_CORRECTION_LABELS, type RequestKind } from './replies.schemas.ts';

const ACT = '《中华人民共和国政府信息公开条例》';
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function ordinal(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  const tens = Math.floor(n / 10);
  return `${NUMERALS[tens - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;
}

/** "不予公开（属于国家秘密）": the outcome with its table 三 sub-row, without the row number. */
export function decisionLabel(outcome: Outcome, reason: string | null, kind: RequestKind = 'disclosure'): string {
  const base = (kind === 'recordCorrection' ? RECORD_CORRECTION_LABELS[outcome] : undefined) ?? OUTCOME_LABELS[outcome];
  return reason ? `${base}（${REASON_ROW_LABELS[reason as OutcomeReason].replace(/^\d+\./, '')}）` : base;
}

/** The articles an item's decision rests on: its reply type's article, then the reason's. */
export function itemBasis(item: Pick<ReplyItemTable, 'replyType' | 'outcome' | 'reason'>, kind: RequestKind = 'disclosure'): string {
  if (kind === 'recordCorrection') return `${ACT}第四十一条`;
  const rule = REPLY_TYPE_RULES[item.replyType as ReplyType];
  const parts = [
    rule ? `${ACT}${rule.article}` : '',
    item.outcome === 'partlyGranted' ? OUTCOME_BASIS.partlyGranted : '',
    item.reason ? REASON_BASIS[item.reason as OutcomeReason] : rule ? '' : OUTCOME_BASIS[item.outcome as Outcome],
  ].filter(Boolean);
  return [...new Set(parts)].join('；');
}

export interface PublishedRef {
  id: string;
  title: string;
  indexNumber: string | null;
}

/** The portal address of a published catalog item. */
export const itemUrl = (id: string) => `/items/${encodeURIComponent(id)}`;

/** One paragraph per item: what it is, the decision, where or why, and the basis. */
export function decisionParagraph(item: ReplyItemTable, n: number, kind: RequestKind, published: PublishedRef | undefined): string {
  const parts = [`${ordinal(n)}、关于“${item.description}”：${decisionLabel(item.outcome as Outcome, item.reason, kind)}。`];
  if (item.explanation) parts.push(item.explanation.replace(/[。.]?$/, '。'));
  if (published)
    parts.push(`该信息已由本机关主动公开，可在本机关政府信息公开平台查阅：《${published.title}》，索引号 ${published.indexNumber ?? '—'}，网址 ${itemUrl(published.id)}。`);
  if (item.holderAgency) parts.push(`该信息由${item.holderAgency}负责公开，请向其咨询或申请。`);
  if (item.docNumber) parts.push(`文号：${item.docNumber}。`);
  parts.push(`依据：${itemBasis(item, kind)}。`);
  return parts.join('');
}
