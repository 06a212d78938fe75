// Information requests (依申请公开): applications, assignments, clock pauses, timeline,
// attachments, staff notifications and the e-mail outbox.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('trackingCode', 'text', (c) => c.notNull().unique())
    .addColumn('idempotencyKey', 'text', (c) => c.unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('applicantType', 'text', (c) => c.notNull())
    .addColumn('applicantName', 'text', (c) => c.notNull())
    .addColumn('idType', 'text', (c) => c.notNull())
    .addColumn('idNumberEnc', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('idNumberIndex', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('idNumberMasked', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('orgCreditCode', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('legalRepresentative', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agentName', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agentIdNumberEnc', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agentIdNumberMasked', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('phoneLast4', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('infoDescription', 'text', (c) => c.notNull())
    .addColumn('infoTitle', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('infoDocNumber', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('deliveryMethod', 'text', (c) => c.notNull())
    .addColumn('feeWaiverRequested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('feeWaiverReason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('outcomeReason', 'text')
    .addColumn('originalReceivedOn', 'text', (c) => c.notNull())
    .addColumn('receivedOn', 'text', (c) => c.notNull())
    .addColumn('receivedAt', 'text', (c) => c.notNull())
    .addColumn('correctionNoticeDueOn', 'text')
    .addColumn('correctionRequestedOn', 'text')
    .addColumn('correctionPeriodDueOn', 'text')
    .addColumn('correctionCount', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replyDueOn', 'text')
    .addColumn('extensionDays', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extensionReason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('extensionApprovedBy', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('closedOn', 'text')
    .addColumn('mergedIntoId', 'text', (c) => c.references('requests.id'))
    .addColumn('splitFromId', 'text', (c) => c.references('requests.id'))
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requests_agency_status_idx').on('requests').columns(['agencyId', 'status', 'replyDueOn']).execute();
  await db.schema.createIndex('requests_agency_received_idx').on('requests').columns(['agencyId', 'receivedOn', 'id']).execute();
  await db.schema.createIndex('requests_id_number_idx').on('requests').column('idNumberIndex').execute();

  await db.schema
    .createTable('requestAssignments')
    .addColumn('requestId', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('departmentId', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('isLead', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('assignedAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_assignments_pk', ['requestId', 'departmentId'])
    .execute();
  await db.schema.createIndex('request_assignments_department_idx').on('requestAssignments').column('departmentId').execute();

  await db.schema
    .createTable('requestPauses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requestId', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('partyName', 'text', (c) => c.notNull())
    .addColumn('startedOn', 'text', (c) => c.notNull())
    .addColumn('endedOn', 'text')
    .addColumn('windowDueOn', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('request_pauses_request_idx').on('requestPauses').column('requestId').execute();

  await db.schema
    .createTable('requestEvents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requestId', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actorId', 'text')
    .addColumn('actorName', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('visibleToApplicant', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('request_events_request_idx').on('requestEvents').columns(['requestId', 'at']).execute();

  await db.schema
    .createTable('requestAttachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requestId', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mediaType', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_attachments_request_idx').on('requestAttachments').column('requestId').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('uniqueKey', 'text', (c) => c.unique())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('departmentId', 'text', (c) => c.references('departments.id'))
    .addColumn('userId', 'text', (c) => c.references('users.id'))
    .addColumn('subjectType', 'text', (c) => c.notNull())
    .addColumn('subjectId', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('readAt', 'text')
    .execute();
  await db.schema.createIndex('notifications_agency_idx').on('notifications').columns(['agencyId', 'createdAt']).execute();

  await db.schema
    .createTable('outboxEmails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('toAddress', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('sentAt', 'text')
    .addColumn('lastError', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['outboxEmails', 'notifications', 'requestAttachments', 'requestEvents', 'requestPauses', 'requestAssignments', 'requests'])
    await db.schema.dropTable(t).ifExists().execute();
}
