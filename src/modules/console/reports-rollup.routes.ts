// /console/reports/rollup?year=: a city bureau's annual figures with its county bureaus, and the
// XLSX export. Staff of the agency only (the service checks; children via accounts.childAgencies).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from '../../core/errors.ts';
import { sendDownload } from '../../core/http/download.ts';
import { sendPage } from '../../core/http/render.ts';
import { today } from '../../core/time/clock.ts';
import type { Services } from '../../services.ts';
import { staffActor } from '../accounts/index.ts';
import { rollUpWorkbook } from '../reports/index.ts';
import { pageContext } from './console.routes.ts';
import { RollUpPage } from './reports-rollup.pages.tsx';

export function registerReportsRollUpRoutes(app: FastifyInstance, services: Services): void {
  /** The year asked for, by default the last full year (the one being reported on in January). */
  function yearOf(request: FastifyRequest): number {
    const raw = (request.query as { year?: string }).year;
    if (raw === undefined || raw === '') return Number(today(services.clock).slice(0, 4)) - 1;
    if (!/^\d{4}$/.test(raw) || Number(raw) < 2019) throw badRequest('BAD_YEAR', '年度应为 2019 年及以后的四位年份');
    return Number(raw);
  }

  app.get('/console/reports/rollup', async (request, reply) => {
    const actor = staffActor(request);
    const [ctx, result] = await Promise.all([pageContext(request, services), services.reportFigures.rollUpFor(actor, { agencyId: actor.user.agencyId, year: yearOf(request) })]);
    return sendPage(reply, RollUpPage({ ctx, result }));
  });

  app.get('/console/reports/rollup.xlsx', async (request, reply) => {
    const actor = staffActor(request);
    const result = await services.reportFigures.rollUpFor(actor, { agencyId: actor.user.agencyId, year: yearOf(request) });
    return sendDownload(reply, {
      filename: `${result.year}年度政府信息公开工作年度报告汇总.xlsx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: await rollUpWorkbook(result),
    });
  });
}
