// A year of requests, items and challenges with known answers for the annual report tests,
// brought in through the ledger import (requests) and the catalog's import (items); challenges
// and the few fields no import sets are written straight into their tables.
import { systemActor } from '../../src/core/audit/audit.ts';
import { newId } from '../../src/core/ids.ts';
import type { RequestChallengeTable } from '../../src/core/db/schema.ts';
import type { Services } from '../../src/services.ts';
import { createColumn, type Fixture } from '../factories.ts';

const header = 'trackingCode,applicantType,receivedOn,closedOn,outcome,reason';

/** Every outcome and reason once, applicant types in turn (combo i → type i % 6). */
export const COMBOS: [string, string][] = [
  ['granted', ''], ['partlyGranted', ''],
  ['refused', 'stateSecret'], ['refused', 'prohibitedByLaw'], ['refused', 'endangersSecurity'], ['refused', 'thirdPartyRights'],
  ['refused', 'internalAffairs'], ['refused', 'processInformation'], ['refused', 'enforcementFile'], ['refused', 'administrativeQuery'],
  ['unableToProvide', 'notHeld'], ['unableToProvide', 'needsCreation'], ['unableToProvide', 'stillUnclear'],
  ['notProcessed', 'petitionOrComplaint'], ['notProcessed', 'repeated'], ['notProcessed', 'publication'], ['notProcessed', 'excessive'], ['notProcessed', 'confirmation'],
  ['otherHandling', 'correctionOverdue'], ['otherHandling', 'feeUnpaid'], ['otherHandling', 'other'],
];
const TYPES = ['person', 'business', 'research', 'nonprofit', 'legalService', 'other'];

/** The ledger of the agency under test: 2019–2020 for the 2019 format, 2024–2026 for the 2021 format. */
export function mainLedger(): string {
  const lines = [header];
  COMBOS.forEach(([o, r], i) => {
    const month = String(1 + (i % 11) + 1).padStart(2, '0');
    lines.push(`Y25-${String(i).padStart(2, '0')},${TYPES[i % 6]},2025-${month}-03,2025-${month}-20,${o},${r}`);
  });
  lines.push(
    'L1,person,2024-12-20,2025-01-10,granted,', // carried in, closed in January
    'L2,business,2024-11-01,2024-12-30,granted,', // closed before the year: not in 2025
    'L3,research,2024-12-28,2025-01-01,refused,stateSecret', // closed on 1 January: still carried in
    'L4,nonprofit,2024-12-15,2026-01-05,unableToProvide,notHeld', // carried in and carried out
    'N1,business,2025-12-25,2026-01-08,partlyGranted,', // spans New Year
    'N2,legalService,2025-12-30,,,', // open at year end
    'N3,person,2025-06-01,,,', // open, long overdue
    'R1,person,2025-05-01,2025-05-10,granted,', // turned into a 第四十一条 record correction below
    // 2020 (2019 format)
    'P1,person,2019-12-20,2020-01-06,granted,',
    'P2,business,2020-03-01,2020-03-20,otherHandling,correctionOverdue',
    'P3,research,2020-04-01,2020-04-15,otherHandling,feeUnpaid',
    'P4,other,2020-05-01,2020-05-10,notProcessed,repeated',
    'P5,person,2020-12-28,2021-01-05,refused,thirdPartyRights',
    'P6,nonprofit,2020-06-01,2020-06-20,partlyGranted,',
    'P7,legalService,2020-07-01,2020-07-09,unableToProvide,needsCreation',
  );
  return `${lines.join('\r\n')}\r\n`;
}

export async function importCsv(services: Services, agencyId: string, csv: string) {
  return services.ledgerImport.importLedger(systemActor('测试'), agencyId, { filename: 'ledger.csv', bytes: Buffer.from(csv, 'utf8') });
}

async function requestId(services: Services, trackingCode: string): Promise<string> {
  return (await services.database.db.selectFrom('requests').select('id').where('trackingCode', '=', trackingCode).executeTakeFirstOrThrow()).id;
}

