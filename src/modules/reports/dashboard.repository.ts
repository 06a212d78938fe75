// The dashboard's SQL: every figure is aggregated in the database (counts with GROUP BY and
// conditional sums), so a page costs a handful of indexed queries however many requests and
// items an agency holds. Portable between SQLite and PostgreSQL (substr, CASE, ||).
import { sql } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.ts';
import { addCalendarDays } from '../../core/time/dates.ts';
import { OPEN_STATUSES, REPLY_CLOCK_STATUSES } from '../requests/index.ts';

/** Statuses whose reply deadline is watched (as the reminder sweep does): intake and the running clock. */
export const WATCHED_STATUSES: readonly string[] = ['received', ...REPLY_CLOCK_STATUSES];
/** Review steps an item waits in before publication (drafts are not awaiting review). */
export const REVIEW_STEPS = ['departmentReview', 'confidentialityReview', 'leaderApproval', 'principalApproval', 'officeCheck'] as const;

const n = (v: unknown) => Number(v ?? 0);

export interface RequestCountsRow {
  departmentId: string | null;
  open: number;
  dueThisWeek: number;
  overdue: number;
}

export function dashboardRepository(db: DbOrTrx) {
  const openList = sql.join([...OPEN_STATUSES]);
  const watchedList = sql.join([...WATCHED_STATUSES]);
  const flags = (todayOn: string, weekEnd: string) => ({
    open: sql<number>`sum(case when r.status in (${openList}) then 1 else 0 end)`,
    dueThisWeek: sql<number>`sum(case when r.status in (${watchedList}) and r.reply_due_on >= ${todayOn} and r.reply_due_on <= ${weekEnd} then 1 else 0 end)`,
    overdue: sql<number>`sum(case when r.status in (${watchedList}) and r.reply_due_on < ${todayOn} then 1 else 0 end)`,
  });

  return {
    /** Open, due-this-week and overdue requests per lead handling department (null = not yet assigned). */
    async requestCountsByDepartment(agencyId: string, todayOn: string, weekEnd: string): Promise<RequestCountsRow[]> {
      const f = flags(todayOn, weekEnd);
      const result = await sql<{ departmentId: string | null; open: number; dueThisWeek: number; overdue: number }>`
        select a.department_id as "departmentId", ${f.open} as "open", ${f.dueThisWeek} as "dueThisWeek", ${f.overdue} as "overdue"
        from requests r
        left join request_assignments a on a.request_id = r.id and a.is_lead = 1
        where r.agency_id = ${agencyId} and r.status in (${openList})
        group by a.department_id`.execute(db);
      return result.rows.map((r) => ({ departmentId: r.departmentId, open: n(r.open), dueThisWeek: n(r.dueThisWeek), overdue: n(r.overdue) }));
    },

    /** Items per review step, and items whose publication is overdue (publishDueOn passed, not published). */
    async itemCounts(agencyId: string, todayOn: string) {
      const steps = sql.join([...REVIEW_STEPS]);
      const byStep = await sql<{ status: string; count: number }>`
        select status, count(*) as "count" from items
        where agency_id = ${agencyId} and status in (${steps})
        group by status`.execute(db);
      const overdue = await sql<{ count: number }>`
        select count(*) as "count" from items
        where agency_id = ${agencyId} and status not in ('published', 'takenDown')
          and disclosure_mode = 'proactive' and publish_due_on is not null and publish_due_on < ${todayOn}`.execute(db);
      return {
        byStep: Object.fromEntries(byStep.rows.map((r) => [r.status, n(r.count)])) as Record<string, number>,
        overdueForPublication: n(overdue.rows[0]?.count),
      };
    },

    /** Per month 'YYYY-MM' from `fromOn`: requests received, requests closed, items published. */
    async monthly(agencyId: string, fromOn: string) {
      const received = await sql<{ month: string; count: number }>`
        select substr(received_on, 1, 7) as "month", count(*) as "count" from requests
        where agency_id = ${agencyId} and received_on >= ${fromOn} group by substr(received_on, 1, 7)`.execute(db);
      const closed = await sql<{ month: string; count: number }>`
        select substr(closed_on, 1, 7) as "month", count(*) as "count" from requests
        where agency_id = ${agencyId} and closed_on >= ${fromOn} group by substr(closed_on, 1, 7)`.execute(db);
      const published = await sql<{ month: string; count: number }>`
        select substr(published_on, 1, 7) as "month", count(*) as "count" from items
        where agency_id = ${agencyId} and status = 'published' and published_on >= ${fromOn} group by substr(published_on, 1, 7)`.execute(db);
      const toMap = (rows: { month: string; count: number }[]) => new Map(rows.map((r) => [r.month, n(r.count)]));
      return { received: toMap(received.rows), closed: toMap(closed.rows), published: toMap(published.rows) };
    },

    /**
     * Replies approved since `fromInstant`: (receivedOn, approval UTC date, evening flag) with their
     * counts. An approval at 16:00Z or later falls on the next Beijing day (UTC+8); grouping by the
     * UTC date and that flag, rather than by the instant, keeps the result to a few thousand rows a
     * year however many replies there were. The events are read through their (kind, at,
     * request_id) index and the requests through (id, agency_id, received_on): no table rows.
     */
    async approvalPairs(agencyId: string, fromInstant: string) {
      const evening = sql<number>`case when substr(e.at, 12, 2) >= '16' then 1 else 0 end`;
      const result = await sql<{ receivedOn: string; utcDate: string; evening: number; count: number }>`
        select r.received_on as "receivedOn", substr(e.at, 1, 10) as "utcDate", ${evening} as "evening", count(*) as "count"
        from request_events e join requests r on r.id = e.request_id
        where e.kind = 'approve' and e.at >= ${fromInstant} and r.agency_id = ${agencyId}
        group by r.received_on, substr(e.at, 1, 10), ${evening}`.execute(db);
      return result.rows.map((r) => ({ receivedOn: r.receivedOn, approvedOn: n(r.evening) ? addCalendarDays(r.utcDate, 1) : r.utcDate, count: n(r.count) }));
    },

    departments: (agencyId: string) =>
      db.selectFrom('departments').select(['id', 'name']).where('agencyId', '=', agencyId).orderBy('sortOrder').orderBy('name').execute(),
  };
}
