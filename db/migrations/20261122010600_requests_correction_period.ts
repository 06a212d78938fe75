// The applicant's correction period in working days (第三十条 "reasonable period"), kept so that a
// calendar change can recompute correctionPeriodDueOn; and an index for the supervisor's and
// the reminder sweep's open-request scans and the register's overdue filter.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('requests').addColumn('correctionPeriodDays', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('requests_status_idx').on('requests').columns(['status', 'id']).execute();
  // The register's 'overdue' filter walks due dates in order and stops after one page.
  await db.schema.createIndex('requests_agency_due_idx').on('requests').columns(['agencyId', 'replyDueOn', 'status']).execute();
  await db.schema.createIndex('notifications_department_idx').on('notifications').columns(['departmentId', 'createdAt']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('notifications_department_idx').ifExists().execute();
  await db.schema.dropIndex('requests_agency_due_idx').ifExists().execute();
  await db.schema.dropIndex('requests_status_idx').ifExists().execute();
  await db.schema.alterTable('requests').dropColumn('correctionPeriodDays').execute();
}
