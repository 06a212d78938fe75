// The review API: act on an item (the verb is the path), the work queue, the archived records.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { apiRoute } from '../../core/http/api.ts';
import { staffActor } from '../accounts/index.ts';
import { assertCanReadContent, ITEM_STATUSES, SCOPES, VALIDITIES, DISCLOSURE_MODES } from '../catalog/index.ts';
import type { Services } from '../../services.ts';
import { actInput } from './review.schemas.ts';
import { hasRoleForVerb, isReviewVerb, REVIEW_VERBS } from './review.workflow.ts';

const summary = z.object({
  id: z.string(), agencyId: z.string(), columnId: z.string(), columnName: z.string(), departmentId: z.string(), departmentName: z.string(),
  status: z.enum(ITEM_STATUSES), indexNumber: z.string().nullable(), title: z.string(), docNumber: z.string(), writtenOn: z.string().nullable(),
  publishedOn: z.string().nullable(), validity: z.enum(VALIDITIES), scope: z.enum(SCOPES), isMajor: z.boolean(),
  publishDueOn: z.string().nullable(), repealNoticeDueOn: z.string().nullable(), updatedAt: z.string(),
});
const verb = z.enum(REVIEW_VERBS as [string, ...string[]]);

const actResult = summary.extend({ disclosureMode: z.enum(DISCLOSURE_MODES), version: z.number() });

const record = z.object({
  id: z.string(), itemId: z.string(), step: z.string(), conclusion: z.enum(['submitted', 'approved', 'sentBack', 'published', 'takenDown']),
  opinion: z.string(), basis: z.string(), reviewerName: z.string(), itemTitle: z.string(), itemDocNumber: z.string(), itemSummary: z.string(), at: z.string(),
});

export function registerReviewRoutes(app: FastifyInstance, services: Services): void {
  const { review } = services;

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/items/:id/actions/:verb', summary: '审核操作：submit / approve / sendBack / publish / takedown', tags: ['review', 'staff'],
    access: 'staff', params: z.object({ id: z.string().min(1).max(64), verb }), body: actInput, response: actResult,
    // Role before form: the item (404 for another agency's), then a role some step takes the verb
    // with; the item's state and department are checked when acting.
    authorize: async (request, { id, verb: v }) => {
      const actor = staffActor(request);
      await services.catalog.getForStaff(actor, id);
      authorize(isReviewVerb(v) && hasRoleForVerb(actor.user, v), '您不能执行这项审核操作');
    },
  }, async (request, { params, body }) => review.act(staffActor(request), params.id, params.verb as Parameters<typeof review.act>[2], body));

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/queue', summary: '我的待办（最早到期在前）', tags: ['review', 'staff'], access: 'staff',
    response: z.object({
      entries: z.array(z.object({
        item: summary, verbs: z.array(verb), dueOn: z.string().nullable(),
        dueState: z.enum(['onTime', 'dueSoon', 'overdue']).nullable(), dueExplanation: z.string().nullable(),
      })),
    }),
    // The queue lists items to review: the work roles' (三员分立).
    authorize: (request) => assertCanReadContent(staffActor(request).user),
  }, async (request) => ({ entries: await review.queue(staffActor(request)) }));

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/items/:id/review-records', summary: '审核记录（归档）', tags: ['review', 'staff'], access: 'staff',
    params: z.object({ id: z.string().min(1).max(64) }), response: z.object({ records: z.array(record) }),
  }, async (request, { params }) => ({ records: await review.records(staffActor(request), params.id) }));
}
