// Routes of a request's fee page: preview, fee notice, payment, closure when unpaid and the
// hardship waiver. Each POST calls one service method and comes back to the page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../core/authz/authz.ts';
import { validationFailed } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import { today } from '../../core/time/clock.ts';
import { hasRole, staffActor, type SessionUser, type StaffActor } from '../accounts/index.ts';
import type { FeeAssessment, FeeBasis } from '../requests/index.ts';
import type { Services } from '../../services.ts';
import { fieldErrorsOf, readForm } from './console.forms.ts';
import { value, type FieldErrorView, type FormValues } from './console.layout.tsx';
import { pageContext, redirect } from './console.routes.ts';
import { RequestFeePage } from './request-fee.pages.tsx';

const DONE: Record<string, string> = { notice: '已发出收费通知，答复期限暂停计算。', payment: '已登记缴费，恢复计时。', close: '已按逾期未缴费办结。', waiver: '已提请领导决定减免。', decided: '已作出减免决定。' };
const basisOf = (v: FormValues): FeeBasis | undefined => (value(v, 'basis') === 'perPage' ? 'perPage' : value(v, 'basis') === 'perRequest' ? 'perRequest' : undefined);
const pagesOf = (v: FormValues) => (value(v, 'pages').trim() ? Number(value(v, 'pages')) : undefined);

/** Who may post each form: the office charges and proposes waivers; a leader decides them (fees.service). */
interface Who {
  may: (user: SessionUser) => boolean;
  message: string;
}
const OFFICE: Who = { may: (u) => hasRole(u, 'officer'), message: '只有公开办工作人员可以办理信息处理费' };
const LEADER: Who = { may: (u) => hasRole(u, 'leader'), message: '信息处理费减免须由机关领导决定' };

export function registerRequestFeeRoutes(app: FastifyInstance, services: Services): void {
  const { requests } = services;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
  const back = (reply: FastifyReply, id: string, done: string) => redirect(reply, `/console/requests/${encodeURIComponent(id)}/fee?done=${done}`);

  async function page(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, opts: { values?: FormValues; errors?: FieldErrorView[]; status?: number; preview?: FeeAssessment } = {}) {
    const id = idOf(request);
    const [ctx, r, fee] = await Promise.all([pageContext(request, services), requests.get(actor, id), requests.fees.get(actor, id)]);
    const officer = hasRole(actor.user, 'officer');
    const noNotice = !fee.noticeId;
    const can = {
      preview: officer,
      charge: officer && r.status === 'drafting' && noNotice && !['approved', 'proposed'].includes(fee.waiverStatus),
      recordPayment: officer && r.status === 'awaitingPayment',
      closeUnpaid: officer && r.status === 'awaitingPayment' && !!fee.paymentDueOn && today(services.clock) > fee.paymentDueOn,
      proposeWaiver: officer && noNotice && fee.waiverStatus === 'none' && !fee.applicantAskedWaiver && r.status !== 'closed',
      decideWaiver: hasRole(actor.user, 'leader') && noNotice && (fee.waiverStatus === 'proposed' || (fee.waiverStatus === 'none' && fee.applicantAskedWaiver)),
    };
    const done = (request.query as { done?: string }).done;
    return sendPage(reply, RequestFeePage({ ctx, r, fee, can, values: opts.values ?? {}, errors: opts.errors ?? [], notice: done ? DONE[done] : undefined, preview: opts.preview }), opts.status ?? 200);
  }

  /** Runs one action; on a correctable error the page comes back with what was typed. */
  async function post(request: FastifyRequest, reply: FastifyReply, who: Who, done: string, fallback: string, run: (actor: StaffActor, id: string, v: FormValues) => Promise<unknown>, fieldMap: Record<string, string> = {}) {
    const actor = staffActor(request);
    // Role before form: the request (404 for another agency's), then the role, then the form.
    await requests.get(actor, idOf(request));
    authorize(who.may(actor.user), who.message);
    const { values } = await readForm(request);
    try {
      await run(actor, idOf(request), values);
      return back(reply, idOf(request), done);
    } catch (err) {
      return page(request, reply, actor, { values, errors: fieldErrorsOf(err, fallback, fieldMap), status: 422 });
    }
  }

  app.get('/console/requests/:id/fee', async (request, reply) => {
    const actor = staffActor(request);
    const q = request.query as FormValues;
    const basis = basisOf(q);
    if (!basis) return page(request, reply, actor);
    try {
      return await page(request, reply, actor, { values: q, preview: await requests.fees.assess(actor, idOf(request), { basis, pages: pagesOf(q) }) });
    } catch (err) {
      return page(request, reply, actor, { values: q, errors: fieldErrorsOf(err, 'pages'), status: 422 });
    }
  });

  app.post('/console/requests/:id/fee/notice', (request, reply) =>
    post(request, reply, OFFICE, 'notice', 'basis', async (actor, id, v) => {
      const basis = basisOf(v);
      await requests.act(actor, id, 'requestFee', { note: '', fee: basis ? { basis, pages: pagesOf(v), paymentMethod: value(v, 'paymentMethod') || undefined } : undefined });
    }, { 'fee.basis': 'basis', 'fee.pages': 'pages', 'fee.paymentMethod': 'paymentMethod' }));

  app.post('/console/requests/:id/fee/payment', (request, reply) =>
    post(request, reply, OFFICE, 'payment', 'paidOn', (actor, id, v) =>
      requests.act(actor, id, 'recordPayment', { note: '', payment: { paidOn: value(v, 'paidOn').trim() || undefined, reference: value(v, 'reference') } }),
    { 'payment.paidOn': 'paidOn', 'payment.reference': 'reference' }));

  app.post('/console/requests/:id/fee/close', (request, reply) =>
    post(request, reply, OFFICE, 'close', 'form', (actor, id) => requests.act(actor, id, 'closeUnpaid', { note: '' })));

  app.post('/console/requests/:id/fee/waiver', (request, reply) =>
    post(request, reply, OFFICE, 'waiver', 'reason', (actor, id, v) => requests.fees.proposeWaiver(actor, id, { reason: value(v, 'reason') })));

  app.post('/console/requests/:id/fee/waiver-decision', (request, reply) =>
    post(request, reply, LEADER, 'decided', 'approve', async (actor, id, v) => {
      const approve = value(v, 'approve');
      if (approve !== '1' && approve !== '0') throw validationFailed([{ field: 'approve', message: '请选择同意减免或不予减免' }]);
      return requests.fees.decideWaiver(actor, id, { approve: approve === '1', reason: value(v, 'decisionReason') });
    }, { reason: 'decisionReason' }));
}
