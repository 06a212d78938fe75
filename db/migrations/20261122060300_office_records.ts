// Office records the seeds require (issue 6 part 7): release coordination letters (发布协调),
// clarification items (澄清) and reading-room provision (查阅场所, 条例 第二十五条).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('releaseCoordinations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('itemId', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('recipientAgency', 'text', (c) => c.notNull())
    .addColumn('recipientContact', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('sentOn', 'text', (c) => c.notNull())
    .addColumn('dueOn', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('answerText', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answeredOn', 'text')
    .addColumn('recordedBy', 'text')
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('release_coordinations_number_uq').unique().on('releaseCoordinations').columns(['agencyId', 'year', 'serial']).execute();
  await db.schema.createIndex('release_coordinations_item_idx').on('releaseCoordinations').columns(['itemId']).execute();

  await db.schema.alterTable('items').addColumn('isClarification', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('itemClarifications')
    .addColumn('itemId', 'text', (c) => c.primaryKey().references('items.id'))
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('correctsItemId', 'text', (c) => c.references('items.id'))
    .addColumn('circulatingInfo', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('circulatingUrl', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('readingRoomProvisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('itemId', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('roomName', 'text', (c) => c.notNull())
    .addColumn('publishedOn', 'text', (c) => c.notNull())
    .addColumn('dueOn', 'text', (c) => c.notNull())
    .addColumn('providedOn', 'text')
    .addColumn('providedBy', 'text')
    .addColumn('providedById', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  // One row per item per room: the publication hook and the safety-net job insert idempotently.
  await db.schema.createIndex('reading_room_provisions_item_room_uq').unique().on('readingRoomProvisions').columns(['itemId', 'roomName']).execute();
  await db.schema.createIndex('reading_room_provisions_open_idx').on('readingRoomProvisions').columns(['agencyId', 'providedOn', 'dueOn']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('readingRoomProvisions').ifExists().execute();
  await db.schema.dropTable('itemClarifications').ifExists().execute();
  await db.schema.alterTable('items').dropColumn('isClarification').execute();
  await db.schema.dropTable('releaseCoordinations').ifExists().execute();
}
