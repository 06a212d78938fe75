// Catalog additions: the approval date that starts the publication clock for items without a
// 成文日期 (条例 第二十六条), and an index for an agency's public list, newest first.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('items').addColumn('approvedOn', 'text').execute();
  await db.schema
    .createIndex('items_agency_published_idx')
    .on('items')
    .columns(['agencyId', 'status', 'publishedOn', 'id'])
    .execute();
  await db.schema.createIndex('items_repeal_notice_for_idx').on('items').column('repealNoticeForItemId').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('items_repeal_notice_for_idx').ifExists().execute();
  await db.schema.dropIndex('items_agency_published_idx').ifExists().execute();
  await db.schema.alterTable('items').dropColumn('approvedOn').execute();
}
