// The audit log as the auditor reads it (三员分立: the auditor reads and exports the log and no one
// else does, not even the system administrator). The chain check walks the whole chain.
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { verifyAuditChain } from '../../core/audit/verify.ts';
import { authorize } from '../../core/authz/authz.ts';
import type { Db } from '../../core/db/database.ts';
import type { Clock } from '../../core/time/clock.ts';
import { auditActor, type StaffActor } from './accounts.http.ts';
import { canReadAuditLog } from './accounts.policy.ts';
import { auditLogRepository, type AuditLogQuery } from './audit-log.repository.ts';

export const AUDIT_PAGE_SIZE = 50;
/** An export holds at most this many events; narrower filters export the rest. */
export const AUDIT_EXPORT_MAX = 10_000;

/** Filters as the page takes them: legal dates (Beijing) and free text. */
export interface AuditLogFilters {
  from?: string;
  to?: string;
  action?: string;
  actor?: string;
  subject?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Start of a Beijing day as a UTC instant (no DST in China). */
const dayStart = (date: string) => `${date}T00:00:00+08:00`;

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function toQuery(agencyId: string, f: AuditLogFilters): AuditLogQuery {
  const text = (v?: string) => v?.trim().slice(0, 100) || undefined;
  return {
    agencyId,
    fromAt: f.from && DATE.test(f.from) ? new Date(dayStart(f.from)).toISOString() : undefined,
    toAt: f.to && DATE.test(f.to) ? new Date(dayStart(nextDay(f.to))).toISOString() : undefined,
    action: text(f.action),
    actor: text(f.actor),
    subject: text(f.subject),
  };
}

export function createAuditLogService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const allowed = (actor: StaffActor) => authorize(canReadAuditLog(actor.user), '仅安全审计员可查阅审计日志（三员分立）');

  return {
    /** One page of the agency's events, newest first. */
    async auditEvents(actor: StaffActor, filters: AuditLogFilters, page: number) {
      allowed(actor);
      const repo = auditLogRepository(db);
      const q = toQuery(actor.user.agencyId, filters);
      const total = await repo.count(q);
      const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
      const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
      const events = await repo.page(q, (current - 1) * AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE);
      return { events, total, page: current, pages, actions: await repo.actions(actor.user.agencyId) };
    },

    /** The filtered events for CSV/XLSX; the export itself is recorded in the log. */
    async auditExport(actor: StaffActor, filters: AuditLogFilters, format: 'csv' | 'xlsx') {
      allowed(actor);
      const q = toQuery(actor.user.agencyId, filters);
      const events = await auditLogRepository(db).page(q, 0, AUDIT_EXPORT_MAX);
      await db.transaction().execute((trx) =>
        appendAuditEvent(trx, clock, auditActor(actor), { action: 'auditLog.export', subjectType: 'auditLog', subjectId: actor.user.agencyId, after: { format, filters, events: events.length } }));
      return events;
    },

    /** Whether the hash chain is intact (core/audit/verify.ts). */
    async auditChainState(actor: StaffActor) {
      allowed(actor);
      return verifyAuditChain(db);
    },
  };
}
