// Routes of the challenge records: per request (list, record, decide) and the agency's list.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../core/authz/authz.ts';
import { notFound } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import { hasRole, staffActor, type StaffActor } from '../accounts/index.ts';
import type { ChallengeInput } from '../requests/index.ts';
import type { Services } from '../../services.ts';
import { fieldErrorsOf, readForm } from './console.forms.ts';
import { value, type FieldErrorView, type FormValues } from './console.layout.tsx';
import { pageContext, redirect } from './console.routes.ts';
import { ChallengesListPage, RequestChallengesPage } from './challenges.pages.tsx';

export function registerChallengesRoutes(app: FastifyInstance, services: Services): void {
  const { requests } = services;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  async function page(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, opts: { values?: FormValues; errors?: FieldErrorView[]; status?: number } = {}) {
    const id = idOf(request);
    const [ctx, r, items] = await Promise.all([pageContext(request, services), requests.get(actor, id), requests.challenges.listForRequest(actor, id)]);
    const notice = (request.query as { done?: string }).done ? '已保存。' : undefined;
    const page = RequestChallengesPage({ ctx, r, items, canWrite: hasRole(actor.user, 'officer'), values: opts.values ?? {}, errors: opts.errors ?? [], notice });
    return sendPage(reply, page, opts.status ?? 200);
  }

  app.get('/console/requests/:id/challenges', async (request, reply) => page(request, reply, staffActor(request)));

  // Role before form: the request (404 for another agency's), then the office's role (challenges.service).
  const officeOf = async (request: FastifyRequest) => {
    const actor = staffActor(request);
    await requests.get(actor, idOf(request));
    authorize(hasRole(actor.user, 'officer'), '只有公开办工作人员可以登记复议诉讼情况');
    return actor;
  };

  app.post('/console/requests/:id/challenges', async (request, reply) => {
    const actor = await officeOf(request);
    const { values } = await readForm(request);
    const v = (n: string) => value(values, n);
    const input = {
      kind: v('kind'), litigationPath: v('litigationPath') || null, body: v('body'), caseNumber: v('caseNumber'), filedOn: v('filedOn'),
      decidedOn: v('decidedOn') || null, result: v('result') || 'pending', note: v('note'),
    } as ChallengeInput;
    try {
      await requests.challenges.record(actor, idOf(request), input);
      return redirect(reply, `/console/requests/${encodeURIComponent(idOf(request))}/challenges?done=1`);
    } catch (err) {
      return page(request, reply, actor, { values, errors: fieldErrorsOf(err, 'body'), status: 422 });
    }
  });

  app.post('/console/requests/:id/challenges/:challengeId/decide', async (request, reply) => {
    const actor = await officeOf(request);
    const { challengeId } = request.params as { challengeId: string };
    // The challenge must be one of this request's, not just any of the agency's.
    const own = await requests.challenges.listForRequest(actor, idOf(request));
    if (!own.some((c) => c.id === challengeId)) throw notFound('未找到该复议诉讼记录');
    const { values } = await readForm(request);
    const v = (n: string) => value(values, `${n}-${challengeId}`);
    const input = { decidedOn: v('decidedOn') || null, result: (v('result') || 'pending') as ChallengeInput['result'], caseNumber: value(values, 'caseNumber'), note: v('note') };
    try {
      await requests.challenges.decide(actor, challengeId, input);
      return redirect(reply, `/console/requests/${encodeURIComponent(idOf(request))}/challenges?done=1`);
    } catch (err) {
      const map = { decidedOn: `decidedOn-${challengeId}`, result: `result-${challengeId}`, note: `note-${challengeId}` };
      return page(request, reply, actor, { values, errors: fieldErrorsOf(err, map.decidedOn, map), status: 422 });
    }
  });

  app.get('/console/challenges', async (request, reply) => {
    const actor = staffActor(request);
    const raw = value(request.query as FormValues, 'year').trim();
    const year = /^\d{4}$/.test(raw) ? Number(raw) : null;
    const items = await requests.challenges.listForAgency(actor, year ?? undefined);
    return sendPage(reply, ChallengesListPage({ ctx: await pageContext(request, services), items, year }));
  });
}
