// The quarterly withholding filing (不予公开备案表): one per agency and quarter, generated from the
// refusals decided in the quarter, reviewed row by row (classification level, the confidentiality
// office's opinion) and marked as filed with whom and when.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('withholdingFilings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('generatedAt', 'text', (c) => c.notNull())
    .addColumn('filedOn', 'text')
    .addColumn('filedTo', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('filedBy', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addUniqueConstraint('withholding_filings_quarter_uq', ['agencyId', 'year', 'quarter'])
    .execute();
  await db.schema
    .createTable('withholdingFilingRows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('filingId', 'text', (c) => c.notNull().references('withholdingFilings.id').onDelete('cascade'))
    .addColumn('requestId', 'text', (c) => c.notNull().references('requests.id'))
    /** The refused reply item, or null when the request itself was closed as refused. */
    .addColumn('replyItemId', 'text')
    /** requestId or requestId:replyItemId: what keeps entered levels across regenerations. */
    .addColumn('sourceKey', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('repliedOn', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('docNumber', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('classificationLevel', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('confidentialityOpinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reviewedBy', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addUniqueConstraint('withholding_filing_rows_source_uq', ['filingId', 'sourceKey'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('withholdingFilingRows').ifExists().execute();
  await db.schema.dropTable('withholdingFilings').ifExists().execute();
}
