// /console/assessment (issue 6 part 5): the page, its XLSX export and the scoring-rule form.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sendDownload } from '../../core/http/download.ts';
import { sendPage } from '../../core/http/render.ts';
import { today } from '../../core/time/clock.ts';
import type { Services } from '../../services.ts';
import { staffActor } from '../accounts/index.ts';
import { assessmentWorkbook, canEditScoringRule, RULE_FIELDS } from '../reports/index.ts';
import { fieldErrorsOf, readForm } from './console.forms.ts';
import type { FieldErrorView, FormValues } from './console.layout.tsx';
import { pageContext, redirect } from './console.routes.ts';
import { AssessmentPage } from './assessment.pages.tsx';

const query = z.object({ period: z.string().max(10).optional(), agency: z.string().max(40).optional(), saved: z.string().optional() });

export function registerAssessmentRoutes(app: FastifyInstance, services: Services): void {
  const parseQuery = (request: FastifyRequest) => {
    const q = query.safeParse(request.query);
    const data = q.success ? q.data : {};
    return { ...data, period: data.period || today(services.clock).slice(0, 7) };
  };

  async function page(request: FastifyRequest, period: string, agencyId: string | undefined, values: FormValues, errors: FieldErrorView[], notice?: string) {
    const actor = staffActor(request);
    const [ctx, a] = await Promise.all([pageContext(request, services), services.assessment.assess(actor, { period, agencyId })]);
    const formValues = Object.keys(values).length ? values : Object.fromEntries(RULE_FIELDS.map((f) => [f, String(a.rule[f])]));
    return AssessmentPage({ ctx, a, canEdit: canEditScoringRule(actor), values: formValues, errors, notice });
  }

  app.get('/console/assessment', async (request, reply) => {
    const q = parseQuery(request);
    return sendPage(reply, await page(request, q.period, q.agency, {}, [], q.saved ? '已保存评分规则。' : undefined));
  });

  app.get('/console/assessment.xlsx', async (request, reply) => {
    const q = parseQuery(request);
    const a = await services.assessment.assess(staffActor(request), { period: q.period, agencyId: q.agency });
    const bytes = await assessmentWorkbook(a);
    return sendDownload(reply, { filename: `考核-${a.scope.agency.name}-${a.period.key}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes });
  });

  app.post('/console/assessment/rule', async (request, reply) => {
    const { values } = await readForm(request);
    const period = typeof values.period === 'string' && values.period ? values.period : today(services.clock).slice(0, 7);
    try {
      const input = Object.fromEntries(RULE_FIELDS.map((f) => [f, values[f]])) as Record<(typeof RULE_FIELDS)[number], unknown>;
      await services.assessment.saveRule(staffActor(request), input);
      return redirect(reply, `/console/assessment?period=${encodeURIComponent(period)}&saved=1`);
    } catch (err) {
      return sendPage(reply, await page(request, period, undefined, values, fieldErrorsOf(err, 'baseScore')), 422);
    }
  });
}
