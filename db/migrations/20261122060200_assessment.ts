// Assessment (考核) scoring rules, one row per agency (defaults in code until an officer saves
// one), and the indexes the dashboards, the assessment and the column-freshness monitor read by.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('assessmentRules')
    .addColumn('agencyId', 'text', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('baseScore', 'double precision', (c) => c.notNull())
    .addColumn('perLateItem', 'double precision', (c) => c.notNull())
    .addColumn('perLateReply', 'double precision', (c) => c.notNull())
    .addColumn('perIgnoredReminder', 'double precision', (c) => c.notNull())
    .addColumn('perTenPercentSentBack', 'double precision', (c) => c.notNull())
    .addColumn('perTenPercentReturned', 'double precision', (c) => c.notNull())
    .addColumn('updatedBy', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  // Dashboards and assessment: items by department and publication date; request events by kind.
  await db.schema.createIndex('items_agency_department_published_idx').on('items').columns(['agencyId', 'departmentId', 'publishedOn']).execute();
  await db.schema.createIndex('request_events_kind_at_idx').on('requestEvents').columns(['kind', 'at']).execute();
  await db.schema.createIndex('review_records_agency_at_idx').on('reviewRecords').columns(['agencyId', 'at']).execute();
  // Column freshness reads the foundation's items_column_published_idx (columnId, status, publishedOn).
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('review_records_agency_at_idx').ifExists().execute();
  await db.schema.dropIndex('request_events_kind_at_idx').ifExists().execute();
  await db.schema.dropIndex('items_agency_department_published_idx').ifExists().execute();
  await db.schema.dropTable('assessmentRules').ifExists().execute();
}
