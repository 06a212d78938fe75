// Release coordination pages (发布协调): list and send from an item, record the outcome, print.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { parseParams } from '../../core/http/api.ts';
import { sendDownload } from '../../core/http/download.ts';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { hasRole, staffActor } from '../accounts/index.ts';
import { assertCanReadContent } from '../catalog/index.ts';
import { COORDINATION_LETTER_TITLE, coordinationLetterDocx, DOCX_MEDIA_TYPE } from '../office-records/index.ts';
import { fieldErrorsOf, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { CoordinationLetterPage, CoordinationPage } from './coordination.pages.tsx';
import { pageContext, redirect } from './console.routes.ts';
import { canHandleItemOffice } from './console.policy.ts';

const idParams = z.object({ id: z.string().min(1).max(64) });

export function registerCoordinationRoutes(app: FastifyInstance, services: Services): void {
  const { coordination } = services.officeRecords;

  async function page(request: Parameters<typeof staffActor>[0], itemId: string, values: FormValues, errors: FieldErrorView[]) {
    const actor = staffActor(request);
    assertCanReadContent(actor.user);
    const item = await services.catalog.getForStaff(actor, itemId);
    const letters = await coordination.list(actor, itemId);
    const own = hasRole(actor.user, 'drafter', 'departmentHead') && actor.user.departmentId === item.departmentId;
    const canSend = (own || hasRole(actor.user, 'officer')) && item.status !== 'published' && item.status !== 'takenDown';
    return CoordinationPage({ ctx: await pageContext(request, services), itemId, itemTitle: item.title, letters, canSend, values, errors });
  }

  app.get('/console/items/:id/coordination', async (request, reply) => {
    const { id } = parseParams(idParams, request.params);
    return sendPage(reply, await page(request, id, {}, []));
  });

  app.post('/console/items/:id/coordination', async (request, reply) => {
    const { id } = parseParams(idParams, request.params);
    const actor = staffActor(request);
    // Role before form: the item (404 for another agency's) and who may coordinate, then the form.
    authorize(canHandleItemOffice(actor.user, await services.catalog.getForStaff(actor, id)), '只有公开办或本科室人员可以发起发布协调');
    const { values } = await readForm(request);
    try {
      await coordination.send(actor, id, {
        recipientAgency: String(values.recipientAgency ?? ''), recipientContact: String(values.recipientContact ?? ''), question: String(values.question ?? ''),
      });
      return redirect(reply, `/console/items/${id}/coordination`);
    } catch (err) {
      return sendPage(reply, await page(request, id, values, fieldErrorsOf(err, 'question')), 422);
    }
  });

  app.post('/console/coordination/:id/outcome', async (request, reply) => {
    const { id } = parseParams(idParams, request.params);
    const actor = staffActor(request);
    // Role before form: the office or the item's own department (office-records coordination.service).
    authorize(hasRole(actor.user, 'officer', 'drafter', 'departmentHead'), '只有公开办或本科室人员可以登记协调结果');
    const letter = await coordination.get(actor, id);
    authorize(canHandleItemOffice(actor.user, await services.catalog.getForStaff(actor, letter.itemId)), '只有公开办或本科室人员可以登记协调结果');
    const { values } = await readForm(request);
    try {
      await coordination.recordOutcome(actor, id, {
        outcome: String(values.outcome ?? '') as 'agreed', answerText: String(values.answerText ?? ''), answeredOn: String(values.answeredOn ?? ''),
      });
      return redirect(reply, `/console/items/${letter.itemId}/coordination`);
    } catch (err) {
      return sendPage(reply, await page(request, letter.itemId, {}, fieldErrorsOf(err, 'question')), 422);
    }
  });

  // The same letter as a Word file in the official-letter layout (core/documents).
  app.get('/console/coordination/:id/letter.docx', async (request, reply) => {
    const { id } = parseParams(idParams, request.params);
    const actor = staffActor(request);
    // A letter is read with its item: the work roles (三员分立), before the letter is looked up.
    assertCanReadContent(actor.user);
    const c = await coordination.get(actor, id);
    const [item, ctx] = await Promise.all([services.catalog.getForStaff(actor, c.itemId), pageContext(request, services)]);
    const bytes = await coordinationLetterDocx(c, item.title, ctx.agencyName);
    return sendDownload(reply, { filename: `${COORDINATION_LETTER_TITLE}（${c.number}）.docx`, mediaType: DOCX_MEDIA_TYPE, bytes });
  });

  app.get('/console/coordination/:id/letter', async (request, reply) => {
    const { id } = parseParams(idParams, request.params);
    const actor = staffActor(request);
    // A letter is read with its item: the work roles (三员分立), before the letter is looked up.
    assertCanReadContent(actor.user);
    const c = await coordination.get(actor, id);
    const item = await services.catalog.getForStaff(actor, c.itemId);
    return sendPage(reply, CoordinationLetterPage({ ctx: await pageContext(request, services), c, itemTitle: item.title }));
  });
}
