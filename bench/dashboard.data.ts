// A realistic year for the dashboard and assessment benchmark: requests received every day of the
// year up to "today" with their timelines (receipt, assignment to a lead department, reply drafts,
// returns, approval, delivery, closing), reminders to departments, and catalog items with their
// review records. Deterministic (no randomness), bulk-inserted in large multi-row statements.
import type { Insertable } from 'kysely';
import type { Db } from '../src/core/db/database.ts';
import type { ItemTable, NotificationTable, RequestAssignmentTable, RequestEventTable, RequestTable, ReviewRecordTable } from '../src/core/db/schema.ts';
import type { WorkingDayCalendar } from '../src/core/time/calendar.ts';
import { addCalendarDays } from '../src/core/time/dates.ts';
import { replyDeadline } from '../src/modules/requests/index.ts';

/** SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535: stay under both. */
const MAX_PARAMS = 30_000;
const REVIEW_STEPS = ['departmentReview', 'confidentialityReview', 'leaderApproval', 'principalApproval', 'officeCheck'] as const;
const TYPES = ['person', 'person', 'person', 'business', 'research', 'nonprofit', 'legalService', 'other'];

/** A well-spread deterministic hash of i (Knuth's multiplicative hash), in [0, 1). */
const h = (i: number, salt = 0) => (((i + salt * 7919) * 2654435761) >>> 0) / 4294967296;

/** A UTC instant during Beijing office hours (09:00–16:59, i.e. 01:00–08:59Z) on `date`. */
const at = (date: string, i: number) => `${date}T0${1 + (i % 8)}:${String((i * 7) % 60).padStart(2, '0')}:00.000Z`;

export interface YearSpec {
  agencyId: string;
  /** Handling departments (leads are drawn from these). */
  departmentIds: string[];
  columnId: string;
  /** The last day of the year loaded (the benchmark's "today"). */
  todayOn: string;
  requests: number;
  items: number;
  calendar: WorkingDayCalendar;
  /** Prefix that keeps ids and tracking codes unique when several agencies are loaded. */
  prefix: string;
}

export interface YearCounts {
  requests: number;
  assignments: number;
  events: number;
  notifications: number;
  items: number;
  reviewRecords: number;
}

async function insertAll<T extends object>(db: Db, table: 'requests' | 'requestAssignments' | 'requestEvents' | 'notifications' | 'items' | 'reviewRecords', rows: T[]) {
  if (!rows.length) return;
  const batch = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]).length));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += batch) await trx.insertInto(table).values(rows.slice(i, i + batch) as never).execute();
  });
}

function requestRow(spec: YearSpec, i: number, receivedOn: string, fields: Partial<RequestTable>): RequestTable {
  const receivedAt = at(receivedOn, i);
  return {
    id: `${spec.prefix}r${String(i).padStart(7, '0')}`, agencyId: spec.agencyId, trackingCode: `${spec.prefix.toUpperCase()}${String(i).padStart(9, '0')}`,
    idempotencyKey: null, channel: i % 5 === 0 ? 'post' : 'online', applicantType: TYPES[i % TYPES.length], applicantName: `申请人${i}`, idType: 'residentId',
    idNumberEnc: '', idNumberIndex: '', idNumberMasked: '', orgCreditCode: '', legalRepresentative: '', agentName: '', agentIdNumberEnc: '',
    agentIdNumberMasked: '', phone: '138****6333', phoneLast4: '6333', email: '', address: '赣州市章贡区', postcode: '',
    infoDescription: `请提供第 ${i} 号地块的征地批复、补偿安置方案和听证材料。`, infoTitle: '', infoDocNumber: '', purpose: '', deliveryMethod: 'online',
    feeWaiverRequested: 0, feeWaiverReason: '', status: 'received', outcome: null, outcomeReason: null, originalReceivedOn: receivedOn, receivedOn, receivedAt,
    correctionNoticeDueOn: null, correctionRequestedOn: null, correctionPeriodDueOn: null, correctionCount: 0, correctionPeriodDays: 15, replyDueOn: null,
    extensionDays: 0, extensionReason: '', extensionApprovedBy: '', closedOn: null, mergedIntoId: null, splitFromId: null, imported: 0,
    createdAt: receivedAt, updatedAt: receivedAt, ...fields,
  };
}

