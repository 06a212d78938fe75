// What the applicant receives with a reply (issue 5): the files of information provided, with
// their redacted copies (区分处理, 第三十七条) and the redaction marks they were made from, and
// the record of delivery (送达) by the chosen method.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('replyFiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requestId', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('replyItemId', 'text')
    .addColumn('replyItemPosition', 'integer')
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mediaType', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('redactedSha256', 'text')
    .addColumn('redactedSize', 'integer')
    .addColumn('redactedAt', 'text')
    .addColumn('redactedBy', 'text')
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reply_files_request_idx').on('replyFiles').columns(['requestId', 'createdAt']).execute();

  await db.schema
    .createTable('replyFileRedactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('replyFileId', 'text', (c) => c.notNull().references('replyFiles.id').onDelete('cascade'))
    .addColumn('searchText', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('textPreview', 'text', (c) => c.notNull())
    .addColumn('occurrences', 'integer', (c) => c.notNull())
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reply_file_redactions_file_idx').on('replyFileRedactions').columns(['replyFileId']).execute();

  await db.schema
    .createTable('replyDeliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requestId', 'text', (c) => c.notNull().unique().references('requests.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('deliveredOn', 'text', (c) => c.notNull())
    .addColumn('trackingNumber', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recipientNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recordedBy', 'text', (c) => c.notNull())
    .addColumn('recordedAt', 'text', (c) => c.notNull())
    .addColumn('firstDownloadedAt', 'text')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('replyDeliveries').ifExists().execute();
  await db.schema.dropTable('replyFileRedactions').ifExists().execute();
  await db.schema.dropTable('replyFiles').ifExists().execute();
}
