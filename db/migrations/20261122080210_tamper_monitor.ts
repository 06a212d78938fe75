// 网页防篡改 (issue 8 part 4): the fingerprint of every published item taken at publication, and
// the alerts the monitor raises when a published row or file no longer matches it.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('publishedFingerprints')
    .addColumn('itemId', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('contentSha256', 'text', (c) => c.notNull())
    .addColumn('fieldHashes', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('recordedAt', 'text', (c) => c.notNull())
    .addColumn('recordedBy', 'text', (c) => c.notNull())
    .addColumn('retiredAt', 'text')
    .execute();

  await db.schema
    .createTable('tamperAlerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('uniqueKey', 'text', (c) => c.notNull().unique())
    .addColumn('agencyId', 'text', (c) => c.notNull())
    .addColumn('itemId', 'text', (c) => c.notNull())
    .addColumn('itemTitle', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('detectedAt', 'text', (c) => c.notNull())
    .addColumn('resolvedAt', 'text')
    .addColumn('resolvedBy', 'text')
    .addColumn('resolvedByName', 'text')
    .addColumn('resolution', 'text')
    .addColumn('resolutionNote', 'text')
    .execute();
  await db.schema.createIndex('tamper_alerts_agency_idx').on('tamperAlerts').columns(['agencyId', 'detectedAt']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('tamperAlerts').execute();
  await db.schema.dropTable('publishedFingerprints').execute();
}
