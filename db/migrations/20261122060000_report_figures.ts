// The annual report counts an agency's requests by receipt date, closing date, applicant type,
// outcome and reason (table 三) in one pass: a covering index lets that pass read the index only.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('requests_report_figures_idx')
    .on('requests')
    .columns(['agencyId', 'kind', 'originalReceivedOn', 'closedOn', 'applicantType', 'outcome', 'outcomeReason'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('requests_report_figures_idx').ifExists().execute();
}
