// Redaction pages: the workspace of one attachment, its page images, the forms that mark areas
// or accept findings, 应用删除, and the printable log. Rules live in the redaction service.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { parseParams } from '../../core/http/api.ts';
import { sendPage } from '../../core/http/render.ts';
import { today } from '../../core/time/clock.ts';
import { hasRole, staffActor, type StaffActor } from '../accounts/index.ts';
import type { Services } from '../../services.ts';
import { AppError } from '../../core/errors.ts';
import { fieldErrorsOf, parseForm, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { canSeeItems } from './console.policy.ts';
import { pageContext, redirect } from './console.routes.ts';
import { RedactionLogPage, RedactionPage } from './redaction.pages.tsx';

const params = z.object({ id: z.string().min(1).max(64), attachmentId: z.string().min(1).max(64) });
const num = (label: string) => z.coerce.number({ error: `请填写${label}` }).refine(Number.isFinite, `请填写${label}`);
const areaForm = z.object({ page: z.coerce.number().int().min(1, '请选择页码'), x: num('左边距 x'), y: num('上边距 y'), width: num('宽度'), height: num('高度'), reason: z.string() });
const NOTICES: Record<string, string> = { marked: '已标注删除区域。', removed: '已撤销该区域。', applied: '已应用删除，生成了公开副本。' };

export function registerRedactionRoutes(app: FastifyInstance, services: Services): void {
  const { redaction } = services;
  const ids = (request: FastifyRequest) => parseParams(params, request.params);
  const baseOf = (p: { id: string; attachmentId: string }) => `/console/items/${p.id}/attachments/${p.attachmentId}/redact`;

  async function page(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, values: FormValues, errors: FieldErrorView[], status = 200) {
    const p = ids(request);
    const [ctx, ws] = await Promise.all([pageContext(request, services), redaction.workspace(actor, p.id, p.attachmentId)]);
    const findings = ws.canEdit ? await redaction.findings(actor, p.id, p.attachmentId) : [];
    const done = (request.query as { done?: string }).done;
    return sendPage(reply, RedactionPage({ ctx, ws, findings, values, errors, notice: done ? NOTICES[done] : undefined }), status);
  }

  /** Runs one form action; a user-correctable error shows the workspace again with the input kept. */
  async function action(request: FastifyRequest, reply: FastifyReply, run: (actor: StaffActor, values: FormValues) => Promise<string>, fields?: Record<string, string>) {
    const actor = staffActor(request);
    // Role before form: only the confidentiality reviewer (保密审查) and the office (复核) mark
    // redactions (privacy redaction.policy), each in its own step of the item's workflow.
    authorize(hasRole(actor.user, 'confidentialityReviewer', 'officer'), '只有保密审查员或公开办可以标注删除区域');
    // Which of them the item's state allows is checked before the form too (a refused role gets 403, not 422).
    const p = ids(request);
    authorize((await redaction.workspace(actor, p.id, p.attachmentId)).canEdit, '只有保密审查员（保密审查环节）或公开办（复核环节）可以标注删除区域');
    const { values } = await readForm(request);
    try {
      const done = await run(actor, values);
      return redirect(reply, `${baseOf(ids(request))}?done=${done}`);
    } catch (err) {
      return page(request, reply, actor, values, fieldErrorsOf(err, 'reason', fields), 422);
    }
  }

  app.get('/console/items/:id/attachments/:attachmentId/redact', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canSeeItems(actor.user));
    return page(request, reply, actor, {}, []);
  });

  app.get('/console/items/:id/attachments/:attachmentId/pages/:n', async (request, reply) => {
    const actor = staffActor(request);
    authorize(canSeeItems(actor.user));
    const p = ids(request);
    const n = Number(/^(\d{1,5})\.png$/.exec((request.params as { n: string }).n)?.[1] ?? NaN);
    const which = (request.query as { copy?: string }).copy === 'redacted' ? 'redacted' : 'marked';
    const png = await redaction.pageImage(actor, p.id, p.attachmentId, Number.isInteger(n) ? n : 0, which);
    return reply.type('image/png').header('cache-control', 'private, no-store').send(png);
  });

  app.post('/console/items/:id/attachments/:attachmentId/redact/areas', (request, reply) =>
    action(request, reply, async (actor, values) => {
      const parsed = parseForm(areaForm, values);
      if (!parsed.ok) throw new AppError(422, 'VALIDATION_FAILED', '请检查区域', parsed.errors);
      const p = ids(request);
      await redaction.addArea(actor, p.id, p.attachmentId, parsed.data);
      return 'marked';
    }, { reason: 'areaReason' }));

  app.post('/console/items/:id/attachments/:attachmentId/redact/accept', (request, reply) =>
    action(request, reply, async (actor, values) => {
      const p = ids(request);
      const reason = String(values.reason ?? '');
      const chosen = [values.finding ?? []].flat().map((v) => ({ type: v.slice(0, v.indexOf(':')), text: v.slice(v.indexOf(':') + 1) }));
      const typed = String(values.text ?? '').trim();
      if (typed) chosen.push({ type: '', text: typed });
      if (chosen.length === 0) throw new AppError(422, 'VALIDATION_FAILED', '请勾选或填写要删除的内容', [{ field: 'text', message: '请勾选或填写要删除的内容' }]);
      for (const c of chosen) await redaction.acceptText(actor, p.id, p.attachmentId, { text: c.text, type: c.type || undefined, reason });
      return 'marked';
    }));

  app.post('/console/items/:id/attachments/:attachmentId/redact/areas/:areaId/delete', (request, reply) =>
    action(request, reply, async (actor) => {
      const p = ids(request);
      await redaction.removeArea(actor, p.id, p.attachmentId, (request.params as { areaId: string }).areaId);
      return 'removed';
    }));

  app.post('/console/items/:id/attachments/:attachmentId/redact/apply', (request, reply) =>
    action(request, reply, async (actor) => {
      const p = ids(request);
      await redaction.apply(actor, p.id, p.attachmentId);
      return 'applied';
    }));

  app.get('/console/items/:id/redactions', async (request, reply) => {
    const actor = staffActor(request);
    const id = (request.params as { id: string }).id;
    const [ctx, log] = await Promise.all([pageContext(request, services), redaction.log(actor, id)]);
    return sendPage(reply, RedactionLogPage({ ctx, item: log.item, entries: log.entries, copies: log.copies, printedOn: today(services.clock) }));
  });
}
