// Column freshness (issue 6 part 6): each column's state against its update interval, the
// columns about to go stale or empty with their responsible departments, how close the site is
// to failing inspection, and the daily reminders: before a column goes stale, and once when it does.
import type { Db } from '../../core/db/database.ts';
import { forbidden } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { today, type Clock } from '../../core/time/clock.ts';
import { addCalendarDays } from '../../core/time/dates.ts';
import { hasRole, type StaffActor } from '../accounts/index.ts';
import type { AgencyTable } from '../../core/db/schema.ts';
import { freshnessRepository } from './freshness.repository.ts';
import { columnFreshness, siteInspection, type ColumnFreshness, type SiteInspection } from './freshness.rules.ts';

export interface ColumnFreshnessView extends ColumnFreshness {
  columnId: string;
  name: string;
  /** Parent names joined with ' > ', for the list. */
  path: string;
  updateIntervalDays: number | null;
  lastPublishedOn: string | null;
  departments: { id: string; name: string }[];
}

export interface FreshnessReport {
  agency: { id: string; name: string };
  supervised: boolean;
  choices: { id: string; name: string }[];
  todayOn: string;
  columns: ColumnFreshnessView[];
  /** Due soon, stale or empty: what needs attention, most urgent first. */
  attention: ColumnFreshnessView[];
  inspection: SiteInspection;
}

export interface MonitorDeps {
  db: Db;
  clock: Clock;
  directory: { agency(id: string): Promise<AgencyTable | undefined>; childAgencies(parentId: string): Promise<AgencyTable[]> };
}

const URGENCY = { stale: 0, empty: 1, dueSoon: 2, fresh: 3, onChange: 4 } as const;

/** Staff who handle items see the freshness of their own agency; office and leaders also of supervised ones. */
export const canSeeFreshness = (actor: StaffActor) => hasRole(actor.user, 'officer', 'leader', 'departmentHead', 'drafter');