/** Requests received evenly over the 365 days ending `todayOn`, their assignments, timelines and reminders. */
export async function loadRequests(db: Db, spec: YearSpec): Promise<Omit<YearCounts, 'items' | 'reviewRecords'>> {
  const dueCache = new Map<string, string>();
  const dueOf = (receivedOn: string) => {
    let due = dueCache.get(receivedOn);
    if (!due) dueCache.set(receivedOn, (due = replyDeadline(spec.calendar, { receivedOn, extensionDays: 0, pauses: [] }, receivedOn).dueOn));
    return due;
  };
  const counts = { requests: 0, assignments: 0, events: 0, notifications: 0 };
  const CHUNK = 10_000;
  for (let start = 0; start < spec.requests; start += CHUNK) {
    const requests: RequestTable[] = [];
    const assignments: RequestAssignmentTable[] = [];
    const events: RequestEventTable[] = [];
    const notifications: NotificationTable[] = [];
    for (let i = start; i < Math.min(spec.requests, start + CHUNK); i++) {
      const receivedOn = addCalendarDays(spec.todayOn, -364 + Math.floor((i / spec.requests) * 365));
      const replyDueOn = dueOf(receivedOn);
      const id = `${spec.prefix}r${String(i).padStart(7, '0')}`;
      const lead = spec.departmentIds[Math.floor(h(i, 1) * spec.departmentIds.length)];
      const event = (kind: string, on: string, n: number) =>
        events.push({ id: `${id}e${n}`, requestId: id, at: at(on, i + n), actorId: null, actorName: '基准', kind, note: '', data: '{}', visibleToApplicant: 0 });
      // Most replies are approved within 5–24 calendar days; one in twenty runs past the deadline.
      const handlingDays = h(i, 2) < 0.05 ? 30 + Math.floor(h(i, 3) * 10) : 5 + Math.floor(h(i, 3) * 20);
      const approveOn = addCalendarDays(receivedOn, handlingDays);
      const stuck = h(i, 4) < 0.004; // forgotten in a department: overdue on the dashboard
      const ended = h(i, 5) < 0.02 ? (h(i, 5) < 0.01 ? 'withdrawn' : 'abandoned') : null;
      const returned = h(i, 6) < 0.15;
      event('received', receivedOn, 0);
      let status: string;
      let closedOn: string | null = null;
      if (ended) {
        status = ended;
        closedOn = addCalendarDays(receivedOn, 3) <= spec.todayOn ? addCalendarDays(receivedOn, 3) : null;
        if (!closedOn) status = 'received';
      } else {
        const assignOn = addCalendarDays(receivedOn, 1);
        const submitOn = addCalendarDays(approveOn, -2);
        const deliverOn = addCalendarDays(approveOn, 1);
        const closeOn = addCalendarDays(approveOn, 3);
        status = 'received';
        if (assignOn <= spec.todayOn) {
          status = 'drafting';
          event('accept', receivedOn, 1);
          event('assign', assignOn, 2);
          event('startDrafting', assignOn, 3);
          assignments.push({ requestId: id, departmentId: lead, isLead: 1, assignedAt: at(assignOn, i) });
          if (h(i, 7) < 0.1) {
            const other = spec.departmentIds[(spec.departmentIds.indexOf(lead) + 1) % spec.departmentIds.length];
            assignments.push({ requestId: id, departmentId: other, isLead: 0, assignedAt: at(assignOn, i) });
          }
          if (h(i, 8) < 0.03) status = 'consulting';
        }
        if (!stuck && status === 'drafting' && submitOn <= spec.todayOn) {
          status = 'officeReview';
          event('submitReply', submitOn, 4);
          if (returned) {
            event('returnReply', submitOn, 5);
            event('submitReply', addCalendarDays(submitOn, 1), 6);
          }
        }
        if (status === 'officeReview' && approveOn <= spec.todayOn) {
          status = 'approved';
          event('approve', approveOn, 7);
        }
        if (status === 'approved' && deliverOn <= spec.todayOn) {
          status = 'delivered';
          event('deliver', deliverOn, 8);
        }
        if (status === 'delivered' && closeOn <= spec.todayOn) {
          status = 'closed';
          closedOn = closeOn;
          event('close', closeOn, 9);
        }
        // The reminder sweep's "3 working days left" notice for a share of requests, most read in time.
        const remindOn = addCalendarDays(replyDueOn, -4);
        if (status !== 'received' && h(i, 9) < 0.25 && remindOn <= spec.todayOn) {
          const read = h(i, 10) < 0.85 ? at(addCalendarDays(remindOn, h(i, 11) < 0.9 ? 0 : 5), i + 3) : null;
          notifications.push({
            id: `${id}n3`, uniqueKey: `${id}:reply:${replyDueOn}:3@${lead}`, agencyId: spec.agencyId, departmentId: lead, userId: null,
            subjectType: 'request', subjectId: id, kind: 'reminder.reply.3', title: '申请答复期限将至', body: '', createdAt: at(remindOn, i), readAt: read,
          });
        }
        if ((stuck || handlingDays >= 30) && addCalendarDays(replyDueOn, 1) <= spec.todayOn) {
          const on = addCalendarDays(replyDueOn, 1);
          notifications.push({
            id: `${id}no`, uniqueKey: `${id}:reply:${replyDueOn}:overdue@${lead}`, agencyId: spec.agencyId, departmentId: lead, userId: null,
            subjectType: 'request', subjectId: id, kind: 'reminder.reply.overdue', title: '申请已超过答复期限', body: '', createdAt: at(on, i), readAt: h(i, 12) < 0.5 ? at(on, i + 4) : null,
          });
        }
      }
      const outcome = status === 'closed' ? 'disclosed' : null;
      requests.push(requestRow(spec, i, receivedOn, { status, closedOn, replyDueOn, outcome, updatedAt: at(closedOn ?? receivedOn, i) }));
    }
    await insertAll(db, 'requests', requests);
    await insertAll(db, 'requestAssignments', assignments);
    await insertAll(db, 'requestEvents', events);
    await insertAll(db, 'notifications', notifications);
    counts.requests += requests.length;
    counts.assignments += assignments.length;
    counts.events += events.length;
    counts.notifications += notifications.length;
  }
  return counts;
}

