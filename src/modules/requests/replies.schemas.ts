// The reply draft (第三十六至三十九条): a covering opinion and one decision per item of
// information. Input is checked here, without the database: each item's reply type (第三十六条)
// gives its outcome unless the drafter chooses a table 三 row directly, which must fit the type;
// reasons must belong to their outcome (reasonFits); decisions other than plain disclosure must
// say why (第三十六条第（三）项 "说明理由"). Catalog links are checked by the service.
import { z } from 'zod';
import type { FieldError } from '../../core/errors.ts';
import { isOutcome, OUTCOME_LABELS, OUTCOMES, REPLY_TYPE_RULES, REPLY_TYPES, reasonFits, type Outcome, type OutcomeReason, type ReplyType } from './outcomes.ts';

/** What a request is: information disclosure (第二十九条) or correction of one's own records (第四十一条). */
export const REQUEST_KINDS = ['disclosure', 'recordCorrection'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  disclosure: '政府信息公开申请',
  recordCorrection: '更正本人相关政府信息记录（第四十一条）',
};

/** 'direct': the drafter picks the table 三 row itself (e.g. 第三十八条 needs creation, 第三十九条 petitions). */
export const DRAFT_REPLY_TYPES = [...REPLY_TYPES, 'direct'] as const;
export type DraftReplyType = (typeof DRAFT_REPLY_TYPES)[number];
export const DRAFT_REPLY_TYPE_LABELS: Record<DraftReplyType, string> = {
  ...(Object.fromEntries(REPLY_TYPES.map((t) => [t, `${REPLY_TYPE_RULES[t].label}（${REPLY_TYPE_RULES[t].article}）`])) as Record<ReplyType, string>),
  direct: '直接选择处理结果（第三十七至三十九条等）',
};

/** The outcomes each reply type may be reported under (a disclosure with redactions is partly granted, 第三十七条). */
export const ALLOWED_OUTCOMES: Record<DraftReplyType, readonly Outcome[]> = {
  alreadyPublished: ['granted'],
  disclosed: ['granted', 'partlyGranted'],
  notDisclosed: ['refused'],
  doesNotExist: ['unableToProvide'],
  notHeldByAgency: ['unableToProvide'],
  repeatedRequest: ['notProcessed'],
  specialProcedure: ['refused'],
  direct: OUTCOMES,
};

/** 第四十一条: a record is corrected, not corrected (with reasons), or the agency cannot correct it (not its record: say who can). */
export const RECORD_CORRECTION_OUTCOMES: readonly Outcome[] = ['granted', 'refused', 'unableToProvide'];
export const RECORD_CORRECTION_LABELS: Partial<Record<Outcome, string>> = { granted: '予以更正', refused: '不予更正', unableToProvide: '无权更正，告知有权机关' };

export const MAX_REPLY_ITEMS = 50;

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/; // eslint-disable-line no-control-regex -- rejecting control characters is the point
const field = (label: string, max: number) =>
  z.string({ error: `${label}格式不正确` }).trim().max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine((v) => !FORBIDDEN.test(v), { error: '含有无法识别的字符（可能是乱码或控制字符），请检查后重新输入' }).default('');

export const replyItemInput = z.object({
  description: field('信息内容', 500),
  replyType: field('答复类型', 40),
  /** '' (from the reply type), an outcome, or `outcome:reason`. */
  decision: field('处理结果', 60),
  explanation: field('答复内容或理由', 4000),
  catalogItemId: field('已公开信息的索引号或网址', 300),
  holderAgency: field('负责公开的机关', 200),
  docNumber: field('文号', 100),
});
export type ReplyItemInput = z.input<typeof replyItemInput>;

export const replyDraftInput = z.object({
  opinion: field('答复意见', 4000),
  items: z.array(replyItemInput).max(MAX_REPLY_ITEMS, { error: `一件答复最多 ${MAX_REPLY_ITEMS} 项信息` }).default([]),
});
export type ReplyDraftInput = z.input<typeof replyDraftInput>;

export interface CheckedReplyItem {
  description: string;
  replyType: DraftReplyType;
  outcome: Outcome;
  reason: OutcomeReason | null;
  explanation: string;
  catalogItemId: string | null;
  holderAgency: string;
  docNumber: string;
}

