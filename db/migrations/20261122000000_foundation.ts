// Foundation: accounts, sessions, audit chain, working-day calendar, catalog, review, jobs.
import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they run against whatever schema exists at that point.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('shortName', 'text', (c) => c.notNull())
    .addColumn('creditCode', 'text', (c) => c.notNull().unique())
    .addColumn('parentAgencyId', 'text', (c) => c.references('agencies.id'))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('officeHours', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fax', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('readingRooms', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('indexNumberTemplate', 'text', (c) => c.notNull().defaultTo('{creditCode}/{YYYY}-{NNNNN}'))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('isDisclosureOffice', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sortOrder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addUniqueConstraint('departments_agency_name_unique', ['agencyId', 'name'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('departmentId', 'text', (c) => c.references('departments.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('displayName', 'text', (c) => c.notNull())
    .addColumn('passwordHash', 'text', (c) => c.notNull())
    .addColumn('isPrincipalLeader', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('mustChangePassword', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('userRoles')
    .addColumn('userId', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['userId', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('tokenHash', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrfToken', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('userAgent', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('lastSeenAt', 'text', (c) => c.notNull())
    .addColumn('expiresAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('userId').execute();

  await db.schema
    .createTable('loginAttempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_username_at_idx').on('loginAttempts').columns(['username', 'at']).execute();
  await db.schema.createIndex('login_attempts_ip_at_idx').on('loginAttempts').columns(['ip', 'at']).execute();

  await db.schema
    .createTable('auditEvents')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actorId', 'text')
    .addColumn('actorName', 'text', (c) => c.notNull())
    .addColumn('agencyId', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subjectType', 'text', (c) => c.notNull())
    .addColumn('subjectId', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('prevHash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_subject_idx').on('auditEvents').columns(['subjectType', 'subjectId']).execute();

  // The chain's head: one row, updated in every appending transaction, which serialises appends.
  await db.schema
    .createTable('auditHead')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('auditHead').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();

  await db.schema
    .createTable('calendarDays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('calendarYears')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addColumn('updatedBy', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('columns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('parentId', 'text', (c) => c.references('columns.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sortOrder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updateIntervalDays', 'integer')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addUniqueConstraint('columns_agency_code_unique', ['agencyId', 'code'])
    .execute();
  await db.schema
    .createTable('columnDepartments')
    .addColumn('columnId', 'text', (c) => c.notNull().references('columns.id'))
    .addColumn('departmentId', 'text', (c) => c.notNull().references('departments.id'))
    .addPrimaryKeyConstraint('column_departments_pk', ['columnId', 'departmentId'])
    .execute();

  await db.schema
    .createTable('items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('columnId', 'text', (c) => c.notNull().references('columns.id'))
    .addColumn('departmentId', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('indexNumber', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('docNumber', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issuers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('writtenOn', 'text')
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bodyHtml', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bodyText', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('disclosureMode', 'text', (c) => c.notNull())
    .addColumn('disclosureModeReason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('isMajor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('repealNoticeForItemId', 'text', (c) => c.references('items.id'))
    .addColumn('publishDueOn', 'text')
    .addColumn('publishedOn', 'text')
    .addColumn('publishedAt', 'text')
    .addColumn('repealedOn', 'text')
    .addColumn('repealNoticeDueOn', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addUniqueConstraint('items_agency_index_number_unique', ['agencyId', 'indexNumber'])
    .execute();
  await db.schema.createIndex('items_agency_status_idx').on('items').columns(['agencyId', 'status']).execute();
  await db.schema
    .createIndex('items_column_published_idx')
    .on('items')
    .columns(['columnId', 'status', 'publishedOn', 'id'])
    .execute();
  await db.schema.createIndex('items_published_idx').on('items').columns(['status', 'publishedOn', 'id']).execute();

  await db.schema
    .createTable('itemVersions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('itemId', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addUniqueConstraint('item_versions_item_version_unique', ['itemId', 'version'])
    .execute();

  await db.schema
    .createTable('itemInterpretations')
    .addColumn('policyItemId', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('interpretationItemId', 'text', (c) => c.notNull().references('items.id'))
    .addPrimaryKeyConstraint('item_interpretations_pk', ['policyItemId', 'interpretationItemId'])
    .execute();
  await db.schema
    .createIndex('item_interpretations_reverse_idx')
    .on('itemInterpretations')
    .column('interpretationItemId')
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('itemId', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mediaType', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('textContent', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdBy', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_item_idx').on('attachments').column('itemId').execute();

  await db.schema
    .createTable('indexCounters')
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('lastNumber', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_counters_pk', ['agencyId', 'year'])
    .execute();

  await db.schema
    .createTable('reviewRecords')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('itemId', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('agencyId', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reviewerId', 'text', (c) => c.notNull())
    .addColumn('reviewerName', 'text', (c) => c.notNull())
    .addColumn('itemTitle', 'text', (c) => c.notNull())
    .addColumn('itemDocNumber', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('itemSummary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_records_item_idx').on('reviewRecords').columns(['itemId', 'at']).execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('uniqueKey', 'text', (c) => c.unique())
    .addColumn('runAt', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lockedBy', 'text')
    .addColumn('lockedUntil', 'text')
    .addColumn('lastError', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('finishedAt', 'text')
    .execute();
  await db.schema.createIndex('jobs_status_run_at_idx').on('jobs').columns(['status', 'runAt']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'jobs', 'reviewRecords', 'indexCounters', 'attachments', 'itemInterpretations', 'itemVersions', 'items',
    'columnDepartments', 'columns', 'calendarYears', 'calendarDays', 'auditHead', 'auditEvents',
    'loginAttempts', 'sessions', 'userRoles', 'users', 'departments', 'agencies',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