export async function addChallenge(services: Services, agencyId: string, trackingCode: string, fields: Pick<RequestChallengeTable, 'kind' | 'filedOn'> & Partial<RequestChallengeTable>) {
  const now = '2026-01-20T00:00:00.000Z';
  await services.database.db.insertInto('requestChallenges').values({
    id: newId(), agencyId, requestId: await requestId(services, trackingCode), litigationPath: null, body: '赣州市人民政府', caseNumber: '', decidedOn: null,
    result: 'pending', note: '', createdBy: 'test', createdAt: now, updatedAt: now, ...fields,
  }).execute();
}

/** Requests, record correction, challenges and catalog items of the agency under test. */
export async function buildMainYear(services: Services, fx: Fixture): Promise<void> {
  const agencyId = fx.agency.id;
  await importCsv(services, agencyId, mainLedger());
  await services.database.db.updateTable('requests').set({ kind: 'recordCorrection' }).where('trackingCode', '=', 'R1').execute();

  const c = (kind: 'reconsideration' | 'litigation', filedOn: string, decidedOn: string | null, result: RequestChallengeTable['result'], litigationPath: RequestChallengeTable['litigationPath'] = null) =>
    addChallenge(services, agencyId, 'Y25-00', { kind, filedOn, decidedOn, result, litigationPath });
  await c('reconsideration', '2025-03-01', '2025-05-01', 'upheld');
  await c('reconsideration', '2025-04-01', '2025-06-01', 'corrected');
  await c('reconsideration', '2025-11-01', '2026-01-10', 'upheld'); // decided after the year: 尚未审结
  await c('reconsideration', '2025-05-01', null, 'pending');
  await c('litigation', '2025-02-01', '2025-08-01', 'other', 'direct');
  await c('litigation', '2025-09-01', null, 'pending', 'direct');
  await c('litigation', '2025-07-01', '2025-10-01', 'upheld', 'afterReconsideration');
  await c('litigation', '2025-08-01', '2025-12-31', 'corrected', 'afterReconsideration');
  await c('reconsideration', '2024-12-01', '2025-01-10', 'upheld'); // filed the year before
  await c('reconsideration', '2020-05-01', '2020-06-01', 'other');

  // Catalog: 规章 (gz) and 规范性文件 (gfxwj, with a sub-column), and an unrelated column.
  const gz = await createColumn(services, fx, '规章', { code: 'gz' });
  const gfxwj = await createColumn(services, fx, '规范性文件', { code: 'gfxwj' });
  const sub = await createColumn(services, fx, '2025年规范性文件', { code: 'gfxwj-2025', parentId: gfxwj.id });
  const other = await createColumn(services, fx, '其他文件', { code: 'qtwj' });
  const item = async (columnId: string, title: string, writtenOn: string, publishedOn: string, patch: Record<string, unknown> = {}) => {
    const it = await services.catalog.importPublished(systemActor('测试'), agencyId, { columnId, title, writtenOn, publishedOn });
    if (Object.keys(patch).length) await services.database.db.updateTable('items').set(patch).where('id', '=', it.id).execute();
    return it;
  };
  await item(gz.id, '赣州市国土空间规划管理办法', '2025-03-01', '2025-03-10');
  const repealed = await item(gz.id, '赣州市土地储备管理办法', '2018-05-01', '2018-05-20', { validity: 'repealed', repealedOn: '2025-06-30' });
  await item(gfxwj.id, '关于规范农村宅基地审批的通知', '2025-01-15', '2025-02-01');
  await item(gfxwj.id, '关于耕地占补平衡的实施意见', '2024-12-20', '2025-01-05');
  await item(sub.id, '关于临时用地管理的通知', '2025-07-01', '2025-07-10', { validity: 'expired' });
  await item(gfxwj.id, '关于不动产登记收费的通知', '2020-04-01', '2020-04-10');
  await item(other.id, '2025年工作要点', '2025-02-01', '2025-02-10');
  await item(gz.id, '关于废止《赣州市土地储备管理办法》的说明', '2025-06-30', '2025-07-02', { repealNoticeForItemId: repealed.id });
}
