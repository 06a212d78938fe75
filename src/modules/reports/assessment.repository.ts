// The assessment's SQL: per department counts for one period, aggregated in the database. Instants
// are compared with the UTC start of Beijing days (dashboard.time.ts), so no time-zone functions.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../core/db/database.ts';
import type { AssessmentRuleTable } from '../../core/db/schema.ts';

const n = (v: unknown) => Number(v ?? 0);

/** [fromAt, toAt) instants bounding the Beijing days fromOn..toOn. */
export interface InstantRange {
  fromAt: string;
  toAt: string;
}

export function assessmentRepository(db: DbOrTrx) {
  return {
    /** Items published in the period, and those published after their publishDueOn (第二十六条). */
    async items(agencyId: string, fromOn: string, toOn: string) {
      const r = await sql<{ departmentId: string; published: number; late: number }>`
        select department_id as "departmentId", count(*) as "published",
          sum(case when publish_due_on is not null and published_on > publish_due_on then 1 else 0 end) as "late"
        from items where agency_id = ${agencyId} and published_on >= ${fromOn} and published_on <= ${toOn}
        group by department_id`.execute(db);
      return r.rows.map((x) => ({ departmentId: x.departmentId, published: n(x.published), late: n(x.late) }));
    },

    /** Replies approved in the period by lead department, and those approved after the reply due date. */
    async replies(agencyId: string, range: InstantRange) {
      const r = await sql<{ departmentId: string; approved: number; late: number }>`
        select a.department_id as "departmentId", count(*) as "approved",
          sum(case when r.reply_due_on is not null and e.at >= (r.reply_due_on || 'T16:00:00.000Z') then 1 else 0 end) as "late"
        from request_events e
        join requests r on r.id = e.request_id
        join request_assignments a on a.request_id = r.id and a.is_lead = 1
        where e.kind = 'approve' and e.at >= ${range.fromAt} and e.at < ${range.toAt} and r.agency_id = ${agencyId}
        group by a.department_id`.execute(db);
      return r.rows.map((x) => ({ departmentId: x.departmentId, approved: n(x.approved), late: n(x.late) }));
    },

    /** Review submissions and send-backs of each department's items in the period. */
    async reviews(agencyId: string, range: InstantRange) {
      const r = await sql<{ departmentId: string; submitted: number; sentBack: number }>`
        select i.department_id as "departmentId",
          sum(case when rr.conclusion = 'submitted' then 1 else 0 end) as "submitted",
          sum(case when rr.conclusion = 'sentBack' then 1 else 0 end) as "sentBack"
        from review_records rr join items i on i.id = rr.item_id
        where rr.agency_id = ${agencyId} and rr.at >= ${range.fromAt} and rr.at < ${range.toAt} and rr.conclusion in ('submitted', 'sentBack')
        group by i.department_id`.execute(db);
      return r.rows.map((x) => ({ departmentId: x.departmentId, submitted: n(x.submitted), sentBack: n(x.sentBack) }));
    },

    /**
     * Reply drafts submitted to the office and returned by it, per lead department. One query per
     * kind: each reads a single range of the (kind, at, request_id) index, which both planners
     * prefer to starting from the agency's requests.
     */
    async replyReturns(agencyId: string, range: InstantRange) {
      const count = async (kind: 'submitReply' | 'returnReply') => {
        const r = await sql<{ departmentId: string; count: number }>`
          select a.department_id as "departmentId", count(*) as "count"
          from request_events e
          join requests r on r.id = e.request_id
          join request_assignments a on a.request_id = r.id and a.is_lead = 1
          where e.kind = ${kind} and e.at >= ${range.fromAt} and e.at < ${range.toAt} and r.agency_id = ${agencyId}
          group by a.department_id`.execute(db);
        return new Map(r.rows.map((x) => [x.departmentId, n(x.count)]));
      };
      const submitted = await count('submitReply');
      const returned = await count('returnReply');
      return [...new Set([...submitted.keys(), ...returned.keys()])].map((departmentId) => ({
        departmentId, submitted: submitted.get(departmentId) ?? 0, returned: returned.get(departmentId) ?? 0,
      }));
    },

    /** Reminders sent to departments in the period (request deadlines and column freshness). */
    reminders: (agencyId: string, range: InstantRange) =>
      db.selectFrom('notifications')
        .select(['departmentId', 'kind', 'uniqueKey', 'createdAt', 'readAt'])
        .where('agencyId', '=', agencyId)
        .where('departmentId', 'is not', null)
        .where((eb) => eb.or([eb('kind', 'like', 'reminder.%'), eb('kind', 'like', 'freshness.%')]))
        .where('createdAt', '>=', range.fromAt)
        .where('createdAt', '<', range.toAt)
        .execute(),

    departments: (agencyId: string) =>
      db.selectFrom('departments').select(['id', 'name']).where('agencyId', '=', agencyId).orderBy('sortOrder').orderBy('name').execute(),

    rule: (agencyId: string) => db.selectFrom('assessmentRules').selectAll().where('agencyId', '=', agencyId).executeTakeFirst(),

    async saveRule(row: AssessmentRuleTable) {
      const { agencyId: _key, ...rest } = row;
      await db.insertInto('assessmentRules').values(row).onConflict((oc) => oc.column('agencyId').doUpdateSet(rest)).execute();
    },
  };
}
