// The fee verbs' effects (国办函〔2020〕109号, under 条例 第四十二条), spread into VERB_EFFECTS:
// the fee notice pauses the reply clock, payment resumes it, and no payment within 20 working days
// from the day after the notice ends the request as other handling 2 (feeUnpaid).
import { requestNotices } from './request-notices.ts';
import { conflict, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { assessFee, FEE_BASIS_LABELS, formatFen, paymentDeadline } from './fees.ts';
import { feesRepository } from './fees.repository.ts';
import type { RequestVerb } from './request.workflow.ts';
import type { Effect, EffectContext } from './verb-effects.ts';

export const FEE_VERBS: readonly RequestVerb[] = ['requestFee', 'recordPayment', 'closeUnpaid'];
export const DEFAULT_PAYMENT_METHOD = '到本机关政务公开办公室当面缴纳或者按收费通知书所附账户转账缴纳';

/** The notices module issues the fee notice and receipt in the verb's transaction. */
function issuer(ctx: EffectContext) {
  const notices = ctx.notices ?? ctx.deps.notices;
  if (!notices) throw new Error('requests: the notices issuer is not configured');
  return notices;
}

const requestValues = (ctx: EffectContext) => ({
  applicantName: ctx.row.applicantName, trackingCode: ctx.row.trackingCode, receivedOn: ctx.row.receivedOn, infoDescription: ctx.row.infoDescription,
});

async function requestFee(ctx: EffectContext): Promise<Effect> {
  const input = ctx.input.fee;
  if (!input) throw validationFailed([{ field: 'fee.basis', message: '请选择收费方式' }]);
  if (input.basis === 'perPage' && input.pages === undefined) throw validationFailed([{ field: 'fee.pages', message: '按量计收请填写页数' }]);
  const fees = feesRepository(ctx.trx);
  const existing = await fees.feeOf(ctx.row.id);
  if (existing?.noticeId) throw conflict('FEE_ALREADY_NOTIFIED', '本申请已发出收费通知，不能重复收费');
  if (existing?.waiverStatus === 'approved') throw conflict('FEE_WAIVED', '本申请的信息处理费已经批准减免，不发收费通知');
  if (existing?.waiverStatus === 'proposed' || (Number(ctx.row.feeWaiverRequested) === 1 && (existing?.waiverStatus ?? 'none') === 'none'))
    throw conflict('FEE_WAIVER_UNDECIDED', '申请人申请减免或公开办已提出减免，请先由领导作出减免决定');
  const rank = await fees.rankInMonth(ctx.row);
  const a = assessFee(input.basis, rank, input.basis === 'perPage' ? input.pages! : null);
  if (a.amountFen === 0) throw conflict('FEE_NOT_CHARGEABLE', `未超过免费标准（${a.tier}），不得收取信息处理费`);
  const paymentDueOn = paymentDeadline(ctx.calendar, ctx.todayOn).dueOn;
  const notice = await issuer(ctx).issue(ctx.trx, ctx.who, {
    agencyId: ctx.row.agencyId, requestId: ctx.row.id, kind: 'feeNotice', recipient: ctx.row.applicantName,
    values: {
      ...requestValues(ctx), feeBasis: `${FEE_BASIS_LABELS[a.basis]}，${a.tier}`, feeAmount: formatFen(a.amountFen),
      paymentDueOn, paymentMethod: input.paymentMethod || DEFAULT_PAYMENT_METHOD,
    },
  });
  const fields = {
    basis: a.basis, pages: a.pages, rankInMonth: a.rankInMonth, amountFen: a.amountFen, tier: a.tier,
    noticeId: notice.id, noticeOn: ctx.todayOn, paymentDueOn, updatedAt: ctx.now,
  };
  if (existing) await fees.updateFee(ctx.row.id, fields);
  else
    await fees.insertFee({
      requestId: ctx.row.id, agencyId: ctx.row.agencyId, ...fields, paidOn: null, paymentReference: '', receiptNoticeId: null,
      waiverStatus: 'none', waiverProposal: '', waiverReason: '', waiverDecidedBy: '', waiverDecidedOn: null, createdAt: ctx.now,
    });
  await ctx.repo.insertPause({ id: newId(), requestId: ctx.row.id, kind: 'fee', partyName: '申请人（缴纳信息处理费）', startedOn: ctx.todayOn, endedOn: null, windowDueOn: paymentDueOn, result: '' });
  return {
    patch: {},
    data: { basis: a.basis, amountFen: a.amountFen, rankInMonth: a.rankInMonth, pages: a.pages, paymentDueOn, noticeId: notice.id, noticeNumber: notice.number },
    publicNote: () => `收费通知（${notice.number}）：应缴信息处理费 ${formatFen(a.amountFen)}，请于 ${paymentDueOn} 前缴纳；逾期未缴纳的，视为放弃申请。答复期限暂停计算。`,
  };
}

async function recordPayment(ctx: EffectContext): Promise<Effect> {
  const fees = feesRepository(ctx.trx);
  const fee = await fees.feeOf(ctx.row.id);
  if (!fee?.noticeId || !fee.noticeOn || !fee.paymentDueOn) throw conflict('NO_FEE_NOTICE', '本申请没有待缴的信息处理费');
  const paidOn = ctx.input.payment?.paidOn ?? ctx.todayOn;
  if (paidOn < fee.noticeOn || paidOn > ctx.todayOn)
    throw validationFailed([{ field: 'payment.paidOn', message: `缴费日期应在收费通知发出（${fee.noticeOn}）之后、不晚于今天` }]);
  if (paidOn > fee.paymentDueOn) throw conflict('FEE_WINDOW_OVER', `缴费期限已于 ${fee.paymentDueOn} 届满，应按逾期未缴费终止处理`);
  const pause = (await ctx.repo.pausesOf(ctx.row.id)).find((p) => p.kind === 'fee' && p.endedOn === null);
  if (pause) await ctx.repo.closePause(pause.id, paidOn, `已于 ${paidOn} 缴费`);
  const receipt = await issuer(ctx).issue(ctx.trx, ctx.who, {
    agencyId: ctx.row.agencyId, requestId: ctx.row.id, kind: 'feeReceipt', recipient: ctx.row.applicantName,
    values: { ...requestValues(ctx), feeAmount: formatFen(fee.amountFen), paidOn },
  });
  const reference = ctx.input.payment?.reference ?? '';
  await fees.updateFee(ctx.row.id, { paidOn, paymentReference: reference, receiptNoticeId: receipt.id, updatedAt: ctx.now });
  return {
    patch: {},
    data: { paidOn, amountFen: fee.amountFen, reference, receiptNoticeId: receipt.id, receiptNumber: receipt.number },
    publicNote: (u) => `已收到信息处理费 ${formatFen(fee.amountFen)}（缴费日期 ${paidOn}），恢复计时，答复期限至 ${u.replyDueOn}`,
  };
}

/** 109号: not paid within the window → treated as abandoned; table 三 （六）其他处理 2. */
export async function closeUnpaid(ctx: EffectContext): Promise<Effect> {
  const fee = await feesRepository(ctx.trx).feeOf(ctx.row.id);
  if (!fee?.paymentDueOn) throw conflict('NO_FEE_NOTICE', '本申请没有待缴的信息处理费');
  if (ctx.todayOn <= fee.paymentDueOn) throw conflict('FEE_WINDOW_OPEN', `缴费期限（至 ${fee.paymentDueOn}）尚未届满，不能终止处理`);
  const pause = (await ctx.repo.pausesOf(ctx.row.id)).find((p) => p.kind === 'fee' && p.endedOn === null);
  if (pause) await ctx.repo.closePause(pause.id, ctx.todayOn, `逾期未缴费（期限至 ${fee.paymentDueOn}）`);
  return {
    patch: { outcome: 'otherHandling', outcomeReason: 'feeUnpaid', closedOn: ctx.todayOn },
    data: { paymentDueOn: fee.paymentDueOn },
    publicNote: () => `您未在 ${fee.paymentDueOn} 前缴纳信息处理费，视为放弃申请，本机关不再处理该申请（国办函〔2020〕109号）`,
    afterUpdate: (u) => requestNotices.termination(ctx.trx, ctx.deps, ctx.who, u, 'feeUnpaid', fee.paymentDueOn!),
  };
}

export const FEE_VERB_EFFECTS = { requestFee, recordPayment, closeUnpaid } satisfies Partial<Record<RequestVerb, (ctx: EffectContext) => Promise<Effect>>>;
