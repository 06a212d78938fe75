// An item's record page and what is done from it: review verbs (services.review.act), repeal,
// revision of a published item, and the printable review record sheet.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { notFound } from '../../core/errors.ts';
import { sendPage } from '../../core/http/render.ts';
import { today } from '../../core/time/clock.ts';
import { staffActor, type StaffActor } from '../accounts/index.ts';
import type { ItemDetail } from '../catalog/catalog.contract.ts';
import type { ReviewVerb } from '../review/review.contract.ts';
import { hasRoleForVerb } from '../review/index.ts';
import { fieldErrorsOf, parseForm, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { canChangePublishedItems, canEditDraft, canHandleItemOffice, canRepeal, canRevisePublished, canSeeItems } from './console.policy.ts';
import { pageContext, redirect } from './console.routes.ts';
import { actionForm, itemForm, repealForm, reviseForm } from './console.schemas.ts';
import type { Services } from '../../services.ts';
import { itemDeadline } from './item-deadline.ts';
import { canDecideFindings, REASON_REQUIRED } from '../privacy/index.ts';
import { ItemRecordPage, recordNotice, ReviewSheetPage } from './item-record.pages.tsx';
import { ItemEditorPage } from './items.pages.tsx';
import { itemValues } from './items.routes.ts';
import { clarificationInputOf, clarificationValues, loadItemOffice } from './item-office.ts';

const VERBS = ['submit', 'approve', 'sendBack', 'publish', 'takedown'] as const satisfies readonly ReviewVerb[];
const verbField = z.object({ verb: z.enum(VERBS) });
/** Verbs whose opinion is required: a send-back or takedown must say why. */
const OPINION_REQUIRED: Partial<Record<ReviewVerb, string>> = { sendBack: '退回修改须填写意见，说明需要修改的内容', takedown: '撤稿须填写原因' };

export function registerItemRecordRoutes(app: FastifyInstance, services: Services): void {
  const { catalog, review } = services;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  async function recordPage(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, item: ItemDetail, values: FormValues, errors: FieldErrorView[], status = 200) {
    const [ctx, records, calendar, findings, office, redactions] = await Promise.all([
      pageContext(request, services), review.records(actor, item.id), services.calendar.get(), services.privacy.findingsOf(actor, item.id), loadItemOffice(services, actor, item),
      services.redaction.attachmentStates(actor, item.id),
    ]);
    const can = {
      verbs: review.availableVerbs(actor, item),
      canEdit: canEditDraft(actor.user, item),
      canRevise: canRevisePublished(actor.user, item),
      canRepeal: canRepeal(actor.user, item),
    };
    const deadline = itemDeadline(calendar, item, today(services.clock));
    const notice = recordNotice((request.query as { done?: string }).done);
    const q = request.query as { finding?: string; findingError?: string };
    const privacy = { findings, canDecide: item.status === 'confidentialityReview' && canDecideFindings(actor.user), error: q.finding && q.findingError === 'reason' ? { findingId: q.finding, message: REASON_REQUIRED } : undefined };
    // The clarification form starts from what was saved; what was typed (values) wins.
    const shown = { ...clarificationValues(office.clarification), ...values };
    return sendPage(reply, ItemRecordPage({ ctx, item, deadline, records, can, values: shown, errors, notice, privacy, office, redactions }), status);
  }

  app.get('/console/items/:id', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canSeeItems(actor.user));
    const item = await catalog.getForStaff(actor, idOf(request));
    return recordPage(request, reply, actor, item, {}, []);
  });

  // Role before form: a work role, then (once the verb is known) a role some step of the review
  // workflow takes the verb with; the item's state and department are checked when acting.
  app.post('/console/items/:id/act', async (request, reply) => {
    const actor = staffActor(request);
    const id = idOf(request);
    authorize(canSeeItems(actor.user));
    const { values } = await readForm(request);
    const verb = verbField.safeParse(values);
    if (!verb.success) throw notFound('没有这项操作');
    const v = verb.data.verb;
    authorize(hasRoleForVerb(actor.user, v), '您不能执行这项审核操作');
    const kept = { [`opinion-${v}`]: values.opinion, [`basis-${v}`]: values.basis };
    const parsed = parseForm(actionForm, values);
    let errors: FieldErrorView[] = parsed.ok ? [] : parsed.errors.map((e) => ({ ...e, field: `${e.field}-${v}` }));
    if (parsed.ok && OPINION_REQUIRED[v] && !parsed.data.opinion) errors = [{ field: `opinion-${v}`, message: OPINION_REQUIRED[v]! }];
    if (parsed.ok && !errors.length) {
      try {
        await review.act(actor, id, v, parsed.data);
        return redirect(reply, `/console/items/${id}?done=${v}`);
      } catch (err) {
        errors = fieldErrorsOf(err, `opinion-${v}`, { opinion: `opinion-${v}`, basis: `basis-${v}` });
      }
    }
    const item = await catalog.getForStaff(actor, id);
    return recordPage(request, reply, actor, item, kept, errors, 422);
  });

  // 澄清: mark a draft as a clarification (office-records module); errors keep what was typed.
  app.post('/console/items/:id/clarification', async (request, reply) => {
    const actor = staffActor(request);
    const id = idOf(request);
    // Role before form: the item (404 for another agency's) and who may mark it, then the form.
    authorize(canHandleItemOffice(actor.user, await catalog.getForStaff(actor, id)), '只有本科室人员或公开办可以标记澄清信息');
    const { values } = await readForm(request);
    const kept = { correctsItem: values.correctsItem ?? '', circulatingInfo: values.circulatingInfo ?? '', circulatingUrl: values.circulatingUrl ?? '' };
    let errors: FieldErrorView[];
    try {
      await services.officeRecords.clarifications.mark(actor, id, await clarificationInputOf(services, actor, values));
      return redirect(reply, `/console/items/${id}?done=clarification`);
    } catch (err) {
      errors = fieldErrorsOf(err, 'circulatingInfo', { correctsItemId: 'correctsItem' });
    }
    const item = await catalog.getForStaff(actor, id);
    return recordPage(request, reply, actor, item, kept, errors, 422);
  });

  app.post('/console/items/:id/repeal', async (request, reply) => {
    const actor = staffActor(request);
    const id = idOf(request);
    await catalog.getForStaff(actor, id);
    authorize(canChangePublishedItems(actor.user), '只有公开办工作人员可以废止信息');
    const { values } = await readForm(request);
    const parsed = parseForm(repealForm, values);
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      try {
        await catalog.repeal(actor, id, parsed.data);
        return redirect(reply, `/console/items/${id}?done=repealed`);
      } catch (err) {
        errors = fieldErrorsOf(err, 'reason');
      }
    }
    const item = await catalog.getForStaff(actor, id);
    return recordPage(request, reply, actor, item, values, errors, 422);
  });

  async function reviseEditor(request: FastifyRequest, actor: StaffActor, item: ItemDetail, values: FormValues, errors: FieldErrorView[]) {
    authorize(canRevisePublished(actor.user, item), '只有公开办工作人员可以修订已发布的信息');
    const [ctx, columns, policies] = await Promise.all([
      pageContext(request, services),
      catalog.columnTree(actor.user.agencyId),
      catalog.listForStaff(actor, { status: 'published', page: 1, pageSize: 100 }),
    ]);
    const policyItems = policies.items.filter((i) => i.id !== item.id);
    return ItemEditorPage({ ctx, mode: { kind: 'revise', itemId: item.id }, columns, policyItems, values, errors });
  }

  app.get('/console/items/:id/revise', async (request, reply) => {
    const actor = staffActor(request);
    const item = await catalog.getForStaff(actor, idOf(request));
    return sendPage(reply, await reviseEditor(request, actor, item, itemValues(item), []));
  });

  app.post('/console/items/:id/revise', async (request, reply) => {
    const actor = staffActor(request);
    const item = await catalog.getForStaff(actor, idOf(request));
    authorize(canRevisePublished(actor.user, item), '只有公开办工作人员可以修订已发布的信息');
    const { values } = await readForm(request);
    const parsed = parseForm(itemForm, values);
    const reason = parseForm(reviseForm, values);
    let errors = [...(parsed.ok ? [] : parsed.errors), ...(reason.ok ? [] : reason.errors)];
    if (parsed.ok && reason.ok) {
      try {
        await catalog.revise(actor, item.id, parsed.data, reason.data.reviseReason);
        return redirect(reply, `/console/items/${item.id}?done=revised`);
      } catch (err) {
        errors = fieldErrorsOf(err, 'title', { reason: 'reviseReason', input: 'reviseReason' });
      }
    }
    return sendPage(reply, await reviseEditor(request, actor, item, values, errors), 422);
  });

  app.get('/console/items/:id/review-records', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canSeeItems(actor.user));
    const id = idOf(request);
    const [ctx, item, records] = await Promise.all([pageContext(request, services), catalog.getForStaff(actor, id), review.records(actor, id)]);
    return sendPage(reply, ReviewSheetPage({ ctx, item, records, printedOn: today(services.clock) }));
  });
}
