// The reply as a whole (第三十六条): the covering opinion the handling department drafts, who drafted
// and who approved it, and the notice that carried it to the applicant. Its items are in
// `reply_items` (migration 20261122050000).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('requestReplies')
    .addColumn('requestId', 'text', (c) => c.primaryKey().references('requests.id').onDelete('cascade'))
    .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('draftedBy', 'text', (c) => c.notNull())
    .addColumn('draftedByName', 'text', (c) => c.notNull())
    .addColumn('draftedAt', 'text', (c) => c.notNull())
    .addColumn('approvedBy', 'text')
    .addColumn('approvedByName', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('approvedAt', 'text')
    .addColumn('approvedOn', 'text')
    .addColumn('noticeId', 'text')
    .addColumn('noticeNumber', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // Filings and reports look replies up by the day they were approved.
  await db.schema.createIndex('request_replies_approved_idx').on('requestReplies').columns(['approvedOn']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('request_replies_approved_idx').ifExists().execute();
  await db.schema.dropTable('requestReplies').ifExists().execute();
}
