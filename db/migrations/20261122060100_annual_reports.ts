// Stored annual reports (第四十九、五十条): one per agency and year, with the narrative sections
// the office writes, the figures entered by hand, the figures frozen when the report is submitted,
// and the catalog item (年报 column) through which it is reviewed and published.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('annualReports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('overview', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('problems', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('other', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('manualFigures', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('figuresSnapshot', 'text')
    .addColumn('catalogItemId', 'text')
    .addColumn('submittedAt', 'text')
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('annual_reports_agency_year_uq').on('annualReports').columns(['agencyId', 'year']).unique().execute();
  await db.schema.createIndex('annual_reports_item_idx').on('annualReports').columns(['catalogItemId']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('annualReports').execute();
}