export function createMonitorService(deps: MonitorDeps) {
  async function report(agency: AgencyTable, todayOn: string): Promise<Omit<FreshnessReport, 'supervised' | 'choices'>> {
    const repo = freshnessRepository(deps.db);
    const [rows, links, last] = await Promise.all([repo.columns(agency.id), repo.columnDepartments(agency.id), repo.lastPublishedOn(agency.id)]);
    const byId = new Map(rows.map((c) => [c.id, c]));
    const parents = new Set(rows.map((c) => c.parentId).filter(Boolean));
    const pathOf = (id: string | null): string[] => {
      const c = id ? byId.get(id) : undefined;
      return c ? [...pathOf(c.parentId), c.name] : [];
    };
    // Only leaf columns hold items: a parent column is a heading, never "empty" by itself.
    const columns = rows.filter((c) => !parents.has(c.id)).map((c) => ({
      columnId: c.id, name: c.name, path: pathOf(c.parentId).join(' > '), updateIntervalDays: c.updateIntervalDays, lastPublishedOn: c.lastPublishedOn,
      departments: links.filter((l) => l.columnId === c.id).map((l) => ({ id: l.departmentId, name: l.departmentName })),
      ...columnFreshness(c.updateIntervalDays, c.lastPublishedOn, todayOn),
    }));
    const attention = columns
      .filter((c) => c.state === 'stale' || c.state === 'dueSoon' || c.state === 'empty')
      .sort((a, b) => URGENCY[a.state] - URGENCY[b.state] || (a.daysLeft ?? 0) - (b.daysLeft ?? 0));
    return { agency: { id: agency.id, name: agency.name }, todayOn, columns, attention, inspection: siteInspection(columns, last, todayOn) };
  }

  /**
   * Once a column has gone stale: one reminder to its responsible departments and the disclosure
   * office, keyed by column and the first stale day, so the same stale period is never announced
   * twice (a later publication starts a new period). Kind `.overdue`: the assessment expects it
   * read the day it is sent, like a request's overdue reminder. A column already stale when this
   * reminder was introduced, or while the worker was down, is announced at the next sweep.
   */
  async function remindStale(agencyId: string, stale: ColumnFreshnessView[], now: string): Promise<number> {
    if (!stale.length) return 0;
    const repo = freshnessRepository(deps.db);
    const office = await repo.officeDepartmentIds(agencyId);
    let sent = 0;
    for (const c of stale) {
      const staleSince = addCalendarDays(c.dueOn!, 1);
      const title = `栏目“${c.name}”已超期未更新（应于 ${c.dueOn} 前更新）`;
      const body = `${title}。更新周期 ${c.updateIntervalDays} 天，最近发布 ${c.lastPublishedOn}。按国办秘函〔2019〕19号，5 个以上栏目未按期更新即为检查不合格，请尽快发布信息；本栏目在再次更新前不再另行提醒。`;
      const recipients = [...new Set([...c.departments.map((d) => d.id), ...office])];
      for (const departmentId of recipients.length ? recipients : [null]) {
        const inserted = await repo.insertReminder({
          id: newId(), uniqueKey: `freshness.stale:${c.columnId}:${staleSince}@${departmentId ?? 'agency'}`, agencyId, departmentId, userId: null,
          subjectType: 'column', subjectId: c.columnId, kind: 'freshness.overdue', title, body, createdAt: now, readAt: null,
        });
        if (inserted) sent++;
      }
    }
    return sent;
  }

  return {
    async freshness(actor: StaffActor, input: { agencyId?: string } = {}): Promise<FreshnessReport> {
      if (!canSeeFreshness(actor)) throw forbidden('您没有查看栏目更新情况的权限');
      const own = await deps.directory.agency(actor.user.agencyId);
      if (!own) throw forbidden();
      const supervisor = hasRole(actor.user, 'officer', 'leader');
      const children = supervisor ? await deps.directory.childAgencies(own.id) : [];
      const target = !input.agencyId || input.agencyId === own.id ? own : children.find((c) => c.id === input.agencyId);
      if (!target) throw forbidden('只能查看本机关及所监督的下级机关');
      const r = await report(target, today(deps.clock));
      return { ...r, supervised: target.id !== own.id, choices: [own, ...children].map((a) => ({ id: a.id, name: a.name })) };
    },

    /**
     * The daily job: one reminder per responsible department for each column that is due soon,
     * and one when it has gone stale (remindStale),
     * keyed by column, its due date and department, so it is sent once per period however often
     * the job runs; a column without a responsible department reminds the agency as a whole.
     */
    async sendReminders(): Promise<number> {
      const repo = freshnessRepository(deps.db);
      const todayOn = today(deps.clock);
      const now = deps.clock.now().toISOString();
      let sent = 0;
      for (const agencyId of await repo.agencyIds()) {
        const agency = await deps.directory.agency(agencyId);
        if (!agency) continue;
        const r = await report(agency, todayOn);
        sent += await remindStale(agencyId, r.attention.filter((x) => x.state === 'stale'), now);
        for (const c of r.attention.filter((x) => x.state === 'dueSoon')) {
          const title = `栏目“${c.name}”将于 ${c.dueOn} 后超期未更新`;
          const body = `${title}（更新周期 ${c.updateIntervalDays} 天，最近发布 ${c.lastPublishedOn}）。按国办秘函〔2019〕19号，栏目未按期更新将影响网站检查，请及时发布信息。`;
          for (const departmentId of c.departments.length ? c.departments.map((d) => d.id) : [null]) {
            const inserted = await repo.insertReminder({
              id: newId(), uniqueKey: `freshness:${c.columnId}:${c.dueOn}@${departmentId ?? 'agency'}`, agencyId, departmentId, userId: null,
              subjectType: 'column', subjectId: c.columnId, kind: 'freshness.dueSoon', title, body, createdAt: now, readAt: null,
            });
            if (inserted) sent++;
          }
        }
      }
      return sent;
    },
  };
}

export type MonitorService = ReturnType<typeof createMonitorService>;
