// Shared test data for the requests tests: a valid application and a few ways to move a request.
import { idCardCheckChar } from '../../src/core/text/identifiers.ts';
import type { FakeClock } from '../../src/core/time/clock.ts';
import type { ApplicationInput, OnlineApplication } from '../../src/modules/requests/index.ts';
import type { Services } from '../../src/services.ts';
import type { Fixture } from '../factories.ts';

/** A checksum-valid resident ID number (region 320402, born 1980-01-01). */
export const VALID_ID = `32040219800101633${idCardCheckChar('32040219800101633')}`;
/** The same number with a wrong check character. */
export const WRONG_CHECKSUM_ID = `${VALID_ID.slice(0, 17)}${VALID_ID[17] === '0' ? '1' : '0'}`;

export function application(extra: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    applicantType: 'person', applicantName: '王小明', idType: 'residentId', idNumber: VALID_ID,
    legalRepresentative: '', agentName: '', agentIdNumber: '', phone: '13812346333', email: 'wang@example.cn',
    address: '江西省赣州市章贡区红旗大道 1 号', postcode: '341000',
    infoDescription: '请提供 2024 年赣州市章贡区沙河镇集体土地征收补偿安置方案及批复文件。', infoTitle: '征收补偿安置方案',
    infoDocNumber: '', purpose: '了解本人承包地的补偿标准', deliveryMethod: 'email', feeWaiverRequested: false, feeWaiverReason: '',
    ...extra,
  };
}

let keyCounter = 0;
export function online(agencyId: string, extra: Partial<OnlineApplication> = {}): OnlineApplication {
  return { ...application(), agencyId, idempotencyKey: `test-key-${process.pid}-${++keyCounter}`, ...extra };
}

/** Moves the fake clock to 10:00 Beijing time on a legal date. */
export function setDay(clock: FakeClock, date: string): void {
  clock.set(`${date}T02:00:00Z`);
}

/** The office accepts the request and assigns it to 国土空间规划科, whose drafter starts drafting. */
export async function toDrafting(services: Services, fx: Fixture, requestId: string) {
  await services.requests.act(fx.actor('officer'), requestId, 'accept', { note: '' });
  await services.requests.act(fx.actor('officer'), requestId, 'assign', { note: '', departmentIds: [fx.departments.planning.id] });
  return services.requests.act(fx.actor('drafter'), requestId, 'startDrafting', { note: '' });
}

/** An application for online download, in drafting, with a reply draft of one partly granted item. */
export async function partlyGrantedDraft(services: Services, fx: Fixture, item: { description: string; explanation: string }) {
  const receipt = await services.requests.apply(online(fx.agency.id, { deliveryMethod: 'onlineDownload' }), '203.0.113.9');
  await toDrafting(services, fx, receipt.requestId);
  const draft = await services.requests.replies.saveDraft(fx.actor('drafter'), receipt.requestId, {
    opinion: '现答复如下。',
    items: [{ ...item, replyType: 'disclosed', decision: 'partlyGranted' }],
  });
  return { ...receipt, draft };
}
