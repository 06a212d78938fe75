// Tamper evidence (issue 8 part 4): the signed daily anchor of the audit chain's head, the hashes
// of what was published (网页防篡改 baseline), and the alerts raised when a published row or file
// no longer matches them.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('auditDigests')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('lastSeq', 'integer', (c) => c.notNull())
    .addColumn('headHash', 'text', (c) => c.notNull())
    .addColumn('eventCount', 'integer', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('publicKey', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('publishedHashes')
    .addColumn('itemId', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('agencyId', 'text', (c) => c.notNull())
    .addColumn('contentSha256', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('recordedAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_hashes_pk', ['itemId', 'version'])
    .execute();
  await db.schema
    .createTable('tamperAlerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull())
    .addColumn('itemId', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('detectedAt', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tamper_alerts_fingerprint_uq').unique().on('tamperAlerts').column('fingerprint').execute();
  await db.schema.createIndex('tamper_alerts_agency_idx').on('tamperAlerts').columns(['agencyId', 'detectedAt']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('tamperAlerts').execute();
  await db.schema.dropTable('publishedHashes').execute();
  await db.schema.dropTable('auditDigests').execute();
}
