// Screening before review (条例 第十五条: personal privacy is not disclosed; 先审查后公开):
// `privacy_findings` holds what the scan of a submitted item found (personal data and sensitive
// words) and the confidentiality reviewer's decision on each; `sensitive_words` is the lexicon
// administrators manage. The published copy is de-identified: `items.public_body_html/text` and
// `attachments.public_text_content` hold the masked copy (null = the original, nothing masked).
// The finding's text is personal data itself: it is stored encrypted (FieldCipher), with the
// masked form beside it for lists.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('privacyFindings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull())
    .addColumn('itemId', 'text', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('subjectType', 'text', (c) => c.notNull())
    .addColumn('subjectId', 'text', (c) => c.notNull())
    .addColumn('subjectLabel', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('textEnc', 'text', (c) => c.notNull())
    .addColumn('maskedText', 'text', (c) => c.notNull())
    .addColumn('startOffset', 'integer', (c) => c.notNull())
    .addColumn('endOffset', 'integer', (c) => c.notNull())
    .addColumn('confidencePct', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decidedBy', 'text')
    .addColumn('decidedByName', 'text')
    .addColumn('decidedAt', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('privacy_findings_item_idx').on('privacyFindings').columns(['itemId', 'decision']).execute();
  await db.schema
    .createTable('sensitiveWords')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('normalized', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('items').addColumn('publicBodyHtml', 'text').execute();
  await db.schema.alterTable('items').addColumn('publicBodyText', 'text').execute();
  await db.schema.alterTable('attachments').addColumn('publicTextContent', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('attachments').dropColumn('publicTextContent').execute();
  await db.schema.alterTable('items').dropColumn('publicBodyText').execute();
  await db.schema.alterTable('items').dropColumn('publicBodyHtml').execute();
  await db.schema.dropTable('sensitiveWords').ifExists().execute();
  await db.schema.dropTable('privacyFindings').ifExists().execute();
}
