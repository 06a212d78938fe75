// Covering indexes for the dashboard and the assessment over a year of data (bench/dashboard.bench.ts:
// 100,000 requests, ~800,000 timeline events, 20,000 items). Their queries walk one period's events
// (or review records) and look up each one's request (or item) and lead department; with these
// indexes every step reads index entries only, never the wide table rows. Two indexes of
// 20261122060200_assessment are replaced by wider ones with the same leading columns.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('request_events_kind_at_request_idx').on('requestEvents').columns(['kind', 'at', 'requestId']).execute();
  await db.schema.dropIndex('request_events_kind_at_idx').ifExists().execute();
  await db.schema.createIndex('review_records_agency_at_item_idx').on('reviewRecords').columns(['agencyId', 'at', 'conclusion', 'itemId']).execute();
  await db.schema.dropIndex('review_records_agency_at_idx').ifExists().execute();
  // A request's agency and dates by its id (the join from an event to its request).
  await db.schema.createIndex('requests_id_agency_idx').on('requests').columns(['id', 'agencyId', 'receivedOn', 'replyDueOn']).execute();
  // A request's lead department (the join from a request to who handled it).
  await db.schema.createIndex('request_assignments_lead_idx').on('requestAssignments').columns(['requestId', 'isLead', 'departmentId']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('request_assignments_lead_idx').ifExists().execute();
  await db.schema.dropIndex('requests_id_agency_idx').ifExists().execute();
  await db.schema.createIndex('review_records_agency_at_idx').on('reviewRecords').columns(['agencyId', 'at']).execute();
  await db.schema.dropIndex('review_records_agency_at_item_idx').ifExists().execute();
  await db.schema.createIndex('request_events_kind_at_idx').on('requestEvents').columns(['kind', 'at']).execute();
  await db.schema.dropIndex('request_events_kind_at_request_idx').ifExists().execute();
}
