// The staff JSON API of challenges to replies (行政复议 / 行政诉讼, 条例 第五十一条): a request's
// challenges, the agency's list, recording one and recording its decision. The same service
// methods as the console pages (console/challenges.routes.ts); the role and the request's agency
// are checked before the body is read (apiRoute `authorize`), the service checks again.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { apiRoute } from '../../core/http/api.ts';
import { staffActor } from '../accounts/index.ts';
import type { Services } from '../../services.ts';
import {
  CHALLENGE_KINDS, CHALLENGE_KIND_LABELS, CHALLENGE_RESULTS, CHALLENGE_RESULT_LABELS, LITIGATION_PATHS, challengeDecisionInput, challengeInput,
  type ChallengeDecisionInput, type ChallengeInput,
} from './challenges.schemas.ts';
import type { ChallengeView } from './challenges.service.ts';
import { idParams } from './requests.http-schemas.ts';
import { assertOfficerOf } from './requests.policy.ts';

const challengeResponse = z.object({
  id: z.string(),
  requestId: z.string(),
  trackingCode: z.string(),
  kind: z.enum(CHALLENGE_KINDS),
  kindLabel: z.string(),
  litigationPath: z.enum(LITIGATION_PATHS).nullable(),
  /** 复议机关或受理法院 */
  body: z.string(),
  caseNumber: z.string(),
  filedOn: z.string(),
  decidedOn: z.string().nullable(),
  result: z.enum(CHALLENGE_RESULTS),
  resultLabel: z.string(),
  note: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
const challengeList = z.object({ items: z.array(challengeResponse) });

const present = (c: ChallengeView): z.input<typeof challengeResponse> => ({ ...c, kindLabel: CHALLENGE_KIND_LABELS[c.kind], resultLabel: CHALLENGE_RESULT_LABELS[c.result] });

export function registerChallengesApi(app: FastifyInstance, services: Services): void {
  const { requests } = services;
  // Recording is the disclosure office's (challenges.service canWrite) on a request of its agency.
  const officerOfRequest = async (request: FastifyRequest, { id }: { id: string }) => {
    const actor = staffActor(request);
    assertOfficerOf(actor.user, await requests.get(actor, id));
  };

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/challenges', summary: '本机关的行政复议、行政诉讼记录（可按申请复议或起诉的年度筛选）', tags: ['challenges', 'staff'], access: 'staff',
    query: z.object({ year: z.coerce.number({ error: '年度应为四位年份' }).int().min(2008, { error: '年度不正确' }).max(2100, { error: '年度不正确' }).optional() }),
    response: challengeList,
  }, async (request, { query }) => ({ items: (await requests.challenges.listForAgency(staffActor(request), query.year)).map(present) }));

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/requests/:id/challenges', summary: '申请的行政复议、行政诉讼记录', tags: ['challenges', 'staff'], access: 'staff',
    params: idParams, response: challengeList,
  }, async (request, { params }) => ({ items: (await requests.challenges.listForRequest(staffActor(request), params.id)).map(present) }));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/requests/:id/challenges', summary: '登记行政复议或行政诉讼（已答复的申请）', tags: ['challenges', 'staff'], access: 'staff',
    params: idParams, body: challengeInput, response: challengeResponse, status: 201,
    authorize: officerOfRequest,
  }, async (request, { params, body }) => present(await requests.challenges.record(staffActor(request), params.id, body as ChallengeInput)));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/requests/:id/challenges/:challengeId/decision', summary: '登记复议或诉讼的审理结果', tags: ['challenges', 'staff'], access: 'staff',
    params: idParams.extend({ challengeId: z.string().min(1).max(64) }), body: challengeDecisionInput, response: challengeResponse,
    authorize: officerOfRequest,
  }, async (request, { params, body }) => {
    const actor = staffActor(request);
    // The challenge must be one of this request's: the URL names both.
    const own = await requests.challenges.listForRequest(actor, params.id);
    if (!own.some((c) => c.id === params.challengeId)) throw notFound('未找到该复议诉讼记录');
    return present(await requests.challenges.decide(actor, params.challengeId, body as ChallengeDecisionInput));
  });
}

