// Real redaction (区分处理) of attachments before publication (条例 第十四—十六条, 第三十七条):
// `redactions` is the log of marked areas (who, which page and area, which legal ground, when);
// `redacted_copies` points an attachment at its redacted, content-addressed copy, which the
// public download and the search index use instead of the original (the original stays private).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('redactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('attachmentId', 'text', (c) => c.notNull().references('attachments.id').onDelete('cascade'))
    .addColumn('itemId', 'text', (c) => c.notNull())
    .addColumn('page', 'integer', (c) => c.notNull())
    .addColumn('x0', 'double precision', (c) => c.notNull())
    .addColumn('y0', 'double precision', (c) => c.notNull())
    .addColumn('x1', 'double precision', (c) => c.notNull())
    .addColumn('y1', 'double precision', (c) => c.notNull())
    .addColumn('searchText', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('textPreview', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdByName', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('appliedAt', 'text')
    .execute();
  await db.schema.createIndex('redactions_attachment_idx').on('redactions').columns(['attachmentId', 'page', 'createdAt']).execute();
  await db.schema
    .createTable('redactedCopies')
    .addColumn('attachmentId', 'text', (c) => c.primaryKey().references('attachments.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('textContent', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('areaCount', 'integer', (c) => c.notNull())
    .addColumn('appliedBy', 'text', (c) => c.notNull())
    .addColumn('appliedByName', 'text', (c) => c.notNull())
    .addColumn('appliedAt', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('redactedCopies').ifExists().execute();
  await db.schema.dropTable('redactions').ifExists().execute();
}