/** Catalog items created over the year: most published (some late), some waiting in review, with their review records. */
export async function loadItems(db: Db, spec: YearSpec): Promise<Pick<YearCounts, 'items' | 'reviewRecords'>> {
  const items: Insertable<ItemTable>[] = [];
  const records: ReviewRecordTable[] = [];
  for (let i = 0; i < spec.items; i++) {
    const id = `${spec.prefix}i${String(i).padStart(6, '0')}`;
    const createdOn = addCalendarDays(spec.todayOn, -364 + Math.floor((i / spec.items) * 365));
    const departmentId = spec.departmentIds[Math.floor(h(i, 21) * spec.departmentIds.length)];
    const publishDueOn = addCalendarDays(createdOn, 20);
    const publishedOn = addCalendarDays(createdOn, h(i, 22) < 0.08 ? 25 : 3 + Math.floor(h(i, 23) * 10));
    const x = h(i, 24);
    // Recent items are still moving through review; a few drafts sit unsubmitted.
    let status: string = x < 0.03 ? 'draft' : 'published';
    if (status === 'published' && publishedOn > spec.todayOn) status = REVIEW_STEPS[Math.floor(h(i, 25) * REVIEW_STEPS.length)];
    const record = (step: string, conclusion: ReviewRecordTable['conclusion'], on: string, n: number) =>
      records.push({
        id: `${id}v${n}`, itemId: id, agencyId: spec.agencyId, step, conclusion, opinion: '', basis: '', reviewerId: 'bench', reviewerName: '基准',
        itemTitle: `关于第${i}号事项的公告`, itemDocNumber: '', itemSummary: '', at: at(on, i + n),
      });
    if (status !== 'draft') {
      record('draft', 'submitted', createdOn, 0);
      if (h(i, 26) < 0.1) {
        record('departmentReview', 'sentBack', addCalendarDays(createdOn, 1), 1);
        record('draft', 'submitted', addCalendarDays(createdOn, 2), 2);
      }
      const reached = status === 'published' ? REVIEW_STEPS.length : REVIEW_STEPS.indexOf(status as (typeof REVIEW_STEPS)[number]);
      for (let s = 0; s < reached; s++) {
        const on = addCalendarDays(createdOn, 2 + s) <= spec.todayOn ? addCalendarDays(createdOn, 2 + s) : spec.todayOn;
        record(REVIEW_STEPS[s], s === REVIEW_STEPS.length - 1 ? 'published' : 'approved', s === reached - 1 && status === 'published' ? publishedOn : on, 3 + s);
      }
    }
    const published = status === 'published';
    items.push({
      id, agencyId: spec.agencyId, columnId: spec.columnId, departmentId, status, indexNumber: published ? `${spec.prefix}/${String(i).padStart(6, '0')}` : null,
      title: `关于第${i}号事项的公告`, docNumber: '', issuers: '[]', writtenOn: createdOn, topic: '', summary: '', bodyHtml: '<p>正文</p>', bodyText: '正文',
      disclosureMode: 'proactive', disclosureModeReason: '', scope: 'public', validity: 'inForce', isMajor: 0, repealNoticeForItemId: null, publishDueOn,
      publishedOn: published ? publishedOn : null, publishedAt: published ? at(publishedOn, i) : null, repealedOn: null, repealNoticeDueOn: null,
      approvedOn: null, version: 1, createdBy: 'bench', createdAt: at(createdOn, i), updatedAt: at(published ? publishedOn : createdOn, i),
    });
  }
  await insertAll(db, 'items', items);
  await insertAll(db, 'reviewRecords', records);
  return { items: items.length, reviewRecords: records.length };
}
