// The requests JSON API: public application and tracking, and the staff endpoints behind every
// console action. Routes validate, call one service method and present the result.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiRoute } from '../../core/http/api.ts';
import { namedRateLimit } from '../../core/http/rate-limit-store.ts';
import { authorize } from '../../core/authz/authz.ts';
import { validationFailed } from '../../core/errors.ts';
import { staffActor } from '../accounts/index.ts';
import type { Services } from '../../services.ts';
import { REQUEST_VERBS, type RequestStatus } from './request.workflow.ts';
import type { ActInput, RegisterQuery, RegisteredApplication, RequestDetail } from './requests.contract.ts';
import {
  idParams, notificationList, receiptResponse, registerPage, requestDetail, requestSummary, supervisionResponse, trackingResponse,
} from './requests.http-schemas.ts';
import { assertCanExtend, assertCanListRegister, assertOfficerOf, canPerformVerb, canReadNotifications, canSeeDepartmentQueue } from './requests.policy.ts';
import { actInput, extendInput, publicApplicationBody, registeredApplicationInput, registerQueryInput, splitInput, trackInput } from './requests.schemas.ts';
import { registerChallengesApi } from './challenges.api.ts';
import { registerFilingsApi } from './filings.api.ts';

const accessOf = (d: RequestDetail) => ({ status: d.status as RequestStatus, agencyId: d.agencyId, handlingDepartmentIds: d.handlingDepartments.map((x) => x.id) });

