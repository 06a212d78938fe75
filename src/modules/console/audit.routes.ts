// The audit log page and its exports: the auditor only (三员分立; the system administrator and
// everyone else get 403, and the service refuses them too).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../core/authz/authz.ts';
import { contentDisposition } from '../../core/http/download.ts';
import { sendPage } from '../../core/http/render.ts';
import { today } from '../../core/time/clock.ts';
import type { Services } from '../../services.ts';
import { canReadAuditLog, staffActor, type AuditLogFilters, type StaffActor } from '../accounts/index.ts';
import { auditCsv, auditXlsx } from './audit-export.ts';
import { AuditPage } from './audit.pages.tsx';
import { pageContext } from './console.routes.ts';

const text = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(100).optional().catch(undefined));
const date = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined));
const auditFilters = z.object({ from: date, to: date, action: text, actor: text, subject: text });
const pageParam = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export function registerAuditRoutes(app: FastifyInstance, services: Services): void {
  const { accounts } = services;

  function auditorOf(request: FastifyRequest): StaffActor {
    const actor = staffActor(request);
    authorize(canReadAuditLog(actor.user), '仅安全审计员可查阅审计日志（三员分立）');
    return actor;
  }
  const filtersOf = (request: FastifyRequest): AuditLogFilters => auditFilters.parse(request.query ?? {});

  app.get('/console/audit', async (request, reply) => {
    const actor = auditorOf(request);
    const filters = filtersOf(request);
    const { page } = pageParam.parse(request.query ?? {});
    const [ctx, result, chain] = await Promise.all([
      pageContext(request, services), accounts.auditEvents(actor, filters, page), accounts.auditChainState(actor),
    ]);
    return sendPage(reply, AuditPage({ ctx, filters, result, chain }));
  });

  app.get('/console/audit/export.csv', async (request, reply) => {
    const actor = auditorOf(request);
    const events = await accounts.auditExport(actor, filtersOf(request), 'csv');
    return reply
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .header('content-disposition', contentDisposition(`审计日志-${today(services.clock)}.csv`))
      .send(auditCsv(events));
  });

  app.get('/console/audit/export.xlsx', async (request, reply) => {
    const actor = auditorOf(request);
    const events = await accounts.auditExport(actor, filtersOf(request), 'xlsx');
    const on = today(services.clock);
    return reply
      .header('cache-control', 'no-store')
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition(`审计日志-${on}.xlsx`))
      .send(await auditXlsx(events, `审计日志（导出日期 ${on}，共 ${events.length} 个事件）`));
  });
}
