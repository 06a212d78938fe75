// Notices (告知书): administrator-edited templates (the defaults live in code), the notices as
// issued (frozen text, numbered per agency and year), the per-agency, per-year counters, and the
// two agency settings the remedy sentence needs (who hears a reconsideration, which court).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Empty means "derive from the agency's name" (see notices/remedy.ts); administrators may set them.
  await db.schema.alterTable('agencies').addColumn('reconsiderationBody', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('agencies').addColumn('litigationCourt', 'text', (c) => c.notNull().defaultTo('')).execute();

  await db.schema
    .createTable('noticeTemplates')
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updatedBy', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_templates_pk', ['agencyId', 'kind'])
    .execute();

  await db.schema
    .createTable('noticeCounters')
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('lastNumber', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_counters_pk', ['agencyId', 'year'])
    .execute();

  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('requestId', 'text', (c) => c.references('requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('issuedOn', 'text', (c) => c.notNull())
    .addColumn('issuedBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  // A number is never given twice, even if the counter were reset by hand.
  await db.schema.createIndex('notices_number_uq').on('notices').columns(['agencyId', 'year', 'serial']).unique().execute();
  await db.schema.createIndex('notices_request_idx').on('notices').columns(['requestId', 'createdAt']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('notices').ifExists().execute();
  await db.schema.dropTable('noticeCounters').ifExists().execute();
  await db.schema.dropTable('noticeTemplates').ifExists().execute();
  await db.schema.alterTable('agencies').dropColumn('litigationCourt').execute();
  await db.schema.alterTable('agencies').dropColumn('reconsiderationBody').execute();
}
