// The information processing fee of one request (国办函〔2020〕109号): the assessment (per request
// or per page, never both), the fee notice and payment window, payment, and the hardship waiver
// a leader decides. One row per request; amounts in fen.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('requestFees')
    .addColumn('requestId', 'text', (c) => c.primaryKey().references('requests.id').onDelete('cascade'))
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('pages', 'integer')
    .addColumn('rankInMonth', 'integer', (c) => c.notNull())
    .addColumn('amountFen', 'integer', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('noticeId', 'text')
    .addColumn('noticeOn', 'text')
    .addColumn('paymentDueOn', 'text')
    .addColumn('paidOn', 'text')
    .addColumn('paymentReference', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('receiptNoticeId', 'text')
    .addColumn('waiverStatus', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('waiverProposal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('waiverReason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('waiverDecidedBy', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('waiverDecidedOn', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  // Fees collected per agency and year (annual report section 六).
  await db.schema.createIndex('request_fees_agency_paid_idx').on('requestFees').columns(['agencyId', 'paidOn']).execute();
  // The applicant's requests this month (per-request tier): same blind index, agency and month.
  await db.schema.createIndex('requests_applicant_month_idx').on('requests').columns(['agencyId', 'idNumberIndex', 'receivedOn']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('requests_applicant_month_idx').ifExists().execute();
  await db.schema.dropTable('requestFees').ifExists().execute();
}