export function registerRequestsRoutes(app: FastifyInstance, services: Services): void {
  const { requests } = services;
  const withVerbs = (actorRequest: Parameters<typeof staffActor>[0], d: RequestDetail) => ({
    ...d,
    availableVerbs: requests.availableVerbs(staffActor(actorRequest), accessOf(d)),
  });

  // Public endpoints, each in its own scope with a per-address rate limit (counted in the database).
  app.register(async (scope) => {
    scope.addHook('onRequest', scope.rateLimit(namedRateLimit('api.requests.apply', { max: services.config.applyRatePerMinute, timeWindow: 60_000 })));
    apiRoute(scope, {
      method: 'POST', url: '/api/v1/requests', summary: '提交政府信息公开申请（网上申请）', tags: ['requests'], access: 'public',
      body: publicApplicationBody, response: receiptResponse, status: 201,
    }, async (request, { body }) => {
      const header = request.headers['idempotency-key'];
      const idempotencyKey = (typeof header === 'string' ? header : undefined) ?? body.idempotencyKey ?? randomUUID();
      const agency = body.agencyCode ? await services.accounts.agencyByCode(body.agencyCode) : await services.accounts.firstAgency();
      if (!agency) throw validationFailed([{ field: 'agencyCode', message: '受理机关不存在' }]);
      const { agencyCode: _code, ...fields } = body;
      void _code;
      const receipt = await requests.apply({ ...fields, agencyId: agency.id, idempotencyKey }, request.ip);
      return { trackingCode: receipt.trackingCode, receivedOn: receipt.receivedOn, replyDueOn: receipt.replyDueOn, correctionNoticeDueOn: receipt.correctionNoticeDueOn };
    });
  });

  app.register(async (scope) => {
    scope.addHook('onRequest', scope.rateLimit(namedRateLimit('api.requests.track', { max: 30, timeWindow: 60_000 })));
    apiRoute(scope, {
      method: 'GET', url: '/api/v1/requests/track', summary: '凭查询码和手机号码后四位查询办理进度', tags: ['requests'], access: 'public',
      query: trackInput, response: trackingResponse,
    }, async (_request, { query }) => requests.track(query.code, query.phone));
  });

  // ---- staff ----
  // Role before form: these run before the body is validated (apiRoute's `authorize`), so a
  // caller without the role gets 403 (another agency's request 404) whatever they sent; the
  // service checks again in its transaction, with the request's state.
  const officerOfRequest = async (request: FastifyRequest, { id }: { id: string }) => {
    const actor = staffActor(request);
    assertOfficerOf(actor.user, await requests.get(actor, id));
  };
  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/requests', summary: '申请登记簿（筛选、分页）', tags: ['requests', 'staff'], access: 'staff',
    query: registerQueryInput, response: registerPage,
    authorize: (request) => assertCanListRegister(staffActor(request).user),
  }, async (request, { query }) => requests.list(staffActor(request), query as RegisterQuery));

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/requests/queue', summary: '本科室承办的申请', tags: ['requests', 'staff'], access: 'staff',
    response: z.object({ items: z.array(requestSummary) }),
    authorize: (request) => authorize(canSeeDepartmentQueue(staffActor(request).user), '只有承办单位的工作人员有本单位承办的申请'),
  }, async (request) => ({ items: await requests.departmentQueue(staffActor(request)) }));

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/requests/supervision', summary: '下级机关的申请办理情况（未结、逾期）', tags: ['requests', 'staff'], access: 'staff',
    response: supervisionResponse,
  }, async (request) => ({ agencies: await requests.supervisorSummary(staffActor(request)) }));

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/requests/:id', summary: '申请详情与完整办理记录', tags: ['requests', 'staff'], access: 'staff',
    params: idParams, response: requestDetail,
  }, async (request, { params }) => withVerbs(request, await requests.get(staffActor(request), params.id)));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/requests', summary: '登记当面、信函、传真、电子邮件申请', tags: ['requests', 'staff'], access: 'staff',
    authorize: (request) => { const { user } = staffActor(request); assertOfficerOf(user, { agencyId: user.agencyId }); },
    body: registeredApplicationInput, response: receiptResponse.extend({ requestId: z.string() }), status: 201,
  }, async (request, { body }) => requests.register(staffActor(request), body as RegisteredApplication));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/requests/:id/actions/:verb', summary: '办理操作（受理、补正、交办、征求意见、审定、送达、办结等）', tags: ['requests', 'staff'], access: 'staff',
    params: z.object({ id: z.string().min(1).max(64), verb: z.enum(REQUEST_VERBS, { error: '没有这个操作' }) }), body: actInput, response: requestDetail,
    authorize: async (request, { id, verb }) => {
      const actor = staffActor(request);
      const detail = await requests.get(actor, id);
      authorize(canPerformVerb(actor.user, accessOf(detail), verb), '您不能对该申请执行此操作');
    },
  }, async (request, { params, body }) => withVerbs(request, await requests.act(staffActor(request), params.id, params.verb, body as ActInput)));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/requests/:id/extension', summary: '延期答复（第三十三条，仅一次，最长 20 个工作日）', tags: ['requests', 'staff'], access: 'staff',
    params: idParams, body: extendInput, response: requestDetail,
    authorize: async (request, { id }) => {
      const actor = staffActor(request);
      const [detail, departments] = await Promise.all([requests.get(actor, id), services.accounts.departments(actor.user.agencyId)]);
      assertCanExtend(actor.user, detail, departments.some((d) => d.id === actor.user.departmentId && Number(d.isDisclosureOffice) === 1));
    },
  }, async (request, { params, body }) => withVerbs(request, await requests.extend(staffActor(request), params.id, body)));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/requests/:id/split', summary: '拆分申请（一事一申请）；返回新申请', tags: ['requests', 'staff'], access: 'staff',
    params: idParams, body: splitInput, response: requestDetail,
    authorize: officerOfRequest,
  }, async (request, { params, body }) => withVerbs(request, await requests.split(staffActor(request), params.id, body)));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/requests/:id/id-number', summary: '查看完整证件号码（记入审计日志）', tags: ['requests', 'staff'], access: 'staff',
    params: idParams, response: z.object({ idNumber: z.string() }),
  }, async (request, { params }) => ({ idNumber: await requests.revealIdNumber(staffActor(request), params.id) }));

  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/notifications', summary: '我的通知（期限提醒）', tags: ['requests', 'staff'], access: 'staff',
    response: notificationList,
    authorize: (request) => authorize(canReadNotifications(staffActor(request).user), '系统管理员、安全管理员和安全审计员不接收业务提醒（三员分立）'),
  }, async (request) => ({ items: await requests.notifications.inbox(staffActor(request)) }));

  apiRoute(app, {
    method: 'POST', url: '/api/v1/staff/notifications/:id/read', summary: '标记通知为已读', tags: ['requests', 'staff'], access: 'staff',
    params: idParams, response: z.object({ ok: z.literal(true) }),
  }, async (request, { params }) => {
    await requests.notifications.markRead(staffActor(request), params.id);
    return { ok: true as const };
  });
  registerChallengesApi(app, services);
  registerFilingsApi(app, services);
}
