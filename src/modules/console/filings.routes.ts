// Routes of the quarterly withholding filings: list and generate, review rows, mark filed, export.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../core/authz/authz.ts';
import { sendDownload } from '../../core/http/download.ts';
import { sendPage } from '../../core/http/render.ts';
import { hasRole, staffActor, type StaffActor } from '../accounts/index.ts';
import { canSeeFilings } from '../requests/index.ts';
import type { Services } from '../../services.ts';
import { fieldErrorsOf, readForm } from './console.forms.ts';
import { value, type FieldErrorView, type FormValues } from './console.layout.tsx';
import { pageContext, redirect } from './console.routes.ts';
import { FilingPage, FilingsListPage } from './filings.pages.tsx';

export function registerFilingsRoutes(app: FastifyInstance, services: Services): void {
  const { filings } = services.requests;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
  const actorOf = (request: FastifyRequest) => {
    const actor = staffActor(request);
    authorize(canSeeFilings(actor.user), '只有公开办工作人员或保密审查员可以办理不予公开备案');
    return actor;
  };

  async function listPage(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, opts: { values?: FormValues; errors?: FieldErrorView[]; status?: number } = {}) {
    const page = FilingsListPage({ ctx: await pageContext(request, services), filings: await filings.list(actor), canGenerate: hasRole(actor.user, 'officer'), values: opts.values ?? {}, errors: opts.errors ?? [] });
    return sendPage(reply, page, opts.status ?? 200);
  }

  async function filingPage(request: FastifyRequest, reply: FastifyReply, actor: StaffActor, opts: { values?: FormValues; errors?: FieldErrorView[]; status?: number } = {}) {
    const f = await filings.get(actor, idOf(request));
    const notice = (request.query as { done?: string }).done ? '已保存。' : undefined;
    const page = FilingPage({ ctx: await pageContext(request, services), f, canFile: hasRole(actor.user, 'officer'), values: opts.values ?? {}, errors: opts.errors ?? [], notice });
    return sendPage(reply, page, opts.status ?? 200);
  }

  app.get('/console/filings', async (request, reply) => listPage(request, reply, actorOf(request)));

  // Generating a filing and recording that it was filed are the office's (filings.service); the
  // confidentiality reviewer reviews rows. Role before form.
  const officeOf = (request: FastifyRequest) => {
    const actor = actorOf(request);
    authorize(hasRole(actor.user, 'officer'), '只有公开办工作人员可以生成备案表或登记报送');
    return actor;
  };

  app.post('/console/filings', async (request, reply) => {
    const actor = officeOf(request);
    const { values } = await readForm(request);
    try {
      const f = await filings.generate(actor, { year: Number(value(values, 'year')), quarter: Number(value(values, 'quarter')) });
      return redirect(reply, `/console/filings/${encodeURIComponent(f.id)}?done=1`);
    } catch (err) {
      return listPage(request, reply, actor, { values, errors: fieldErrorsOf(err, 'year'), status: 422 });
    }
  });

  app.get('/console/filings/:id', async (request, reply) => filingPage(request, reply, actorOf(request)));

  app.post('/console/filings/:id/rows/:rowId', async (request, reply) => {
    const actor = actorOf(request);
    const { rowId } = request.params as { rowId: string };
    const { values } = await readForm(request);
    try {
      await filings.reviewRow(actor, idOf(request), rowId, { classificationLevel: value(values, `level-${rowId}`), confidentialityOpinion: value(values, `opinion-${rowId}`) });
      return redirect(reply, `/console/filings/${encodeURIComponent(idOf(request))}?done=1`);
    } catch (err) {
      const map = { classificationLevel: `level-${rowId}`, confidentialityOpinion: `opinion-${rowId}` };
      return filingPage(request, reply, actor, { values, errors: fieldErrorsOf(err, map.classificationLevel, map), status: 422 });
    }
  });

  app.post('/console/filings/:id/filed', async (request, reply) => {
    const actor = officeOf(request);
    const { values } = await readForm(request);
    try {
      await filings.markFiled(actor, idOf(request), { filedOn: value(values, 'filedOn'), filedTo: value(values, 'filedTo') });
      return redirect(reply, `/console/filings/${encodeURIComponent(idOf(request))}?done=1`);
    } catch (err) {
      return filingPage(request, reply, actor, { values, errors: fieldErrorsOf(err, 'filedOn'), status: 422 });
    }
  });

  app.get('/console/filings/:id/export.:format', async (request, reply) => {
    const { format } = request.params as { format: string };
    if (format !== 'xlsx' && format !== 'docx') return reply.callNotFound();
    return sendDownload(reply, await filings.export(actorOf(request), idOf(request), format));
  });
}
