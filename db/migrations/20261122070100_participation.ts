// Public participation (issue 7 part 6): 在线咨询 and 局长信箱 messages, their routing to a
// department, the answer and its publication. The phone is encrypted at rest like a request's.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('trackingCode', 'text', (c) => c.notNull())
    .addColumn('idempotencyKey', 'text')
    .addColumn('askerName', 'text', (c) => c.notNull())
    .addColumn('phoneEnc', 'text', (c) => c.notNull())
    .addColumn('phoneMasked', 'text', (c) => c.notNull())
    .addColumn('phoneLast4', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('consentToPublish', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('departmentId', 'text', (c) => c.references('departments.id'))
    .addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('draftedBy', 'text')
    .addColumn('answeredBy', 'text')
    .addColumn('answeredOn', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('publicSubject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('publicContent', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('publicAnswer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('publishedAt', 'text')
    .addColumn('invalidReason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('receivedOn', 'text', (c) => c.notNull())
    .addColumn('replyDueOn', 'text', (c) => c.notNull())
    .addColumn('inspectionDueOn', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('messages_tracking_code_uq').unique().on('messages').column('trackingCode').execute();
  await db.schema.createIndex('messages_idempotency_key_uq').unique().on('messages').column('idempotencyKey').execute();
  await db.schema.createIndex('messages_agency_status_idx').on('messages').columns(['agencyId', 'status', 'receivedOn']).execute();
  await db.schema.createIndex('messages_public_idx').on('messages').columns(['agencyId', 'published', 'answeredOn']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('messages').execute();
}
