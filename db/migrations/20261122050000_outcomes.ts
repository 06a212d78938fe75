// The answer side of a request, as far as other modules read it: the items of a reply, each
// with its own decision (table 三, 第三十六、三十七条), and the challenges to a reply
// (administrative reconsideration and litigation, table 四). Requests also get a kind: a request
// to correct records about oneself (第四十一条) is routed and answered like an information
// request but is not counted in table 三.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('requests').addColumn('kind', 'text', (c) => c.notNull().defaultTo('disclosure')).execute();
  await db.schema
    .createTable('replyItems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requestId', 'text', (c) => c.notNull().references('requests.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('replyType', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('explanation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('catalogItemId', 'text')
    .addColumn('holderAgency', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('docNumber', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reply_items_request_idx').on('replyItems').columns(['requestId', 'position']).execute();
  await db.schema.createIndex('reply_items_outcome_idx').on('replyItems').columns(['outcome', 'requestId']).execute();

  await db.schema
    .createTable('requestChallenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('requestId', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('litigationPath', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('caseNumber', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('filedOn', 'text', (c) => c.notNull())
    .addColumn('decidedOn', 'text')
    .addColumn('result', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_challenges_agency_idx').on('requestChallenges').columns(['agencyId', 'filedOn']).execute();
  await db.schema.createIndex('request_challenges_request_idx').on('requestChallenges').columns(['requestId']).execute();
  // The annual report counts requests by closing date, per agency (receipt: 20261122060000).
  await db.schema.createIndex('requests_agency_closed_idx').on('requests').columns(['agencyId', 'closedOn']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('requests_agency_closed_idx').ifExists().execute();
  await db.schema.dropTable('requestChallenges').ifExists().execute();
  await db.schema.dropTable('replyItems').ifExists().execute();
  await db.schema.alterTable('requests').dropColumn('kind').execute();
}
