// A request's record page and its actions: lifecycle verbs (services.requests.act), extension
// (第三十三条), split ("one matter per request") and the audited reveal of the identity number.
// Each form's fields carry the verb in their names, so a failed form keeps its own values.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../core/authz/authz.ts';
import { notFound } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import { sendDownload } from '../../core/http/download.ts';
import { staffActor, type StaffActor } from '../accounts/index.ts';
import { assertCanExtend, assertOfficerOf, EXTENDABLE_STATUSES, REQUEST_TRANSITIONS, type ActInput, type RequestDetail, type RequestVerb } from '../requests/index.ts';
import type { Services } from '../../services.ts';
import { fieldErrorsOf, parseForm, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { canActOnRequest, canRegisterRequests } from './console.policy.ts';
import { pageContext, redirect } from './console.routes.ts';
import { RequestRecordPage, type NoteRule } from './requests-record.pages.tsx';
import { actForm, extendForm, splitForm, verbField } from './requests.schemas.ts';
import { FEE_VERBS } from '../requests/index.ts';

const NEEDS_NOTE: NoteRule = Object.fromEntries(REQUEST_TRANSITIONS.filter((t) => t.needsNote).map((t) => [t.verb, true]));
const SPLITTABLE = ['received', 'accepted', 'assigned', 'drafting'];

const NOTICES: Record<string, string> = {
  registered: '申请已登记。',
  extended: '已延期答复，并生成告知申请人的记录。',
  split: '已拆分出新的申请。',
  accept: '已受理。', requestCorrection: '已发出补正通知。', receiveCorrection: '已登记补正材料，答复期限重新计算。', abandon: '已终止处理。',
  assign: '已交办承办单位。', reassign: '已改派承办单位。', startDrafting: '已开始办理。', startConsultation: '已开始征求意见，暂停计时。',
  endConsultation: '意见征询已结束，恢复计时。', submitReply: '答复稿已提交公开办审核。', returnReply: '已退回承办单位。', approve: '答复已审定。',
  deliver: '已登记送达。', close: '已办结。', withdraw: '已登记撤回。', merge: '已合并到另一件申请。',
};

/** Fields named `<field>-<verb>` on the page → the service's ActInput. */
function actInputOf(verb: RequestVerb, values: FormValues): { input?: ActInput; errors: FieldErrorView[] } {
  const suffixed = Object.fromEntries(Object.entries(values).filter(([k]) => k.endsWith(`-${verb}`)).map(([k, v]) => [k.slice(0, -verb.length - 1), v]));
  const parsed = parseForm(actForm, suffixed);
  if (!parsed.ok) return { errors: parsed.errors.map((e) => ({ ...e, field: `${e.field}-${verb}` })) };
  const d = parsed.data;
  if (NEEDS_NOTE[verb] && !d.note) return { errors: [{ field: `note-${verb}`, message: '请填写意见或理由' }] };
  const input: ActInput = { note: d.note };
  if (verb === 'assign' || verb === 'reassign') input.departmentIds = d.departmentIds;
  if (verb === 'receiveCorrection' && d.receivedOn) input.receivedOn = d.receivedOn;
  if (verb === 'requestCorrection' && d.correctionPeriodDays) input.correctionPeriodDays = Number(d.correctionPeriodDays);
  if (verb === 'startConsultation') input.consultation = { kind: d.consultationKind ?? 'thirdParty', partyName: d.partyName };
  if (verb === 'merge') input.mergeIntoTrackingCode = d.mergeIntoTrackingCode;
  if (verb === 'deliver')
    input.delivery = { method: d.deliveryMethod, deliveredOn: d.deliveredOn || undefined, trackingNumber: d.trackingNumber, recipientNote: d.recipientNote };
  return { input, errors: [] };
}

export function registerRequestRecordRoutes(app: FastifyInstance, services: Services): void {
  const { requests } = services;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  async function recordPage(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, r: RequestDetail, opts: { values?: FormValues; errors?: FieldErrorView[]; revealed?: string; status?: number } = {}) {
    const [ctx, departments, delivery] = await Promise.all([pageContext(request, services), services.accounts.departments(actor.user.agencyId), services.delivery.deliveryOf(actor, r.id)]);
    const officer = canRegisterRequests(actor.user);
    const can = {
      // The fee verbs have their own page (request-fee.routes.ts): amount, basis and payment forms.
      verbs: requests.availableVerbs(actor, { status: r.status, agencyId: r.agencyId, handlingDepartmentIds: r.handlingDepartments.map((d) => d.id) }).filter((v) => !FEE_VERBS.includes(v)),
      canExtend: officer && EXTENDABLE_STATUSES.includes(r.status) && r.extensionDays === 0,
      canSplit: officer && SPLITTABLE.includes(r.status),
      canReveal: officer,
    };
    const done = (request.query as { done?: string }).done;
    const notice = opts.revealed ? '已显示完整证件号码；本次查看已记入审计日志。' : done ? NOTICES[done] : undefined;
    const page = RequestRecordPage({ ctx, r, can, needsNote: NEEDS_NOTE, departments, values: opts.values ?? {}, errors: opts.errors ?? [], notice, revealed: opts.revealed, delivery });
    return sendPage(reply, page, opts.status ?? 200);
  }

  app.get('/console/requests/:id', async (request, reply) => {
    const actor = staffActor(request);
    return recordPage(request, reply, actor, await requests.get(actor, idOf(request)));
  });

  app.get('/console/requests/:id/attachments/:attachmentId', async (request, reply) => {
    const actor = staffActor(request);
    const { attachmentId } = request.params as { attachmentId: string };
    return sendDownload(reply, await requests.attachment(actor, idOf(request), attachmentId));
  });

  // Role before form on every POST: the request (404 for another agency's) and who may act on it,
  // then the submitted form; the service checks again, with the request's state.
  app.post('/console/requests/:id/act', async (request, reply) => {
    const actor = staffActor(request);
    const id = idOf(request);
    const detail = await requests.get(actor, id);
    authorize(canActOnRequest(actor.user, detail), '您不能办理该申请');
    const { values } = await readForm(request);
    const verb = verbField.safeParse(values);
    if (!verb.success) throw notFound('没有这项操作');
    const v = verb.data.verb;
    authorize(canActOnRequest(actor.user, detail, [v]), '您不能对该申请执行此操作');
    const { input, errors: formErrors } = actInputOf(v, values);
    let errors = formErrors;
    if (input) {
      try {
        await requests.act(actor, id, v, input);
        return redirect(reply, `/console/requests/${encodeURIComponent(id)}?done=${v}`);
      } catch (err) {
        const map = Object.fromEntries(['note', 'departmentIds', 'receivedOn', 'correctionPeriodDays', 'mergeIntoTrackingCode', 'partyName'].map((f) => [f, `${f}-${v}`]));
        const delivery = { 'delivery.method': `deliveryMethod-${v}`, 'delivery.deliveredOn': `deliveredOn-${v}`, 'delivery.trackingNumber': `trackingNumber-${v}`, 'delivery.recipientNote': `recipientNote-${v}` };
        errors = fieldErrorsOf(err, `note-${v}`, { ...map, ...delivery, consultation: `partyName-${v}` });
      }
    }
    return recordPage(request, reply, actor, await requests.get(actor, id), { values, errors, status: 422 });
  });

  app.post('/console/requests/:id/extend', async (request, reply) => {
    const actor = staffActor(request);
    const id = idOf(request);
    const [detail, departments] = await Promise.all([requests.get(actor, id), services.accounts.departments(actor.user.agencyId)]);
    assertCanExtend(actor.user, detail, departments.some((d) => d.id === actor.user.departmentId && Number(d.isDisclosureOffice) === 1));
    const { values } = await readForm(request);
    const parsed = parseForm(extendForm, values);
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        await requests.extend(actor, id, parsed.data);
        return redirect(reply, `/console/requests/${encodeURIComponent(id)}?done=extended`);
      } catch (err) {
        errors = fieldErrorsOf(err, 'reason');
      }
    }
    return recordPage(request, reply, actor, await requests.get(actor, id), { values, errors, status: 422 });
  });

  app.post('/console/requests/:id/split', async (request, reply) => {
    const actor = staffActor(request);
    const id = idOf(request);
    assertOfficerOf(actor.user, await requests.get(actor, id));
    const { values } = await readForm(request);
    const parsed = parseForm(splitForm, { infoDescription: values.infoDescription, note: values.splitNote });
    let errors = parsed.ok ? [] : parsed.errors.map((e) => (e.field === 'note' ? { ...e, field: 'splitNote' } : e));
    if (parsed.ok) {
      try {
        const created = await requests.split(actor, id, parsed.data);
        return redirect(reply, `/console/requests/${encodeURIComponent(created.id)}?done=split`);
      } catch (err) {
        errors = fieldErrorsOf(err, 'splitNote', { note: 'splitNote' });
      }
    }
    return recordPage(request, reply, actor, await requests.get(actor, id), { values, errors, status: 422 });
  });

  app.post('/console/requests/:id/reveal', async (request, reply) => {
    const actor = staffActor(request);
    const id = idOf(request);
    const revealed = await requests.revealIdNumber(actor, id);
    reply.header('cache-control', 'no-store');
    return recordPage(request, reply, actor, await requests.get(actor, id), { revealed });
  });
}
