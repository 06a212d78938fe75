// Every query of the requests module: the only file here that touches Kysely.
import type { DbOrTrx, DialectName } from '../../core/db/database.ts';
import { escapeLike, likeOperator } from '../../core/db/dialect.ts';
import type {
  NotificationTable, OutboxEmailTable, RequestAttachmentTable, RequestEventTable, RequestPauseTable, RequestTable,
} from '../../core/db/schema.ts';
import { OPEN_STATUSES, type RequestStatus } from './request.workflow.ts';

/** Statuses in which the reply is still owed (the register's "overdue" filter looks at these). */
export const REPLY_OWED_STATUSES: readonly RequestStatus[] = ['received', 'accepted', 'assigned', 'drafting', 'consulting', 'officeReview', 'approved'];

export interface ListFilter {
  agencyId: string;
  status?: string;
  todayOn: string;
  departmentId?: string;
  channel?: string;
  q?: string;
  trackingCode?: string | null;
  receivedFrom?: string;
  receivedTo?: string;
  limit: number;
  offset: number;
}

export function requestsRepository(db: DbOrTrx, dialect: DialectName) {
  const like = likeOperator(dialect);

  function filtered(f: ListFilter) {
    let q = db.selectFrom('requests').where('requests.agencyId', '=', f.agencyId);
    if (f.status === 'open') q = q.where('requests.status', 'in', OPEN_STATUSES);
    else if (f.status === 'overdue') q = q.where('requests.status', 'in', REPLY_OWED_STATUSES).where('requests.replyDueOn', '<', f.todayOn);
    else if (f.status) q = q.where('requests.status', '=', f.status);
    if (f.channel) q = q.where('requests.channel', '=', f.channel);
    if (f.receivedFrom) q = q.where('requests.receivedOn', '>=', f.receivedFrom);
    if (f.receivedTo) q = q.where('requests.receivedOn', '<=', f.receivedTo);
    if (f.departmentId) {
      const dept = f.departmentId;
      q = q.where('requests.id', 'in', (eb) => eb.selectFrom('requestAssignments').select('requestId').where('departmentId', '=', dept));
    }
    if (f.q) {
      const pattern = `%${escapeLike(f.q)}%`;
      const code = f.trackingCode;
      q = q.where((eb) =>
        eb.or([
          ...(code ? [eb('requests.trackingCode', '=', code)] : []),
          eb('requests.infoDescription', like, pattern),
          eb('requests.infoTitle', like, pattern),
          eb('requests.applicantName', like, pattern),
        ]),
      );
    }
    return q;
  }

  return {
    insertRequest: (row: RequestTable) => db.insertInto('requests').values(row).execute(),
    requestById: (id: string) => db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst(),
    requestByIdempotencyKey: (key: string) => db.selectFrom('requests').selectAll().where('idempotencyKey', '=', key).executeTakeFirst(),
    requestByTrackingCode: (code: string) => db.selectFrom('requests').selectAll().where('trackingCode', '=', code).executeTakeFirst(),

    /** Changes a request only if it is still in `expectedStatus` (two officers acting at once). */
    async updateRequest(id: string, expectedStatus: string, patch: Partial<RequestTable>): Promise<boolean> {
      const r = await db.updateTable('requests').set(patch).where('id', '=', id).where('status', '=', expectedStatus).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    setDeadlines: (id: string, patch: Pick<Partial<RequestTable>, 'replyDueOn' | 'correctionNoticeDueOn' | 'correctionPeriodDueOn'>) =>
      db.updateTable('requests').set(patch).where('id', '=', id).execute(),

    insertEvent: (row: RequestEventTable) => db.insertInto('requestEvents').values(row).execute(),
    eventsOf: (requestId: string) => db.selectFrom('requestEvents').selectAll().where('requestId', '=', requestId).orderBy('at').orderBy('id').execute(),

    pausesOf: (requestId: string) => db.selectFrom('requestPauses').selectAll().where('requestId', '=', requestId).orderBy('startedOn').orderBy('id').execute(),
    pausesFor: (requestIds: string[]) =>
      requestIds.length ? db.selectFrom('requestPauses').selectAll().where('requestId', 'in', requestIds).orderBy('startedOn').execute() : Promise.resolve([]),
    insertPause: (row: RequestPauseTable) => db.insertInto('requestPauses').values(row).execute(),
    closePause: (id: string, endedOn: string, result: string) =>
      db.updateTable('requestPauses').set({ endedOn, result }).where('id', '=', id).where('endedOn', 'is', null).execute(),
    setPauseWindow: (id: string, windowDueOn: string) => db.updateTable('requestPauses').set({ windowDueOn }).where('id', '=', id).execute(),

    assignmentsOf: (requestId: string) =>
      db
        .selectFrom('requestAssignments')
        .innerJoin('departments', 'departments.id', 'requestAssignments.departmentId')
        .select(['departments.id', 'departments.name', 'requestAssignments.isLead', 'requestAssignments.assignedAt'])
        .where('requestAssignments.requestId', '=', requestId)
        .orderBy('requestAssignments.isLead', 'desc')
        .orderBy('departments.sortOrder')
        .execute(),
    assignmentsFor: (requestIds: string[]) =>
      requestIds.length
        ? db
            .selectFrom('requestAssignments')
            .innerJoin('departments', 'departments.id', 'requestAssignments.departmentId')
            .select(['requestAssignments.requestId', 'departments.id', 'departments.name', 'requestAssignments.isLead'])
            .where('requestAssignments.requestId', 'in', requestIds)
            .orderBy('requestAssignments.isLead', 'desc')
            .orderBy('departments.sortOrder')
            .execute()
        : Promise.resolve([]),
    async replaceAssignments(requestId: string, departmentIds: string[], at: string) {
      await db.deleteFrom('requestAssignments').where('requestId', '=', requestId).execute();
      await db
        .insertInto('requestAssignments')
        .values(departmentIds.map((departmentId, i) => ({ requestId, departmentId, isLead: i === 0 ? 1 : 0, assignedAt: at })))
        .execute();
    },

    insertAttachments: (rows: RequestAttachmentTable[]) =>
      rows.length ? db.insertInto('requestAttachments').values(rows).execute() : Promise.resolve([]),
    attachmentById: (requestId: string, attachmentId: string) =>
      db.selectFrom('requestAttachments').selectAll().where('requestId', '=', requestId).where('id', '=', attachmentId).executeTakeFirst(),
    attachmentsOf: (requestId: string) =>
      db.selectFrom('requestAttachments').select(['id', 'purpose', 'filename', 'mediaType', 'size']).where('requestId', '=', requestId).orderBy('createdAt').execute(),

    departmentsOfAgency: (agencyId: string) =>
      db.selectFrom('departments').selectAll().where('agencyId', '=', agencyId).orderBy('sortOrder').orderBy('name').execute(),
    departmentById: (id: string) => db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst(),
    agencyById: (id: string) => db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst(),
    agencyByCode: (code: string) => db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst(),
    firstAgency: () => db.selectFrom('agencies').selectAll().orderBy('createdAt').orderBy('id').limit(1).executeTakeFirst(),

    async list(f: ListFilter) {
      let q = filtered(f).selectAll('requests');
      // Work lists (open, overdue) come by due date, soonest first; the whole ledger newest first.
      // Overdue rows always have a reply date (the index gives the order); open ones waiting for a
      // correction have none yet and come last on both databases.
      q = f.status === 'overdue'
        ? q.orderBy('requests.replyDueOn').orderBy('requests.id')
        : f.status === 'open'
          ? q.orderBy('requests.replyDueOn', (ob) => ob.asc().nullsLast()).orderBy('requests.id')
          : q.orderBy('requests.receivedOn', 'desc').orderBy('requests.id', 'desc');
      const [items, total] = await Promise.all([
        q.limit(f.limit).offset(f.offset).execute(),
        filtered(f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },

    departmentQueue: (departmentId: string) =>
      db
        .selectFrom('requests')
        .selectAll('requests')
        .where('requests.id', 'in', (eb) => eb.selectFrom('requestAssignments').select('requestId').where('departmentId', '=', departmentId))
        .where('requests.status', 'in', ['assigned', 'drafting', 'consulting', 'officeReview'])
        .orderBy('requests.replyDueOn')
        .orderBy('requests.id')
        .limit(500)
        .execute(),

    /** Open requests in id order, a batch at a time (calendar recompute, reminder sweep). */
    openBatch: (afterId: string, limit: number) =>
      db.selectFrom('requests').selectAll().where('status', 'in', OPEN_STATUSES).where('id', '>', afterId).orderBy('id').limit(limit).execute(),

    async openAndOverdueCounts(agencyId: string, todayOn: string) {
      const open = await db.selectFrom('requests').select((eb) => eb.fn.countAll().as('n')).where('agencyId', '=', agencyId).where('status', 'in', OPEN_STATUSES).executeTakeFirstOrThrow();
      const overdue = await db
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('agencyId', '=', agencyId)
        .where('status', 'in', REPLY_OWED_STATUSES)
        .where('replyDueOn', '<', todayOn)
        .executeTakeFirstOrThrow();
      return { open: Number(open.n), overdue: Number(overdue.n) };
    },

    async insertNotification(row: NotificationTable): Promise<boolean> {
      const r = await db.insertInto('notifications').values(row).onConflict((oc) => oc.column('uniqueKey').doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    insertOutbox: (row: OutboxEmailTable) => db.insertInto('outboxEmails').values(row).execute(),
    outboxById: (id: string) => db.selectFrom('outboxEmails').selectAll().where('id', '=', id).executeTakeFirst(),
    markOutbox: (id: string, patch: Pick<Partial<OutboxEmailTable>, 'sentAt' | 'lastError'>) =>
      db.updateTable('outboxEmails').set(patch).where('id', '=', id).execute(),

    inbox: (agencyId: string, departmentId: string | null, limit: number) =>
      db
        .selectFrom('notifications')
        .selectAll()
        .where('agencyId', '=', agencyId)
        .where((eb) => (departmentId ? eb.or([eb('departmentId', '=', departmentId), eb('departmentId', 'is', null)]) : eb('departmentId', 'is', null)))
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
    notificationById: (id: string) => db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst(),
    markNotificationRead: (id: string, at: string) => db.updateTable('notifications').set({ readAt: at }).where('id', '=', id).where('readAt', 'is', null).execute(),
  };
}

export type RequestsRepository = ReturnType<typeof requestsRepository>;
export type RequestRow = RequestTable;
