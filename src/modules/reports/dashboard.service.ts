// The dashboard (issue 6 part 4): requests open, due this week and overdue, by handling
// department; the average time to reply; items awaiting review per step and overdue for
// publication; twelve months of trends. Derived states are computed, never stored.
import type { Db } from '../../core/db/database.ts';
import type { CalendarService } from '../../core/time/calendar.service.ts';
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { today, type Clock } from '../../core/time/clock.ts';
import { addCalendarDays } from '../../core/time/dates.ts';
import type { StaffActor } from '../accounts/index.ts';
import { dashboardRepository, REVIEW_STEPS } from './dashboard.repository.ts';
import { resolveViewScope, type AgencyDirectory, type ViewScope } from './dashboard.scope.ts';
import { beijingDayStart, endOfWeek, lastMonths } from './dashboard.time.ts';

export interface DepartmentLoad {
  departmentId: string | null;
  /** 未交办 when the request has no handling department yet. */
  departmentName: string;
  open: number;
  dueThisWeek: number;
  overdue: number;
}

export interface MonthlyTrend {
  month: string;
  received: number;
  closed: number;
  published: number;
}

export interface Dashboard {
  scope: ViewScope;
  todayOn: string;
  weekEnd: string;
  requests: { open: number; dueThisWeek: number; overdue: number; byDepartment: DepartmentLoad[] };
  /**
   * Average working days from receipt (receivedOn: the day a corrected application arrived, 第三十条)
   * to the day the office approved the reply (审定答复), over replies approved in the last 12 months.
   * Working days per the calendar; days paused for consultation are included (elapsed time, not the
   * statutory clock). Null when no reply was approved.
   */
  averageReplyWorkingDays: number | null;
  repliesCounted: number;
  items: { awaitingReview: { step: string; count: number }[]; overdueForPublication: number };
  monthly: MonthlyTrend[];
}

export interface DashboardDeps {
  db: Db;
  clock: Clock;
  calendar: CalendarService;
  directory: AgencyDirectory;
}

/**
 * The average of working days after `receivedOn` up to and including `approvedOn`, weighted by count.
 * A year of replies spans only a few hundred distinct days, so each day's running count of working
 * days is computed once, and a pair's working days are the difference of two running counts
 * (the same as calendar.workingDaysBetween, without walking each pair's days).
 */
export function averageWorkingDays(calendar: WorkingDayCalendar, pairs: { receivedOn: string; approvedOn: string; count: number }[]) {
  const counted = pairs.filter((p) => p.approvedOn >= p.receivedOn);
  if (!counted.length) return { average: null, count: 0 };
  const first = counted.reduce((m, p) => (p.receivedOn < m ? p.receivedOn : m), counted[0].receivedOn);
  const last = counted.reduce((m, p) => (p.approvedOn > m ? p.approvedOn : m), counted[0].approvedOn);
  const running = new Map<string, number>([[first, 0]]);
  let sum = 0;
  for (let d = addCalendarDays(first, 1); d <= last; d = addCalendarDays(d, 1)) {
    if (calendar.isWorkingDay(d)) sum++;
    running.set(d, sum);
  }
  let total = 0;
  let count = 0;
  for (const p of counted) {
    total += (running.get(p.approvedOn)! - running.get(p.receivedOn)!) * p.count;
    count += p.count;
  }
  return { average: Math.round((total / count) * 10) / 10, count };
}

export function createDashboardService(deps: DashboardDeps) {
  return {
    async dashboard(actor: StaffActor, input: { agencyId?: string } = {}): Promise<Dashboard> {
      const scope = await resolveViewScope(deps.directory, actor, input.agencyId);
      const agencyId = scope.agency.id;
      const repo = dashboardRepository(deps.db);
      const todayOn = today(deps.clock);
      const weekEnd = endOfWeek(todayOn);
      const months = lastMonths(todayOn, 12);
      const fromOn = `${months[0]}-01`;
      const [loads, departments, items, monthly, pairs, calendar] = await Promise.all([
        repo.requestCountsByDepartment(agencyId, todayOn, weekEnd),
        repo.departments(agencyId),
        repo.itemCounts(agencyId, todayOn),
        repo.monthly(agencyId, fromOn),
        repo.approvalPairs(agencyId, beijingDayStart(addCalendarDays(todayOn, -365))),
        deps.calendar.get(),
      ]);
      const names = new Map(departments.map((d) => [d.id, d.name]));
      const byDepartment = loads
        .map((l) => ({ ...l, departmentName: l.departmentId ? (names.get(l.departmentId) ?? '') : '未交办' }))
        .sort((a, b) => b.open - a.open || a.departmentName.localeCompare(b.departmentName, 'zh'));
      const sum = (k: 'open' | 'dueThisWeek' | 'overdue') => loads.reduce((s, l) => s + l[k], 0);
      const avg = averageWorkingDays(calendar, pairs);
      return {
        scope,
        todayOn,
        weekEnd,
        requests: { open: sum('open'), dueThisWeek: sum('dueThisWeek'), overdue: sum('overdue'), byDepartment },
        averageReplyWorkingDays: avg.average,
        repliesCounted: avg.count,
        items: {
          awaitingReview: REVIEW_STEPS.map((step) => ({ step, count: items.byStep[step] ?? 0 })),
          overdueForPublication: items.overdueForPublication,
        },
        monthly: months.map((month) => ({
          month,
          received: monthly.received.get(month) ?? 0,
          closed: monthly.closed.get(month) ?? 0,
          published: monthly.published.get(month) ?? 0,
        })),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
