// What each verb does besides moving the status: the rules of 第三十–三十四条 that hang on a
// transition. Each effect returns the fields to change and what the timeline records.
import type { Actor } from '../../core/audit/audit.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { RequestTable } from '../../core/db/schema.ts';
import { conflict, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { isLegalDate } from '../../core/time/dates.ts';
import { consultationDeadline, correctionPeriodDeadline, DEFAULT_CORRECTION_PERIOD_WORKING_DAYS } from './request.deadlines.ts';
import { isOpen, type RequestStatus, type RequestVerb } from './request.workflow.ts';
import type { RequestsRepository } from './requests.repository.ts';
import type { z } from 'zod';
import type { actInput } from './requests.schemas.ts';
import { normalizeTrackingCode } from '../../core/text/tracking-code.ts';
import type { RequestsDeps } from './requests.deps.ts';
import type { NoticeIssuer } from '../notices/notices.contract.ts';
import { approvalDecision, loadReply, recordApproval } from './reply-effects.ts';
import { requestNotices } from './request-notices.ts';
import { deliveryEffect } from './delivery.effect.ts';
import { FEE_VERB_EFFECTS } from './fee-effects.ts';
import { assertReplyFilesReleasable } from './reply-files.service.ts';

export interface EffectContext {
  repo: RequestsRepository;
  row: RequestTable;
  todayOn: string;
  /** The current instant (ISO). */
  now: string;
  calendar: WorkingDayCalendar;
  input: z.output<typeof actInput>;
  /** The verb's transaction, the module's dependencies, who acts and the notices issuer (notices, replies, fees). */
  trx: DbOrTrx;
  deps: RequestsDeps;
  who: Actor;
  notices?: NoticeIssuer;
}

export interface Effect {
  patch: Partial<RequestTable>;
  data?: Record<string, unknown>;
  /** Runs after the request row is updated (its new due dates known): applicant-facing text. */
  publicNote?: (updated: RequestTable) => string;
  /** Another request that gets an event too (merge). */
  alsoNotify?: { requestId: string; kind: string; note: string };
  /** Runs in the transaction after the request row is updated (notices); its result joins the event's data. */
  afterUpdate?: (updated: RequestTable) => Promise<Record<string, unknown>>;
}

/** Events the applicant sees on /track (the receipt, notices and the steps that concern them). */
export const VISIBLE_VERBS: ReadonlySet<RequestVerb> = new Set<RequestVerb>([
  'accept', 'requestCorrection', 'receiveCorrection', 'abandon', 'startConsultation', 'endConsultation', 'approve', 'deliver', 'close', 'withdraw',
  'requestFee', 'recordPayment', 'closeUnpaid',
]);

const none = async (): Promise<Effect> => ({ patch: {} });

async function departmentsFor(ctx: EffectContext): Promise<Effect> {
  const ids = [...new Set(ctx.input.departmentIds ?? [])];
  if (ids.length === 0) throw validationFailed([{ field: 'departmentIds', message: '请选择承办单位' }]);
  const known = await ctx.repo.departmentsOfAgency(ctx.row.agencyId);
  const chosen = ids.map((id) => known.find((d) => d.id === id));
  if (chosen.some((d) => !d)) throw validationFailed([{ field: 'departmentIds', message: '承办单位不属于本机关' }]);
  await ctx.repo.replaceAssignments(ctx.row.id, ids, ctx.now);
  return { patch: {}, data: { departments: chosen.map((d) => d!.name) } };
}

export const VERB_EFFECTS: Record<RequestVerb, (ctx: EffectContext) => Promise<Effect>> = {
  accept: async (ctx) => ({
    patch: {}, publicNote: (u) => `答复期限至 ${u.replyDueOn}`,
    afterUpdate: (u) => requestNotices.receipt(ctx.trx, ctx.deps, ctx.who, u),
  }),

  // 第三十条: one single correction notice, within 7 working days of receipt.
  async requestCorrection(ctx) {
    if (Number(ctx.row.correctionCount) > 0 || ctx.row.correctionRequestedOn)
      throw conflict('CORRECTION_ALREADY_REQUESTED', '补正通知只能发出一次（第三十条），本申请已经补正过');
    const days = ctx.input.correctionPeriodDays ?? DEFAULT_CORRECTION_PERIOD_WORKING_DAYS;
    const dueOn = correctionPeriodDeadline(ctx.calendar, ctx.todayOn, days).dueOn;
    return {
      patch: { correctionRequestedOn: ctx.todayOn, correctionPeriodDays: days, correctionCount: 1 },
      data: { correctionPeriodDays: days, correctionPeriodDueOn: dueOn },
      publicNote: () => `${ctx.input.note}（请于 ${dueOn} 前补正；逾期不补正的，视为放弃申请）`,
      afterUpdate: (u) => requestNotices.correction(ctx.trx, ctx.deps, ctx.who, u, ctx.input.note),
    };
  },

  // The corrected request is a new receipt: the clock restarts from the day it arrived.
  async receiveCorrection(ctx) {
    const receivedOn = ctx.input.receivedOn ?? ctx.todayOn;
    if (!isLegalDate(receivedOn) || receivedOn > ctx.todayOn || receivedOn < (ctx.row.correctionRequestedOn ?? ''))
      throw validationFailed([{ field: 'receivedOn', message: '补正材料收到日期应在补正通知发出之后、不晚于今天' }]);
    return { patch: { receivedOn }, data: { receivedOn }, publicNote: (u) => `收到补正材料之日 ${receivedOn}，答复期限至 ${u.replyDueOn}` };
  },

  // 第三十条: no correction within the period → the agency no longer handles the request.
  async abandon(ctx) {
    if (!ctx.row.correctionPeriodDueOn || ctx.todayOn <= ctx.row.correctionPeriodDueOn)
      throw conflict('CORRECTION_PERIOD_NOT_OVER', `补正期限（至 ${ctx.row.correctionPeriodDueOn ?? '未设定'}）尚未届满，不能终止处理`);
    const dueOn = ctx.row.correctionPeriodDueOn;
    return {
      patch: { outcome: 'otherHandling', outcomeReason: 'correctionOverdue', closedOn: ctx.todayOn },
      afterUpdate: (u) => requestNotices.termination(ctx.trx, ctx.deps, ctx.who, u, 'correctionOverdue', dueOn),
    };
  },

  assign: departmentsFor,
  reassign: departmentsFor,
  startDrafting: none,

  // 第三十二、三十四条: the consultation's time is not counted; the party has 15 working days.
  async startConsultation(ctx) {
    const c = ctx.input.consultation;
    if (!c) throw validationFailed([{ field: 'consultation.partyName', message: '请填写征求意见的对象' }]);
    const windowDueOn = consultationDeadline(ctx.calendar, ctx.todayOn).dueOn;
    await ctx.repo.insertPause({ id: newId(), requestId: ctx.row.id, kind: c.kind, partyName: c.partyName, startedOn: ctx.todayOn, endedOn: null, windowDueOn, result: '' });
    return {
      patch: {}, data: { kind: c.kind, partyName: c.partyName, windowDueOn },
      // 第三十二条: the third party is asked in writing; a co-agency is consulted agency to agency.
      afterUpdate: async (u) => (c.kind === 'thirdParty' ? requestNotices.thirdPartyConsultation(ctx.trx, ctx.deps, ctx.who, u, c.partyName, windowDueOn) : {}),
    };
  },

  async endConsultation(ctx) {
    const open = (await ctx.repo.pausesOf(ctx.row.id)).find((p) => p.endedOn === null);
    if (!open) throw conflict('NO_OPEN_CONSULTATION', '没有正在进行的征求意见');
    let result = ctx.input.note;
    if (ctx.todayOn > open.windowDueOn) {
      // Silence rules: a co-agency that does not answer in time agrees (第三十四条); a third party's
      // silence leaves the decision to the agency under the law (第三十二条).
      result += open.kind === 'coAgency'
        ? `（${open.windowDueOn} 前未回复，视为同意，第三十四条）`
        : `（第三方逾期未提出意见，由本机关依法决定，第三十二条）`;
    }
    await ctx.repo.closePause(open.id, ctx.todayOn, result);
    return { patch: {}, data: { pauseId: open.id, result }, publicNote: (u) => `恢复计时，答复期限至 ${u.replyDueOn}` };
  },

  async submitReply(ctx) {
    await loadReply(ctx.trx, ctx.row.id);
    return { patch: {} };
  },
  returnReply: none,
  async approve(ctx) {
    const decision = await approvalDecision(ctx);
    // 第三十七条: no original of a partly granted item goes out; its redacted copy must exist.
    await assertReplyFilesReleasable(ctx.trx, ctx.row.id);
    return {
      patch: { outcome: decision.outcome, outcomeReason: decision.reason },
      data: { outcome: decision.outcome, outcomeReason: decision.reason },
      afterUpdate: (u) => recordApproval(ctx, decision, u),
    };
  },
  deliver: deliveryEffect,
  // The annual report never meets a closed request without an outcome: it is set at approval.
  async close(ctx) {
    if (!ctx.row.outcome) throw conflict('OUTCOME_MISSING', '该申请尚无处理结果，不能办结');
    return { patch: { closedOn: ctx.todayOn } };
  },
  // Withdrawal counts as other handling, "其他" (table 三 (六) 3).
  withdraw: async (ctx) => ({ patch: { closedOn: ctx.todayOn, outcome: 'otherHandling', outcomeReason: 'other' } }),

  async merge(ctx) {
    const code = normalizeTrackingCode(ctx.input.mergeIntoTrackingCode ?? '');
    const target = code ? await ctx.repo.requestByTrackingCode(code) : undefined;
    if (!target || target.agencyId !== ctx.row.agencyId || target.id === ctx.row.id || !isOpen(target.status as RequestStatus) || target.status === 'delivered')
      throw validationFailed([{ field: 'mergeIntoTrackingCode', message: '请填写本机关另一件正在办理的申请的查询码' }]);
    return {
      // A duplicate merged into another open request counts as a repeated request (table 三 (五) 2).
      patch: { mergedIntoId: target.id, closedOn: ctx.todayOn, outcome: 'notProcessed', outcomeReason: 'repeated' },
      data: { mergedInto: target.trackingCode },
      alsoNotify: { requestId: target.id, kind: 'mergedIn', note: `合并了重复申请 ${ctx.row.trackingCode}：${ctx.input.note}` },
    };
  },

  // 国办函〔2020〕109号: fee notice, payment, closure when unpaid (fee-effects.ts).
  ...FEE_VERB_EFFECTS,
};
