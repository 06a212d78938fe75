// Console routes of the requests register: the list with filters and export, officer entry of
// counter/post/fax/e-mail applications, the department's queue, supervision and the inbox. The
// record page and its actions are in requests-record.routes.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize } from '../../core/authz/authz.ts';
import { sendPage } from '../../core/http/render.ts';
import { today } from '../../core/time/clock.ts';
import { staffActor, type StaffActor } from '../accounts/index.ts';
import { canReadNotifications, type RegisteredApplication } from '../requests/index.ts';
import type { Services } from '../../services.ts';
import { fieldErrorsOf, readForm } from './console.forms.ts';
import type { FormValues } from './console.layout.tsx';
import { canRegisterRequests, canSeeRegister, canSeeRequestQueue, canSupervise } from './console.policy.ts';
import { pageContext, redirect } from './console.routes.ts';
import { contentDisposition } from '../../core/http/download.ts';
import { registerCsv, registerXlsx } from './requests-export.ts';
import { InboxPage, NewRequestPage, QueuePage, RegisterPage, SupervisionPage } from './requests.pages.tsx';
import { registerFilters, type RegisterFilters } from './requests.schemas.ts';

const PAGE_SIZE = 20;
const EXPORT_PAGE = 200;
const EXPORT_MAX_PAGES = 100;

const str = (values: FormValues, name: string) => {
  const v = values[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

/** The officer's form → RegisteredApplication; the service validates every field. */
function registeredInput(values: FormValues): RegisteredApplication {
  const s = (name: string) => str(values, name);
  return {
    channel: s('channel') as RegisteredApplication['channel'],
    receivedOn: s('receivedOn').trim(),
    applicantType: s('applicantType') as RegisteredApplication['applicantType'],
    applicantName: s('applicantName'), idType: s('idType') as RegisteredApplication['idType'], idNumber: s('idNumber'),
    legalRepresentative: s('legalRepresentative'), agentName: s('agentName'), agentIdNumber: s('agentIdNumber'),
    phone: s('phone'), email: s('email'), address: s('address'), postcode: s('postcode'),
    infoDescription: s('infoDescription'), infoTitle: s('infoTitle'), infoDocNumber: s('infoDocNumber'), purpose: s('purpose'),
    deliveryMethod: s('deliveryMethod') as RegisteredApplication['deliveryMethod'],
    feeWaiverRequested: s('feeWaiverRequested') === '1', feeWaiverReason: s('feeWaiverReason'),
    kind: s('kind') === 'recordCorrection' ? 'recordCorrection' : 'disclosure',
  };
}

export function registerConsoleRequestsRoutes(app: FastifyInstance, services: Services): void {
  const { requests } = services;

  const registerActor = (request: FastifyRequest) => {
    const actor = staffActor(request);
    authorize(canSeeRegister(actor.user), '只有公开办工作人员或机关领导可以查看申请登记簿');
    return actor;
  };

  async function allFiltered(actor: StaffActor, filters: RegisterFilters) {
    const items = [];
    for (let page = 1; page <= EXPORT_MAX_PAGES; page++) {
      const res = await requests.list(actor, { ...filters, page, pageSize: EXPORT_PAGE });
      items.push(...res.items);
      if (page * EXPORT_PAGE >= res.total) break;
    }
    return items;
  }

  app.get('/console/requests', async (request, reply) => {
    const actor = registerActor(request);
    const filters = registerFilters.parse(request.query ?? {});
    const [ctx, departments, result] = await Promise.all([
      pageContext(request, services),
      services.accounts.departments(actor.user.agencyId),
      requests.list(actor, { ...filters, pageSize: PAGE_SIZE }),
    ]);
    return sendPage(reply, RegisterPage({ ctx, filters, departments, result, canRegister: canRegisterRequests(actor.user) }));
  });

  app.get('/console/requests/export.csv', async (request, reply) => {
    const actor = registerActor(request);
    const items = await allFiltered(actor, registerFilters.parse(request.query ?? {}));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(`申请登记簿-${today(services.clock)}.csv`))
      .send(registerCsv(items));
  });

  app.get('/console/requests/export.xlsx', async (request, reply) => {
    const actor = registerActor(request);
    const items = await allFiltered(actor, registerFilters.parse(request.query ?? {}));
    const on = today(services.clock);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`申请登记簿-${on}.xlsx`))
      .send(await registerXlsx(items, `政府信息公开申请登记簿（导出日期 ${on}）`));
  });

  app.get('/console/requests/new', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canRegisterRequests(actor.user), '只有公开办工作人员可以登记申请');
    const ctx = await pageContext(request, services);
    const values: FormValues = { channel: 'counter', receivedOn: today(services.clock), applicantType: 'person', idType: 'residentId', deliveryMethod: 'paper', kind: 'disclosure' };
    return sendPage(reply, NewRequestPage({ ctx, values, errors: [] }));
  });

  app.post('/console/requests/new', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canRegisterRequests(actor.user), '只有公开办工作人员可以登记申请');
    const { values } = await readForm(request);
    try {
      const receipt = await requests.register(actor, registeredInput(values));
      return redirect(reply, `/console/requests/${encodeURIComponent(receipt.requestId)}?done=registered`);
    } catch (err) {
      const errors = fieldErrorsOf(err, 'infoDescription');
      const ctx = await pageContext(request, services);
      return sendPage(reply, NewRequestPage({ ctx, values, errors }), 422);
    }
  });

  app.get('/console/requests/queue', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canSeeRequestQueue(actor.user), '只有承办单位的工作人员有本单位承办的申请');
    const [ctx, items] = await Promise.all([pageContext(request, services), requests.departmentQueue(actor)]);
    return sendPage(reply, QueuePage({ ctx, items }));
  });

  app.get('/console/requests/supervision', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canSupervise(actor.user), '只有公开办工作人员或机关领导可以查看下级机关的办理情况');
    const [ctx, agencies] = await Promise.all([pageContext(request, services), requests.supervisorSummary(actor)]);
    return sendPage(reply, SupervisionPage({ ctx, agencies }));
  });

  app.get('/console/inbox', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canReadNotifications(actor.user), '系统管理员、安全管理员和安全审计员不接收业务提醒（三员分立）');
    const [ctx, items] = await Promise.all([pageContext(request, services), requests.notifications.inbox(actor)]);
    return sendPage(reply, InboxPage({ ctx, items }));
  });

  app.post('/console/inbox/:id/read', async (request, reply) => {
    const actor = staffActor(request);
    await requests.notifications.markRead(actor, (request.params as { id: string }).id);
    return redirect(reply, '/console/inbox');
  });
}
