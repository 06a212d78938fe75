// Known data for the dashboard and assessment tests, written straight into the tables (the
// figures are about stored states and dates, not about how the workflows reached them).
import { newId } from '../../src/core/ids.ts';
import type { ItemTable, RequestTable } from '../../src/core/db/schema.ts';
import type { Services } from '../../src/services.ts';

let counter = 0;

export async function insertRequest(services: Services, agencyId: string, fields: Partial<RequestTable> & { leadDepartmentId?: string } = {}) {
  const { leadDepartmentId, ...rest } = fields;
  const id = newId();
  const receivedOn = rest.receivedOn ?? '2025-09-01';
  const row: RequestTable = {
    id, agencyId, trackingCode: `T${Date.now().toString(36)}${++counter}`.toUpperCase(), idempotencyKey: null, channel: 'online',
    applicantType: 'naturalPerson', applicantName: '测试申请人', idType: 'residentId', idNumberEnc: '', idNumberIndex: '', idNumberMasked: '',
    orgCreditCode: '', legalRepresentative: '', agentName: '', agentIdNumberEnc: '', agentIdNumberMasked: '', phone: '', phoneLast4: '',
    email: '', address: '', postcode: '', infoDescription: '某地块征地补偿安置方案', infoTitle: '', infoDocNumber: '', purpose: '',
    deliveryMethod: 'online', feeWaiverRequested: 0, feeWaiverReason: '', status: 'drafting', outcome: null, outcomeReason: null,
    originalReceivedOn: receivedOn, receivedOn, receivedAt: `${receivedOn}T02:00:00.000Z`, correctionNoticeDueOn: null,
    correctionRequestedOn: null, correctionPeriodDueOn: null, correctionCount: 0, correctionPeriodDays: 15, replyDueOn: null,
    extensionDays: 0, extensionReason: '', extensionApprovedBy: '', closedOn: null, mergedIntoId: null, splitFromId: null, imported: 0,
    createdAt: `${receivedOn}T02:00:00.000Z`, updatedAt: `${receivedOn}T02:00:00.000Z`, ...rest,
  };
  const db = services.database.db;
  await db.insertInto('requests').values(row).execute();
  if (leadDepartmentId) await db.insertInto('requestAssignments').values({ requestId: id, departmentId: leadDepartmentId, isLead: 1, assignedAt: row.createdAt }).execute();
  return row;
}

export async function insertEvent(services: Services, requestId: string, kind: string, at: string) {
  await services.database.db.insertInto('requestEvents').values({
    id: newId(), requestId, at, actorId: null, actorName: '测试', kind, note: '', data: '{}', visibleToApplicant: 0,
  }).execute();
}

export async function insertItem(services: Services, agencyId: string, columnId: string, departmentId: string, fields: Partial<ItemTable> = {}) {
  const id = newId();
  const row: ItemTable = {
    id, agencyId, columnId, departmentId, status: 'draft', indexNumber: null, title: `测试信息${++counter}`, docNumber: '', issuers: '[]',
    writtenOn: null, topic: '', summary: '', bodyHtml: '<p>正文</p>', bodyText: '正文', disclosureMode: 'proactive', disclosureModeReason: '',
    scope: 'public', validity: 'inForce', isMajor: 0, repealNoticeForItemId: null, publishDueOn: null, publishedOn: null, publishedAt: null,
    repealedOn: null, repealNoticeDueOn: null, approvedOn: null, version: 1, createdBy: 'test', createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z', ...fields,
  };
  if (row.status === 'published' && !row.indexNumber) row.indexNumber = `TEST-${id}`;
  await services.database.db.insertInto('items').values(row).execute();
  return row;
}
