// 网页防篡改 baselines (issue 8 part 4): a fingerprint taken by the monitor itself for an item it
// never saw published is marked as such (origin 'baseline') until the office has checked the
// content; and a registry of every item ever fingerprinted, kept apart from the fingerprints, so
// that a deleted fingerprint is an alert instead of a silent new baseline.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('publishedFingerprints').addColumn('origin', 'text', (c) => c.notNull().defaultTo('publication')).execute();
  await db.schema.alterTable('publishedFingerprints').addColumn('baselineCheckedAt', 'text').execute();
  await db.schema.alterTable('publishedFingerprints').addColumn('baselineCheckedBy', 'text').execute();
  await sql`update published_fingerprints set origin = 'baseline' where recorded_by = 'baseline'`.execute(db);

  await db.schema
    .createTable('tamperRegistry')
    .addColumn('itemId', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull())
    .addColumn('firstRecordedAt', 'text', (c) => c.notNull())
    .addColumn('firstRecordedBy', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into tamper_registry (item_id, agency_id, first_recorded_at, first_recorded_by)
    select item_id, agency_id, recorded_at, recorded_by from published_fingerprints`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('tamperRegistry').execute();
  await db.schema.alterTable('publishedFingerprints').dropColumn('baselineCheckedBy').execute();
  await db.schema.alterTable('publishedFingerprints').dropColumn('baselineCheckedAt').execute();
  await db.schema.alterTable('publishedFingerprints').dropColumn('origin').execute();
}
