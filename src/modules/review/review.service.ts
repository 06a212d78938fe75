// Review use cases: every step is one transaction holding the status change (through the
// catalog's workflow port), the archived review record and the audit event.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { requireSameAgency } from '../../core/authz/authz.ts';
import type { Db, DbOrTrx } from '../../core/db/database.ts';
import { AppError, forbidden, validationFailed } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { CalendarService } from '../../core/time/calendar.service.ts';
import { nowIso, today, type Clock } from '../../core/time/clock.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import { STATUS_LABELS, type CatalogService, type ItemDetail } from '../catalog/index.ts';
import { VERB_LABELS, type ReviewRecord, type ReviewService, type ReviewVerb } from './review.contract.ts';
import { buildQueue } from './review.queue.ts';
import { reviewRepository } from './review.repository.ts';
import { actInput } from './review.schemas.ts';
import { availableVerbs, findTransition, isReviewVerb, OPINION_REQUIRED, refusal } from './review.workflow.ts';

/** Screening before review (the privacy module): scans on submit, blocks approval while findings are pending. */
export interface ReviewScreening {
  onSubmit(trx: DbOrTrx, itemId: string, actor: StaffActor): Promise<void>;
  assertClear(trx: DbOrTrx, itemId: string): Promise<void>;
}

/**
 * Other modules' rules around publication, run in the review transaction (office-records: an open
 * release coordination blocks publishing; reading-room provision rows are created on publication).
 */
export interface PublicationHooks {
  beforePublish(trx: DbOrTrx, itemId: string): Promise<void>;
  afterPublish(trx: DbOrTrx, itemId: string, publishedOn: string): Promise<void>;
  /** 撤稿: the item leaves the website (the tamper monitor retires its fingerprint and closes its alerts naming the takedown). */
  afterTakedown?(trx: DbOrTrx, itemId: string, takedown: TakedownContext): Promise<void>;
}

/** Who took the item down and why (the required 撤稿 reason). */
export interface TakedownContext { actor: StaffActor; reason: string }

/** Several modules' hooks run one after another, in the order given. */
export function combinePublicationHooks(...all: PublicationHooks[]): PublicationHooks {
  return {
    async beforePublish(trx, itemId) { for (const h of all) await h.beforePublish(trx, itemId); },
    async afterPublish(trx, itemId, publishedOn) { for (const h of all) await h.afterPublish(trx, itemId, publishedOn); },
    async afterTakedown(trx, itemId, takedown) { for (const h of all) await h.afterTakedown?.(trx, itemId, takedown); },
  };
}

export interface ReviewDeps {
  db: Db;
  clock: Clock;
  calendar: CalendarService;
  catalog: CatalogService;
  screening?: ReviewScreening;
  publication?: PublicationHooks;
}

export function createReviewService(deps: ReviewDeps): ReviewService {
  const { db, clock, catalog } = deps;

  async function act(actor: StaffActor, itemId: string, verb: ReviewVerb, input: { opinion: string; basis: string }): Promise<ItemDetail> {
    if (!isReviewVerb(verb)) throw new AppError(404, 'NOT_FOUND', '没有这个审核操作');
    const parsed = actInput.safeParse(input ?? {});
    if (!parsed.success) throw validationFailed(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
    const { opinion, basis } = parsed.data;
    if (OPINION_REQUIRED.has(verb) && !opinion)
      throw validationFailed([{ field: 'opinion', message: verb === 'takedown' ? '撤稿须填写原因' : '退回须填写审核意见，说明需要修改的内容' }]);

    await db.transaction().execute(async (trx) => {
      const item = await catalog.workflow.itemForWorkflow(trx, itemId);
      requireSameAgency(actor.user, item);
      const subject = item!;
      const transition = findTransition(actor.user, subject, verb);
      if (!transition) {
        if (refusal(subject, verb) === 'noSuchStep')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', `该信息当前为“${STATUS_LABELS[subject.status]}”，不能${VERB_LABELS[verb]}`);
        throw forbidden(`您不能对处于“${STATUS_LABELS[subject.status]}”的信息执行“${VERB_LABELS[verb]}”`);
      }
      // 条例 第十五条: personal data and sensitive words must be dealt with before the confidentiality review passes.
      if (transition.from === 'confidentialityReview' && verb === 'approve') await deps.screening?.assertClear(trx, itemId);
      const todayOn = today(clock);
      let published: { indexNumber: string; publishedOn: string } | undefined;
      if (transition.to === 'published') {
        await deps.publication?.beforePublish(trx, itemId);
        published = await catalog.workflow.publish(trx, itemId, transition.from);
        await deps.publication?.afterPublish(trx, itemId, published.publishedOn);
      } else if (transition.to === 'takenDown') {
        await catalog.workflow.takedown(trx, itemId);
        await deps.publication?.afterTakedown?.(trx, itemId, { actor, reason: opinion });
      }
      else {
        // 第二十六条: the leader's approval starts the publication clock when there is no 成文日期.
        const approvedOn = transition.from === 'leaderApproval' && verb === 'approve' ? todayOn : undefined;
        await catalog.workflow.changeStatus(trx, itemId, transition.from, transition.to, { approvedOn });
      }
      if (verb === 'submit') await deps.screening?.onSubmit(trx, itemId, actor);
      const at = nowIso(clock);
      const reviewerName = `${actor.user.displayName}(${actor.user.username})`;
      await reviewRepository(trx).insert({
        id: newId(), itemId, agencyId: subject.agencyId, step: transition.from, conclusion: transition.conclusion, opinion, basis,
        reviewerId: actor.user.id, reviewerName, itemTitle: subject.title, itemDocNumber: subject.docNumber, itemSummary: subject.summary, at,
      });
      await appendAuditEvent(trx, clock, auditActor(actor), {
        action: `item.${verb}`, subjectType: 'item', subjectId: itemId, agencyId: subject.agencyId,
        before: { status: transition.from },
        after: { status: transition.to, opinion: opinion || undefined, basis: basis || undefined, ...published },
      });
    });
    return catalog.getForStaff(actor, itemId);
  }

  return {
    act,
    availableVerbs: (actor, item) => availableVerbs(actor.user, item),
    queue: (actor) => buildQueue(deps, actor),

    async records(actor: StaffActor, itemId: string): Promise<ReviewRecord[]> {
      await catalog.getForStaff(actor, itemId);
      const rows = await reviewRepository(db).recordsOf(itemId);
      return rows.map((r) => ({
        id: r.id, itemId: r.itemId, step: r.step, conclusion: r.conclusion, opinion: r.opinion, basis: r.basis,
        reviewerName: r.reviewerName, itemTitle: r.itemTitle, itemDocNumber: r.itemDocNumber, itemSummary: r.itemSummary, at: r.at,
      }));
    },
  };
}