const isBlank = (i: z.output<typeof replyItemInput>) => !i.description && !i.decision && !i.explanation && !i.catalogItemId && !i.holderAgency && !i.docNumber;

/** "outcome" or "outcome:reason" → its parts, or null when it names no outcome. */
export function parseDecision(decision: string): { outcome: Outcome; reason: string | null } | null {
  const [outcome, reason] = decision.split(':');
  return isOutcome(outcome) ? { outcome, reason: reason || null } : null;
}

/** Checks one item; returns the decision or the problems (fields named `items.<n>.<field>`). */
function checkItem(i: z.output<typeof replyItemInput>, n: number, kind: RequestKind): { item?: CheckedReplyItem; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (f: string, message: string) => errors.push({ field: `items.${n}.${f}`, message: `第 ${n + 1} 项：${message}` });
  if (!i.description) err('description', '请填写信息内容');
  if (!(DRAFT_REPLY_TYPES as readonly string[]).includes(i.replyType)) {
    err('replyType', '请选择答复类型');
    return { errors };
  }
  const replyType = i.replyType as DraftReplyType;
  let decided = i.decision ? parseDecision(i.decision) : null;
  if (i.decision && !decided) err('decision', '处理结果不正确');
  else if (!decided) {
    if (replyType === 'direct') err('decision', '请选择处理结果');
    else decided = { outcome: REPLY_TYPE_RULES[replyType].outcome, reason: REPLY_TYPE_RULES[replyType].reason };
  }
  if (!decided) return { errors };
  const { outcome, reason } = decided;
  // 第四十一条 corrections are not table 三 decisions: a refusal states its reasons in the text.
  const correctionRefusal = kind === 'recordCorrection' && outcome === 'refused' && !reason;
  if (!ALLOWED_OUTCOMES[replyType].includes(outcome))
    err('decision', `答复类型“${REPLY_TYPE_RULES[replyType as ReplyType]?.label ?? replyType}”不能作出“${OUTCOME_LABELS[outcome]}”的决定`);
  else if (kind === 'recordCorrection' && !RECORD_CORRECTION_OUTCOMES.includes(outcome))
    err('decision', '更正申请只能予以更正、不予更正或告知有权更正的机关');
  else if (!correctionRefusal && !reasonFits(outcome, reason))
    err('decision', outcome === 'refused' ? '请选择不予公开的理由' : `“${OUTCOME_LABELS[outcome]}”须选择相应的具体情形`);
  if (replyType === 'alreadyPublished' && !i.catalogItemId) err('catalogItemId', '已主动公开的，请填写所在的政府信息目录条目');
  if (replyType === 'notHeldByAgency' && !i.holderAgency) err('holderAgency', '请写明负责公开该信息的机关及其联系方式（第三十六条第（五）项）');
  if (outcome !== 'granted' && !i.explanation) err('explanation', '请说明理由或依据');
  if (errors.length) return { errors };
  return {
    errors,
    item: {
      description: i.description, replyType, outcome, reason: reason as OutcomeReason | null, explanation: i.explanation,
      catalogItemId: i.catalogItemId || null, holderAgency: i.holderAgency, docNumber: i.docNumber,
    },
  };
}

/** The draft's items (blank rows dropped: the form always offers an empty one) or every problem at once. */
export function checkReplyDraft(raw: unknown, kind: RequestKind): { opinion: string; items: CheckedReplyItem[]; errors: FieldError[] } {
  const parsed = replyDraftInput.safeParse(raw ?? {});
  if (!parsed.success) return { opinion: '', items: [], errors: parsed.error.issues.map((e) => ({ field: e.path.join('.'), message: e.message })) };
  const items: CheckedReplyItem[] = [];
  const errors: FieldError[] = [];
  parsed.data.items.forEach((i, n) => {
    if (isBlank(i)) return;
    const r = checkItem(i, n, kind);
    errors.push(...r.errors);
    if (r.item) items.push(r.item);
  });
  return { opinion: parsed.data.opinion, items, errors };
}

/**
 * What the office typed to name an already-published item: a portal link (…/items/<ID>, as copied
 * from the browser, with or without host, base path or query) becomes the ID; an ID or a 索引号 is
 * kept as typed (trimmed).
 */
export function catalogReference(typed: string): string {
  const link = /\/items\/([0-9A-Za-z]+)(?:[/?#]|$)/.exec(typed.trim());
  return link ? link[1]! : typed.trim();
}
