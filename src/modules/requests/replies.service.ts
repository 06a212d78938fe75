// The reply draft: the handling department writes it while drafting (第三十六条: one decision per
// item of information), the disclosure office may correct it while reviewing; approving it is the
// `approve` verb (reply-effects.ts). Every save is one transaction with its audit event.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { requireSameAgency } from '../../core/authz/authz.ts';
import type { ReplyItemTable, RequestReplyTable } from '../../core/db/schema.ts';
import { conflict, forbidden, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import { OUTCOME_LABELS, OUTCOME_ROW_LABELS, REASON_ROW_LABELS, reportedOutcome, type Outcome, type OutcomeReason } from './outcomes.ts';
import { catalogReference, checkReplyDraft, DRAFT_REPLY_TYPE_LABELS, type DraftReplyType, type RequestKind } from './replies.schemas.ts';
import { repliesRepository } from './replies.repository.ts';
import { decisionLabel, itemBasis, itemUrl } from './reply-text.ts';
import { REQUEST_STATUS_LABELS, REQUEST_TRANSITIONS, type RequestStatus } from './request.workflow.ts';
import type { ReplyItemView, ReplyView } from './requests.contract.ts';
import { repoOf, type RequestsDeps } from './requests.deps.ts';
import { assertCanRead, canPerform } from './requests.policy.ts';

const SUBMIT = REQUEST_TRANSITIONS.find((t) => t.verb === 'submitReply')!;
const APPROVE = REQUEST_TRANSITIONS.find((t) => t.verb === 'approve')!;

export function createRepliesService(deps: RequestsDeps) {
  async function access(actor: StaffActor, requestId: string) {
    const repo = repoOf(deps);
    const row = await repo.requestById(requestId);
    const departments = row ? await repo.assignmentsOf(requestId) : [];
    const info = row && { status: row.status as RequestStatus, agencyId: row.agencyId, handlingDepartmentIds: departments.map((d) => d.id) };
    requireSameAgency(actor.user, info);
    assertCanRead(actor.user, info);
    return { row: row!, info: info! };
  }

  /** The department edits while drafting; the office while reviewing (it may correct before approving). */
  function mayEdit(actor: StaffActor, info: NonNullable<Awaited<ReturnType<typeof access>>['info']>): boolean {
    if (info.status === 'drafting') return canPerform(actor.user, info, SUBMIT);
    if (info.status === 'officeReview') return canPerform(actor.user, info, APPROVE);
    return false;
  }

  async function get(actor: StaffActor, requestId: string): Promise<ReplyView> {
    const { row, info } = await access(actor, requestId);
    const repo = repliesRepository(deps.db);
    const [reply, items] = await Promise.all([repo.replyOf(requestId), repo.itemsOf(requestId)]);
    const kind = (row.kind ?? 'disclosure') as RequestKind;
    const published = await repo.publishedItems(row.agencyId, items.map((i) => i.catalogItemId).filter((id): id is string => !!id));
    const itemViews: ReplyItemView[] = items.map((i) => {
      const p = published.find((x) => x.id === i.catalogItemId);
      return {
        id: i.id, position: Number(i.position), description: i.description, replyType: i.replyType,
        replyTypeLabel: DRAFT_REPLY_TYPE_LABELS[i.replyType as DraftReplyType] ?? i.replyType,
        outcome: i.outcome as Outcome, reason: i.reason as OutcomeReason | null, decisionLabel: decisionLabel(i.outcome as Outcome, i.reason, kind),
        basis: itemBasis(i, kind), explanation: i.explanation, catalogItemId: i.catalogItemId,
        catalogItem: p ? { id: p.id, title: p.title, indexNumber: p.indexNumber, url: itemUrl(p.id) } : null,
        holderAgency: i.holderAgency, docNumber: i.docNumber,
      };
    });
    const reported = items.length ? reportedOutcome(itemViews) : null;
    return {
      requestId, kind, status: info.status, opinion: reply?.opinion ?? '', items: itemViews,
      reported: reported && {
        ...reported,
        label: kind === 'recordCorrection' ? decisionLabel(reported.outcome, null, kind) : OUTCOME_LABELS[reported.outcome],
        rowLabel: kind === 'recordCorrection' ? '更正申请不计入年度报告表三' : `${OUTCOME_ROW_LABELS[reported.outcome]}${reported.reason ? ` ${REASON_ROW_LABELS[reported.reason]}` : ''}`,
      },
      draftedByName: reply?.draftedByName ?? '', draftedAt: reply?.draftedAt ?? null,
      approvedByName: reply?.approvedByName ?? '', approvedAt: reply?.approvedAt ?? null, approvedOn: reply?.approvedOn ?? null,
      noticeId: reply?.noticeId ?? null, noticeNumber: reply?.noticeNumber ?? '',
      editable: mayEdit(actor, info),
    };
  }

  async function saveDraft(actor: StaffActor, requestId: string, input: unknown): Promise<ReplyView> {
    const { row, info } = await access(actor, requestId);
    if (info.status !== 'drafting' && info.status !== 'officeReview')
      throw conflict('REPLY_NOT_EDITABLE', `申请当前状态为“${REQUEST_STATUS_LABELS[info.status]}”，不能修改答复稿`);
    if (!mayEdit(actor, info)) throw forbidden(info.status === 'drafting' ? '只有承办单位的经办人或负责人可以起草答复' : '审核中的答复只能由公开办修改');
    const kind = (row.kind ?? 'disclosure') as RequestKind;
    const checked = checkReplyDraft(input, kind);
    const errors = [...checked.errors];
    // The office names an already-published item by its ID, its 索引号 or its portal link; the
    // reply keeps the item's ID (the notice prints its title and 索引号, 第三十六条第一项).
    const refs = [...new Set(checked.items.map((i) => i.catalogItemId && catalogReference(i.catalogItemId)).filter((r): r is string => !!r))];
    const found = await repliesRepository(deps.db).publishedItems(row.agencyId, refs);
    checked.items.forEach((i, n) => {
      if (!i.catalogItemId) return;
      const ref = catalogReference(i.catalogItemId);
      const item = found.find((f) => f.id === ref || f.indexNumber === ref);
      if (item) i.catalogItemId = item.id;
      else errors.push({ field: `items.${n}.catalogItemId`, message: `“${i.catalogItemId}”不是本机关已公开的政府信息（请填写索引号、信息网址或编号）` });
    });
    if (errors.length) throw validationFailed(errors);

    await deps.db.transaction().execute(async (trx) => {
      const repo = repliesRepository(trx);
      const current = await repoOf(deps, trx).requestById(requestId);
      if (current?.status !== info.status) throw conflict('REQUEST_CHANGED', '该申请刚被他人处理，请刷新页面后重试');
      const now = deps.clock.now().toISOString();
      const who = auditActor(actor);
      const previous = await repo.replyOf(requestId);
      const reply: RequestReplyTable = {
        requestId, opinion: checked.opinion, draftedBy: actor.user.id, draftedByName: actor.user.displayName, draftedAt: now,
        approvedBy: null, approvedByName: '', approvedAt: null, approvedOn: null, noticeId: null, noticeNumber: '',
      };
      const rows: ReplyItemTable[] = checked.items.map((i, n) => ({
        id: newId(), requestId, position: n + 1, description: i.description, replyType: i.replyType, outcome: i.outcome, reason: i.reason,
        explanation: i.explanation, catalogItemId: i.catalogItemId, holderAgency: i.holderAgency, docNumber: i.docNumber, createdAt: now,
      }));
      await repo.saveDraft(reply, rows);
      await appendAuditEvent(trx, deps.clock, who, {
        action: 'request.reply.save', subjectType: 'request', subjectId: requestId, agencyId: row.agencyId,
        before: previous ? { opinionLength: previous.opinion.length } : undefined,
        after: { items: rows.map((r) => ({ outcome: r.outcome, reason: r.reason })) },
      });
    });
    return get(actor, requestId);
  }

  return { get, saveDraft };
}
