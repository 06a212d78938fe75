// What submitting and approving a reply do besides moving the status. Submitting needs a saved
// draft with at least one item. Approving screens the reply's text for third parties' personal
// data (第十五条: a reply must not disclose other people's privacy), sets the outcome the request
// is reported under (table 三, reportedOutcome) and issues the reply notice in the same
// transaction (第三十六条: the answer is given in writing).
import type { Actor } from '../../core/audit/audit.ts';
import type { FieldCipher } from '../../core/crypto/field-cipher.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { ReplyItemTable, RequestReplyTable, RequestTable } from '../../core/db/schema.ts';
import { AppError, conflict } from '../../core/errors.ts';
import { findPersonalData, type PiiType } from '../../core/text/pii.ts';
import { reportedOutcome, type ItemDecision, type Outcome, type OutcomeReason } from './outcomes.ts';
import { repliesRepository } from './replies.repository.ts';
import { requestNotices } from './request-notices.ts';
import type { RequestsDeps } from './requests.deps.ts';

/** Identifiers that single a person out for certain; names and addresses are left to the office's judgement. */
const BLOCKING_TYPES: readonly PiiType[] = ['idCard', 'mobile', 'bankCard', 'passport', 'propertyCertificate', 'propertyUnit', 'email'];
const BLOCKING_MIN_CONFIDENCE = 0.8;

export const REPLY_EMPTY = () => conflict('REPLY_EMPTY', '请先保存答复稿，答复至少要包括一项信息');

export async function loadReply(trx: DbOrTrx, requestId: string): Promise<{ reply: RequestReplyTable; items: ReplyItemTable[] }> {
  const repo = repliesRepository(trx);
  const [reply, items] = await Promise.all([repo.replyOf(requestId), repo.itemsOf(requestId)]);
  if (!reply || items.length === 0) throw REPLY_EMPTY();
  return { reply, items };
}

/** The applicant's own identifiers may appear in their reply; anyone else's may not. */
function isApplicantsOwn(cipher: FieldCipher, row: RequestTable, type: PiiType, text: string): boolean {
  if (type === 'idCard') return cipher.blindIndex(text.toUpperCase()) === row.idNumberIndex;
  if (type === 'mobile') return !!row.phoneEnc && cipher.decrypt(row.phoneEnc).replace(/\D/g, '') === text;
  if (type === 'email') return !!row.email && row.email.toLowerCase() === text.toLowerCase();
  return false;
}

/** Blocks approval while the reply text names a third party's identifiers (第十五条). */
export function screenReply(cipher: FieldCipher, row: RequestTable, reply: RequestReplyTable, items: ReplyItemTable[]): void {
  const texts = [reply.opinion, ...items.flatMap((i) => [i.description, i.explanation, i.holderAgency])].filter(Boolean);
  const found = texts.flatMap((t) => findPersonalData(t, { minConfidence: BLOCKING_MIN_CONFIDENCE }))
    .filter((f) => BLOCKING_TYPES.includes(f.type) && !isApplicantsOwn(cipher, row, f.type, f.text));
  if (found.length === 0) return;
  const masked = found.map((f) => `${f.text.slice(0, 3)}${'*'.repeat(Math.max(0, f.text.length - 5))}${f.text.slice(-2)}`);
  throw new AppError(409, 'REPLY_HAS_PERSONAL_DATA',
    `答复内容含有他人的个人信息（${[...new Set(masked)].join('、')}），依照条例第十五条不得公开，请退回承办单位删除或作去标识化处理后再审定`);
}

export interface ApprovalContext {
  trx: DbOrTrx;
  deps: RequestsDeps;
  who: Actor;
  row: RequestTable;
  todayOn: string;
  now: string;
}

/** Checks the reply and computes the request's reported outcome (set on the request at approval). */
export async function approvalDecision(ctx: ApprovalContext): Promise<ItemDecision & { items: ReplyItemTable[]; reply: RequestReplyTable }> {
  const { reply, items } = await loadReply(ctx.trx, ctx.row.id);
  screenReply(ctx.deps.cipher, ctx.row, reply, items);
  const reported = reportedOutcome(items.map((i) => ({ outcome: i.outcome as Outcome, reason: i.reason as OutcomeReason | null })));
  return { ...reported, items, reply };
}

/** After the request row holds the outcome: issue the notice and record the approval on the reply. */
export async function recordApproval(ctx: ApprovalContext, decision: Awaited<ReturnType<typeof approvalDecision>>, updated: RequestTable) {
  const repo = repliesRepository(ctx.trx);
  const ids = decision.items.map((i) => i.catalogItemId).filter((id): id is string => !!id);
  const published = await repo.publishedItems(ctx.row.agencyId, ids);
  const notice = await requestNotices.reply(ctx.trx, ctx.deps, ctx.who, updated, {
    opinion: decision.reply.opinion, items: decision.items, reported: decision, published,
  });
  await repo.markApproved(ctx.row.id, {
    approvedBy: ctx.who.id, approvedByName: ctx.who.name, approvedAt: ctx.now, approvedOn: ctx.todayOn,
    noticeId: notice.id, noticeNumber: notice.number,
  });
  return { outcome: decision.outcome, outcomeReason: decision.reason, noticeId: notice.id, noticeNumber: notice.number };
}
