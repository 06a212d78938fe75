// The fee use cases beside the verbs (fee-effects.ts): preview, hardship waiver (proposed by the
// office or asked by the applicant, decided by a leader, audited), the fees collected in a year
// (annual report section 六) and the daily closure of requests left unpaid (国办函〔2020〕109号).
import { appendAuditEvent, systemActor } from '../../core/audit/audit.ts';
import { authorize, requireSameAgency } from '../../core/authz/authz.ts';
import type { RequestFeeTable, RequestTable } from '../../core/db/schema.ts';
import { conflict, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { today } from '../../core/time/clock.ts';
import { auditActor, hasRole, type StaffActor } from '../accounts/index.ts';
import { closeUnpaid } from './fee-effects.ts';
import { assessFee, formatFen, type FeeBasis } from './fees.ts';
import type { FeesApi, FeeView, WaiverStatus } from './fees.contract.ts';
import { feesRepository } from './fees.repository.ts';
import { repoOf, writeEvent, type RequestsDeps } from './requests.deps.ts';
import { isOfficer } from './requests.policy.ts';
import { actInput } from './requests.schemas.ts';

const REASON_MAX = 1000;

function reasonOf(reason: string, field = 'reason'): string {
  const r = (reason ?? '').trim();
  if (!r) throw validationFailed([{ field, message: '请填写理由' }]);
  if (r.length > REASON_MAX) throw validationFailed([{ field, message: `理由不能超过 ${REASON_MAX} 字` }]);
  return r;
}

export function createFeesService(deps: RequestsDeps): FeesApi & { feesCollected(agencyId: string, year: number): Promise<number> } {
  const { clock } = deps;

  async function load(actor: StaffActor, requestId: string, trx = deps.db) {
    const row = await repoOf(deps, trx).requestById(requestId);
    requireSameAgency(actor.user, row);
    authorize(isOfficer(actor.user) || hasRole(actor.user, 'leader'), '只有公开办工作人员或机关领导可以查看信息处理费');
    return row!;
  }

  async function view(row: RequestTable, trx = deps.db): Promise<FeeView> {
    const fees = feesRepository(trx);
    const fee = await fees.feeOf(row.id);
    return {
      requestId: row.id,
      perRequestPreview: assessFee('perRequest', await fees.rankInMonth(row), null),
      assessed: fee?.noticeId ? { basis: fee.basis as FeeBasis, pages: fee.pages, rankInMonth: Number(fee.rankInMonth), amountFen: Number(fee.amountFen), tier: fee.tier } : null,
      noticeId: fee?.noticeId ?? null, noticeOn: fee?.noticeOn ?? null, paymentDueOn: fee?.paymentDueOn ?? null, paidOn: fee?.paidOn ?? null,
      paymentReference: fee?.paymentReference ?? '', receiptNoticeId: fee?.receiptNoticeId ?? null,
      waiverStatus: (fee?.waiverStatus ?? 'none') as WaiverStatus,
      applicantAskedWaiver: Number(row.feeWaiverRequested) === 1, applicantWaiverReason: row.feeWaiverReason,
      waiverProposal: fee?.waiverProposal ?? '', waiverReason: fee?.waiverReason ?? '', waiverDecidedBy: fee?.waiverDecidedBy ?? '', waiverDecidedOn: fee?.waiverDecidedOn ?? null,
    };
  }

  /** The fee row, created with today's per-request assessment when a waiver comes up first. */
  async function ensureFee(trx: typeof deps.db, row: RequestTable): Promise<RequestFeeTable> {
    const fees = feesRepository(trx);
    const existing = await fees.feeOf(row.id);
    if (existing) return existing;
    const a = assessFee('perRequest', await fees.rankInMonth(row), null);
    const now = clock.now().toISOString();
    const created: RequestFeeTable = {
      requestId: row.id, agencyId: row.agencyId, basis: a.basis, pages: null, rankInMonth: a.rankInMonth, amountFen: a.amountFen, tier: a.tier,
      noticeId: null, noticeOn: null, paymentDueOn: null, paidOn: null, paymentReference: '', receiptNoticeId: null,
      waiverStatus: 'none', waiverProposal: '', waiverReason: '', waiverDecidedBy: '', waiverDecidedOn: null, createdAt: now, updatedAt: now,
    };
    await fees.insertFee(created);
    return created;
  }

  return {
    async get(actor, requestId) {
      return view(await load(actor, requestId));
    },

    async assess(actor, requestId, input) {
      const row = await load(actor, requestId);
      authorize(isOfficer(actor.user), '只有公开办工作人员可以核算信息处理费');
      if (input.basis === 'perPage' && (!Number.isInteger(input.pages) || (input.pages ?? 0) < 1))
        throw validationFailed([{ field: 'pages', message: '按量计收请填写页数' }]);
      const rank = await feesRepository(deps.db).rankInMonth(row);
      return assessFee(input.basis, rank, input.basis === 'perPage' ? input.pages! : null);
    },

    async proposeWaiver(actor, requestId, input) {
      const reason = reasonOf(input.reason);
      return deps.db.transaction().execute(async (trx) => {
        const row = await load(actor, requestId, trx);
        authorize(isOfficer(actor.user), '只有公开办工作人员可以提出减免');
        const fee = await ensureFee(trx, row);
        if (fee.noticeId) throw conflict('FEE_ALREADY_NOTIFIED', '已发出收费通知，不能再提出减免');
        if (fee.waiverStatus !== 'none') throw conflict('WAIVER_ALREADY_PROPOSED', '本申请的减免已经提出或已有决定');
        const now = clock.now().toISOString();
        await feesRepository(trx).updateFee(requestId, { waiverStatus: 'proposed', waiverProposal: reason, updatedAt: now });
        const who = auditActor(actor);
        await writeEvent(trx, deps, who, { requestId, kind: 'feeWaiverProposed', note: reason, visibleToApplicant: false });
        await appendAuditEvent(trx, clock, who, { action: 'request.fee.proposeWaiver', subjectType: 'request', subjectId: requestId, agencyId: row.agencyId, after: { waiverStatus: 'proposed', reason } });
        return view(row, trx);
      });
    },

    async decideWaiver(actor, requestId, input) {
      const reason = reasonOf(input.reason);
      return deps.db.transaction().execute(async (trx) => {
        const row = await load(actor, requestId, trx);
        authorize(hasRole(actor.user, 'leader'), '信息处理费减免须由机关领导决定');
        const fee = await ensureFee(trx, row);
        if (fee.noticeId) throw conflict('FEE_ALREADY_NOTIFIED', '已发出收费通知，不能再作减免决定');
        const asked = fee.waiverStatus === 'proposed' || (fee.waiverStatus === 'none' && Number(row.feeWaiverRequested) === 1);
        if (!asked) throw conflict('NO_WAIVER_REQUEST', fee.waiverStatus === 'none' ? '申请人未申请减免，公开办也未提出减免' : '减免已有决定');
        const status: WaiverStatus = input.approve ? 'approved' : 'denied';
        const who = auditActor(actor);
        const todayOn = today(clock);
        await feesRepository(trx).updateFee(requestId, {
          waiverStatus: status, waiverReason: reason, waiverDecidedBy: actor.user.displayName, waiverDecidedOn: todayOn, updatedAt: clock.now().toISOString(),
        });
        await writeEvent(trx, deps, who, { requestId, kind: input.approve ? 'feeWaived' : 'feeWaiverDenied', note: reason, visibleToApplicant: false, data: { waiverStatus: status } });
        await appendAuditEvent(trx, clock, who, {
          action: 'request.fee.decideWaiver', subjectType: 'request', subjectId: requestId, agencyId: row.agencyId,
          before: { waiverStatus: fee.waiverStatus }, after: { waiverStatus: status, reason },
        });
        return view(row, trx);
      });
    },

    feesCollected: (agencyId, year) => feesRepository(deps.db).collected(agencyId, year),

    async closeExpiredUnpaid() {
      const todayOn = today(clock);
      const due = await feesRepository(deps.db).expiredUnpaid(todayOn);
      let closed = 0;
      for (const { id } of due) {
        await deps.db.transaction().execute(async (trx) => {
          const repo = repoOf(deps, trx);
          const row = await repo.requestById(id);
          if (!row || row.status !== 'awaitingPayment') return;
          const who = systemActor('系统（缴费期限届满）');
          const now = clock.now().toISOString();
          const input = actInput.parse({ note: '缴费期限届满，申请人未缴纳信息处理费' });
          const effect = await closeUnpaid({ repo, row, todayOn, now, calendar: await deps.calendar.get(trx), input, trx, deps, who });
          const patch: Partial<RequestTable> = { ...effect.patch, status: 'closed', updatedAt: now };
          // Another worker may have closed it meanwhile: the status check makes the job idempotent.
          if (!(await repo.updateRequest(id, 'awaitingPayment', patch))) return;
          // The termination notice (and anything else the verb does once the row is updated).
          const after = effect.afterUpdate ? await effect.afterUpdate({ ...row, ...patch }) : {};
          await writeEvent(trx, deps, who, {
            requestId: id, kind: 'closeUnpaid', note: input.note, visibleToApplicant: true,
            publicNote: effect.publicNote?.({ ...row, ...patch }), data: { from: row.status, to: 'closed', ...effect.data, ...after },
          });
          const office = (await repo.departmentsOfAgency(row.agencyId)).find((d) => Number(d.isDisclosureOffice) === 1);
          const fee = await feesRepository(trx).feeOf(id);
          await repo.insertNotification({
            id: newId(), uniqueKey: `feeUnpaid:${id}`, agencyId: row.agencyId, departmentId: office?.id ?? null, userId: null,
            subjectType: 'request', subjectId: id, kind: 'feeUnpaid', title: `申请 ${row.trackingCode} 逾期未缴费，已终止处理`,
            body: `信息处理费 ${formatFen(Number(fee?.amountFen ?? 0))} 的缴费期限（至 ${fee?.paymentDueOn ?? ''}）已届满，系统已按“其他处理 2”办结。`,
            createdAt: now, readAt: null,
          });
          await appendAuditEvent(trx, clock, who, {
            action: 'request.closeUnpaid', subjectType: 'request', subjectId: id, agencyId: row.agencyId,
            before: { status: row.status }, after: { status: 'closed', outcome: 'otherHandling', outcomeReason: 'feeUnpaid' },
          });
          closed++;
        });
      }
      return closed;
    },
  };
}
