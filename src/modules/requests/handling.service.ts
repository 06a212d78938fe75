// Handling a request: the lifecycle verbs (transition table only), the one extension of
// 第三十三条 and splitting "one matter per request". Each use case is one transaction with its
// timeline event and audit event; stored due dates are recomputed from their inputs every time.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import type { RequestTable } from '../../core/db/schema.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { today } from '../../core/time/clock.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import { requireSameAgency } from '../../core/authz/authz.ts';
import { EXTENDABLE_STATUSES, REQUEST_STATUS_LABELS, REQUEST_VERB_LABELS, REQUEST_VERBS, transitionFor, type RequestStatus, type RequestVerb } from './request.workflow.ts';
import type { ActInput, RequestDetail } from './requests.contract.ts';
import { repoOf, storedDeadlines, writeEvent, type RequestsDeps } from './requests.deps.ts';
import { assertCanExtend, assertOfficerOf, canPerform } from './requests.policy.ts';
import { actInput, extendInput, splitInput } from './requests.schemas.ts';
import type { ZodType } from 'zod';
import { VERB_EFFECTS, VISIBLE_VERBS } from './verb-effects.ts';
import { newTrackingCode } from '../../core/text/tracking-code.ts';
import { requestNotices } from './request-notices.ts';

function parse<T>(schema: ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw validationFailed(r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
  return r.data;
}

const changedMeanwhile = () => conflict('REQUEST_CHANGED', '该申请刚被他人处理，请刷新页面后重试');

export function createHandlingService(deps: RequestsDeps, loadDetail: (id: string) => Promise<RequestDetail>) {
  const { clock } = deps;

  async function act(actor: StaffActor, id: string, verb: RequestVerb, rawInput: ActInput): Promise<RequestDetail> {
    if (!REQUEST_VERBS.includes(verb)) throw notFound('没有这个操作');
    const input = parse(actInput, rawInput);
    await deps.db.transaction().execute(async (trx) => {
      const repo = repoOf(deps, trx);
      const row = await repo.requestById(id);
      const departments = row ? await repo.assignmentsOf(id) : [];
      const access = row && { status: row.status as RequestStatus, agencyId: row.agencyId, handlingDepartmentIds: departments.map((d) => d.id) };
      requireSameAgency(actor.user, access);
      const transition = transitionFor(verb, access!.status);
      if (!transition)
        throw conflict('ILLEGAL_TRANSITION', `申请当前状态为“${REQUEST_STATUS_LABELS[access!.status]}”，不能${REQUEST_VERB_LABELS[verb]}`);
      if (!canPerform(actor.user, access!, transition))
        throw forbidden(transition.performer === 'office' ? '只有公开办工作人员可以执行此操作' : '只有承办单位的经办人或负责人可以执行此操作');
      if (transition.needsNote && !input.note) throw validationFailed([{ field: 'note', message: '请填写意见或理由' }]);

      const todayOn = today(clock);
      const now = clock.now().toISOString();
      const calendar = await deps.calendar.get(trx);
      const who = auditActor(actor);
      const effect = await VERB_EFFECTS[verb]({ repo, row: row!, todayOn, now, calendar, input, trx, deps, who, notices: deps.notices });
      const next: RequestTable = { ...row!, ...effect.patch, status: transition.to };
      const deadlines = storedDeadlines(calendar, next, await repo.pausesOf(id), todayOn);
      const updated: RequestTable = { ...next, ...deadlines, updatedAt: now };
      if (!(await repo.updateRequest(id, row!.status, { ...effect.patch, ...deadlines, status: transition.to, updatedAt: now }))) throw changedMeanwhile();
      const after = effect.afterUpdate ? await effect.afterUpdate(updated) : {};

      await writeEvent(trx, deps, who, {
        requestId: id, kind: verb, note: input.note, visibleToApplicant: VISIBLE_VERBS.has(verb),
        publicNote: VISIBLE_VERBS.has(verb) ? effect.publicNote?.(updated) : undefined,
        data: { from: row!.status, to: transition.to, ...effect.data, ...after },
      });
      if (effect.alsoNotify) await writeEvent(trx, deps, who, { ...effect.alsoNotify, visibleToApplicant: false });
      await appendAuditEvent(trx, clock, who, {
        action: `request.${verb}`, subjectType: 'request', subjectId: id, agencyId: row!.agencyId,
        before: { status: row!.status, replyDueOn: row!.replyDueOn }, after: { status: transition.to, replyDueOn: updated.replyDueOn, ...effect.data },
      });
    });
    return loadDetail(id);
  }

  return {
    act,

    // 第三十三条: once, at most 20 working days, approved by the disclosure office's head, with notice.
    async extend(actor: StaffActor, id: string, rawInput: { days: number; reason: string }): Promise<RequestDetail> {
      const input = parse(extendInput, rawInput);
      await deps.db.transaction().execute(async (trx) => {
        const repo = repoOf(deps, trx);
        const row = await repo.requestById(id);
        const dept = actor.user.departmentId ? await repo.departmentById(actor.user.departmentId) : undefined;
        assertCanExtend(actor.user, row, dept?.isDisclosureOffice === 1 && dept.agencyId === actor.user.agencyId);
        const r = row!;
        const todayOn = today(clock);
        if (!EXTENDABLE_STATUSES.includes(r.status as RequestStatus))
          throw conflict('ILLEGAL_TRANSITION', `申请当前状态为“${REQUEST_STATUS_LABELS[r.status as RequestStatus]}”，不能延期答复`);
        if (Number(r.extensionDays) > 0) throw conflict('EXTENSION_ALREADY_GRANTED', '延期答复只能一次（第三十三条），本申请已经延期');
        if (r.replyDueOn && todayOn > r.replyDueOn) throw conflict('EXTENSION_TOO_LATE', `答复期限已于 ${r.replyDueOn} 届满，不能再延期`);
        const calendar = await deps.calendar.get(trx);
        const next: RequestTable = { ...r, extensionDays: input.days, extensionReason: input.reason, extensionApprovedBy: auditActor(actor).name };
        const deadlines = storedDeadlines(calendar, next, await repo.pausesOf(id), todayOn);
        const now = clock.now().toISOString();
        const patch = { extensionDays: input.days, extensionReason: input.reason, extensionApprovedBy: next.extensionApprovedBy, ...deadlines, updatedAt: now };
        if (!(await repo.updateRequest(id, r.status, patch))) throw changedMeanwhile();
        const who = auditActor(actor);
        const notice = await requestNotices.extension(trx, deps, who, { ...next, ...patch });
        await writeEvent(trx, deps, who, {
          requestId: id, kind: 'extension', note: input.reason, visibleToApplicant: true,
          publicNote: `延期答复告知：因${input.reason}，答复期限延长 ${input.days} 个工作日，至 ${deadlines.replyDueOn}（第三十三条）`,
          data: { days: input.days, replyDueOn: deadlines.replyDueOn, ...notice },
        });
        await appendAuditEvent(trx, clock, who, {
          action: 'request.extend', subjectType: 'request', subjectId: id, agencyId: r.agencyId,
          before: { replyDueOn: r.replyDueOn }, after: { extensionDays: input.days, replyDueOn: deadlines.replyDueOn },
        });
      });
      return loadDetail(id);
    },

    /** "One matter per request": a new request for part of the description, same applicant and receipt date. */
    async split(actor: StaffActor, id: string, rawInput: { infoDescription: string; note: string }): Promise<RequestDetail> {
      const input = parse(splitInput, rawInput);
      const newIdValue = newId();
      await deps.db.transaction().execute(async (trx) => {
        const repo = repoOf(deps, trx);
        const row = await repo.requestById(id);
        assertOfficerOf(actor.user, row);
        const r = row!;
        if (!['received', 'accepted', 'assigned', 'drafting'].includes(r.status))
          throw conflict('ILLEGAL_TRANSITION', `申请当前状态为“${REQUEST_STATUS_LABELS[r.status as RequestStatus]}”，不能拆分`);
        const now = clock.now().toISOString();
        const todayOn = today(clock);
        const base: RequestTable = {
          ...r, id: newIdValue, trackingCode: newTrackingCode(), idempotencyKey: null, infoDescription: input.infoDescription,
          infoTitle: '', infoDocNumber: '', status: 'received', outcome: null, outcomeReason: null,
          extensionDays: 0, extensionReason: '', extensionApprovedBy: '', closedOn: null, mergedIntoId: null, splitFromId: r.id,
          receivedAt: now, createdAt: now, updatedAt: now,
        };
        const created = { ...base, ...storedDeadlines(await deps.calendar.get(trx), base, [], todayOn) };
        await repo.insertRequest(created);
        const who = auditActor(actor);
        await writeEvent(trx, deps, who, { requestId: r.id, kind: 'split', note: `${input.note}（拆分出新申请 ${created.trackingCode}）`, visibleToApplicant: false, data: { newRequestId: created.id } });
        await writeEvent(trx, deps, who, {
          requestId: created.id, kind: 'splitFrom', note: input.note, visibleToApplicant: true,
          publicNote: `由申请 ${r.trackingCode} 拆分，收到申请之日 ${created.receivedOn}，答复期限至 ${created.replyDueOn}`,
          data: { splitFromId: r.id },
        });
        await appendAuditEvent(trx, clock, who, {
          action: 'request.split', subjectType: 'request', subjectId: created.id, agencyId: r.agencyId,
          after: { splitFrom: r.trackingCode, trackingCode: created.trackingCode },
        });
      });
      return loadDetail(newIdValue);
    },
  };
}
