// The staff JSON API of the annual report's figures (第五十条): tables 二, 三 and 四 with the checks,
// the same JSON as `gongkai report annual --format json` (annualReports.forExport: the stored
// report's frozen snapshot once submitted, else live figures with its hand-entered cells). Who may
// read them is the figures' own rule (reports.policy: the office, leaders and department heads).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { validationFailed } from '../../core/errors.ts';
import { apiRoute } from '../../core/http/api.ts';
import { staffActor } from '../accounts/index.ts';
import type { Services } from '../../services.ts';
import { FIRST_REPORT_YEAR } from './annual-reports.service.ts';
import { assertCanComputeFor } from './reports.policy.ts';

const reportRow = z.object({
  key: z.string().optional(),
  label: z.string(),
  group: z.string().optional(),
  /** null: a hand-entered figure nobody entered (shown blank, never 0). */
  values: z.array(z.number().nullable()),
  manual: z.array(z.boolean()).optional(),
});

export const annualFiguresResponse = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  year: z.number(),
  /** '2019' for 2019–2020 (国办公开办函〔2019〕60号), '2021' from 2021 (国办公开办函〔2021〕30号). */
  format: z.enum(['2019', '2021']),
  table2: z.array(z.object({ section: z.string(), columns: z.array(z.string()), rows: z.array(reportRow) })),
  table3: z.array(reportRow),
  table4: z.array(reportRow),
  checks: z.array(z.object({
    name: z.string(),
    ok: z.boolean(),
    column: z.string().optional(),
    detail: z.string(),
    requests: z.array(z.object({ trackingCode: z.string(), problem: z.string() })),
  })),
  feesCollectedFen: z.number(),
  computedAt: z.string(),
});

export function registerReportsApi(app: FastifyInstance, services: Services): void {
  apiRoute(app, {
    method: 'GET', url: '/api/v1/staff/reports/annual/:year/figures', summary: '本机关年度报告数据（表二、表三、表四及校验；同 gongkai report annual --format json）', tags: ['reports', 'staff'], access: 'staff',
    // The year is read after the role check, so that a refused caller learns nothing from it.
    params: z.object({ year: z.string().min(1).max(64).describe(`四位年份，${FIRST_REPORT_YEAR} 年及以后`) }),
    authorize: (request) => { const { user } = staffActor(request); assertCanComputeFor(user, user.agencyId, []); },
    response: annualFiguresResponse,
  }, async (request, { params }) => {
    if (!/^\d{4}$/.test(params.year) || Number(params.year) < FIRST_REPORT_YEAR)
      throw validationFailed([{ field: 'params.year', message: `年度应为 ${FIRST_REPORT_YEAR} 年及以后的四位年份` }]);
    const { figures } = await services.annualReports.forExport(staffActor(request).user.agencyId, Number(params.year));
    return figures;
  });
}
