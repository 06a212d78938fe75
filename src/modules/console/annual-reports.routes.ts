// Console routes of the annual report: thin handlers around services.annualReports.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize } from '../../core/authz/authz.ts';
import { notFound } from '../../core/errors.ts';
import { sendDownload } from '../../core/http/download.ts';
import { sendPage } from '../../core/http/render.ts';
import type { Services } from '../../services.ts';
import { staffActor } from '../accounts/index.ts';
import { canEditAnnualReports, manualCells } from '../reports/index.ts';
import { AnnualReportPage, AnnualReportsPage } from './annual-reports.pages.tsx';
import { fieldErrorsOf, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { pageContext, redirect } from './console.routes.ts';

const NOTICES: Record<string, string> = { narrative: '已保存正文。', manual: '已保存手工填报数据。', submitted: '已提交审核。' };
const text = (values: FormValues, name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');

export function registerAnnualReportsRoutes(app: FastifyInstance, services: Services): void {
  const { annualReports } = services;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  async function reportPage(request: FastifyRequest, values: FormValues, errors: FieldErrorView[], notice?: string) {
    const actor = staffActor(request);
    const [ctx, found] = await Promise.all([pageContext(request, services), annualReports.get(actor, idOf(request))]);
    return AnnualReportPage({ ctx, ...found, canEdit: canEditAnnualReports(actor.user), values, errors, notice });
  }

  app.get('/console/reports', async (request, reply) => {
    const actor = staffActor(request);
    const [ctx, years] = await Promise.all([pageContext(request, services), annualReports.list(actor)]);
    return sendPage(reply, AnnualReportsPage({ ctx, years, canEdit: canEditAnnualReports(actor.user), errors: [] }));
  });

  // Role before form on every POST: only the office compiles the report (annual-reports.service).
  const mayEdit = (request: FastifyRequest) => authorize(canEditAnnualReports(staffActor(request).user), '只有公开办工作人员可以编辑年度报告');

  app.post('/console/reports', async (request, reply) => {
    mayEdit(request);
    const { values } = await readForm(request);
    const report = await annualReports.create(staffActor(request), Number(text(values, 'year')));
    return redirect(reply, `/console/reports/${report.id}`);
  });

  app.get('/console/reports/:id', async (request, reply) => {
    const done = (request.query as { done?: string }).done;
    return sendPage(reply, await reportPage(request, {}, [], done ? NOTICES[done] : undefined));
  });

  app.post('/console/reports/:id/narrative', async (request, reply) => {
    mayEdit(request);
    const { values } = await readForm(request);
    try {
      await annualReports.saveNarrative(staffActor(request), idOf(request), { overview: text(values, 'overview'), problems: text(values, 'problems'), other: text(values, 'other') });
      return redirect(reply, `/console/reports/${idOf(request)}?done=narrative`);
    } catch (err) {
      return sendPage(reply, await reportPage(request, values, fieldErrorsOf(err, 'overview')), 422);
    }
  });

  app.post('/console/reports/:id/manual', async (request, reply) => {
    mayEdit(request);
    const { values } = await readForm(request);
    const input = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]));
    try {
      await annualReports.saveManual(staffActor(request), idOf(request), input);
      return redirect(reply, `/console/reports/${idOf(request)}?done=manual`);
    } catch (err) {
      const keys = Object.fromEntries(manualCells('2021').concat(manualCells('2019')).map((c) => [c.key, c.key]));
      return sendPage(reply, await reportPage(request, values, fieldErrorsOf(err, 'overview', keys)), 422);
    }
  });

  app.post('/console/reports/:id/submit', async (request, reply) => {
    mayEdit(request);
    try {
      await annualReports.submit(staffActor(request), idOf(request));
      return redirect(reply, `/console/reports/${idOf(request)}?done=submitted`);
    } catch (err) {
      return sendPage(reply, await reportPage(request, {}, fieldErrorsOf(err, 'overview')), 422);
    }
  });

  app.get('/console/reports/:id/download.:format', async (request, reply) => {
    const format = (request.params as { format: string }).format;
    if (format !== 'docx' && format !== 'pdf') throw notFound();
    return sendDownload(reply, await annualReports.render(staffActor(request), idOf(request), format));
  });
}
