// Replies on a real database: every reply type's outcome, the reported outcome of a multi-item
// reply (table 三), approval issuing a numbered notice, the outcomes of the other endings,
// record corrections (第四十一条) and the screening of third parties' personal data (第十五条).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FakeClock } from '../../src/core/time/clock.ts';
import { idCardCheckChar } from '../../src/core/text/identifiers.ts';
import type { ReplyDraftInput, ReplyItemInput } from '../../src/modules/requests/index.ts';
import { createColumn, publishedItem } from '../factories.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { online, setDay, toDrafting, VALID_ID } from './request-helpers.ts';

let publishedId: string;
const clock = new FakeClock('2025-09-26T02:00:00Z');
const OTHER_ID = `36070219900307211${idCardCheckChar('36070219900307211')}`;

const t = useServiceFixture({
  clock,
  setup: async ({ services, fx }) => {
    const column = await createColumn(services, fx);
    publishedId = (await publishedItem(services, fx, column.id, { title: '赣州市国土空间总体规划（2021—2035年）' })).id;
  },
});

const office = () => t.fx.actor('officer');
const drafter = () => t.fx.actor('drafter');
const item = (extra: Partial<ReplyItemInput> = {}): ReplyItemInput => ({ description: '2024 年沙河镇征收补偿安置方案', replyType: 'disclosed', ...extra });

async function drafting(extra = {}) {
  setDay(clock, '2025-09-26');
  const { requestId } = await t.services.requests.apply(online(t.fx.agency.id, extra), '203.0.113.9');
  await toDrafting(t.services, t.fx, requestId);
  return requestId;
}

async function approve(id: string, draft: ReplyDraftInput) {
  await t.services.requests.replies.saveDraft(drafter(), id, draft);
  await t.services.requests.act(drafter(), id, 'submitReply', { note: '请审核' });
  return t.services.requests.act(office(), id, 'approve', { note: '' });
}

describe('replies', () => {
  test('every reply type is reported under its outcome', async () => {
    const id = await drafting();
    const cases: [Partial<ReplyItemInput>, string, string | null][] = [
      [{ replyType: 'alreadyPublished', catalogItemId: '' }, 'granted', null],
      [{ replyType: 'disclosed' }, 'granted', null],
      [{ replyType: 'disclosed', decision: 'partlyGranted', explanation: '删去第三方个人信息' }, 'partlyGranted', null],
      [{ replyType: 'notDisclosed', decision: 'refused:processInformation', explanation: '属于过程性信息' }, 'refused', 'processInformation'],
      [{ replyType: 'doesNotExist', explanation: '经检索没有' }, 'unableToProvide', 'notHeld'],
      [{ replyType: 'notHeldByAgency', holderAgency: '赣州市住房和城乡建设局', explanation: '不属本机关' }, 'unableToProvide', 'notHeld'],
      [{ replyType: 'repeatedRequest', explanation: '已于 9 月答复' }, 'notProcessed', 'repeated'],
      [{ replyType: 'specialProcedure', explanation: '请依不动产登记规定查询' }, 'refused', 'administrativeQuery'],
      [{ replyType: 'direct', decision: 'notProcessed:petitionOrComplaint', explanation: '属于信访事项' }, 'notProcessed', 'petitionOrComplaint'],
    ];
    for (const [extra, outcome, reason] of cases) {
      const input = extra.catalogItemId === '' ? { ...extra, catalogItemId: publishedId } : extra;
      const view = await t.services.requests.replies.saveDraft(drafter(), id, { opinion: '', items: [item(input)] });
      assert.deepEqual([view.reported?.outcome, view.reported?.reason], [outcome, reason], JSON.stringify(extra));
      assert.ok(view.items[0].basis.includes('条例'));
    }
  });

  test('a catalog link must be a published item of the agency', async () => {
    const id = await drafting();
    await assert.rejects(t.services.requests.replies.saveDraft(drafter(), id, { opinion: '', items: [item({ replyType: 'alreadyPublished', catalogItemId: 'no-such-item' })] }),
      (e: { code: string; fields: { field: string }[] }) => e.code === 'VALIDATION_FAILED' && e.fields[0].field === 'items.0.catalogItemId');
  });

  test('the office may name the published item by its 索引号 or its portal link; the reply keeps its ID', async () => {
    const id = await drafting();
    const { indexNumber } = await t.services.database.db.selectFrom('items').select('indexNumber').where('id', '=', publishedId).executeTakeFirstOrThrow();
    assert.ok(indexNumber);
    for (const typed of [indexNumber, `https://gk.example.gov.cn/items/${publishedId}?lang=zh-Hant`]) {
      const view = await t.services.requests.replies.saveDraft(drafter(), id, { opinion: '', items: [item({ replyType: 'alreadyPublished', catalogItemId: typed })] });
      assert.equal(view.items[0].catalogItemId, publishedId, typed);
    }
  });

  test('a multi-item reply is partly granted; approval sets the outcome and issues a numbered notice', async () => {
    const id = await drafting();
    await assert.rejects(t.services.requests.act(drafter(), id, 'submitReply', { note: '请审核' }), { code: 'REPLY_EMPTY' });
    const d = await approve(id, {
      opinion: '经审查，现答复如下。',
      items: [
        item({ replyType: 'alreadyPublished', description: '国土空间总体规划', catalogItemId: publishedId }),
        item({ replyType: 'notDisclosed', description: '会议纪要', decision: 'refused:processInformation', explanation: '属于内部研究讨论的过程性信息' }),
        item({ replyType: 'notDisclosed', description: '被征收户身份信息', decision: 'refused:thirdPartyRights', explanation: '涉及第三方个人隐私' }),
      ],
    });
    assert.deepEqual([d.outcome, d.status], ['partlyGranted', 'approved']);
    const reply = await t.services.requests.replies.get(office(), id);
    assert.match(reply.noticeNumber, /公开〔2025〕[1-9]\d*号/);
    assert.equal(reply.approvedOn, '2025-09-26');
    assert.equal(reply.editable, false);
    const notice = await t.services.notices.get(office(), reply.noticeId!);
    assert.equal(notice.kind, 'reply.partlyGranted');
    assert.match(notice.body, /一、关于“国土空间总体规划”：予以公开。.*索引号 .*网址 \/items\//);
    assert.match(notice.body, /三、关于“被征收户身份信息”：不予公开（保护第三方合法权益）。.*第十五条/);
    await assert.rejects(t.services.requests.replies.saveDraft(office(), id, { opinion: '', items: [item()] }), { code: 'REPLY_NOT_EDITABLE' });
  });

  test('the office may correct a draft under review; the department may not', async () => {
    const id = await drafting();
    await t.services.requests.replies.saveDraft(drafter(), id, { opinion: '', items: [item()] });
    await t.services.requests.act(drafter(), id, 'submitReply', { note: '请审核' });
    await assert.rejects(t.services.requests.replies.saveDraft(drafter(), id, { opinion: '', items: [item()] }), { code: 'FORBIDDEN' });
    const view = await t.services.requests.replies.saveDraft(office(), id, { opinion: '', items: [item({ decision: 'partlyGranted', explanation: '删去个人信息后提供' })] });
    assert.equal(view.reported?.outcome, 'partlyGranted');
    await assert.rejects(t.services.requests.replies.get(t.fx.otherActor('officer'), id), { status: 404 });
  });

  test('withdrawn and merged requests end with their outcomes and closing date', async () => {
    const a = await drafting();
    const w = await t.services.requests.act(office(), a, 'withdraw', { note: '申请人书面撤回' });
    assert.deepEqual([w.outcome, w.closedOn], ['otherHandling', '2025-09-26']);
    const b = await drafting();
    const c = await drafting();
    const target = await t.services.requests.get(office(), c);
    const m = await t.services.requests.act(office(), b, 'merge', { note: '重复申请', mergeIntoTrackingCode: target.trackingCode });
    assert.deepEqual([m.outcome, m.closedOn], ['notProcessed', '2025-09-26']);
    const row = await t.services.database.db.selectFrom('requests').select(['outcomeReason']).where('id', 'in', [a, b]).orderBy('outcome').execute();
    assert.deepEqual(row.map((r) => r.outcomeReason).sort(), ['other', 'repeated']);
  });

  test('an abandoned request counts as other handling 1 (第三十条)', async () => {
    setDay(clock, '2025-09-26');
    const { requestId } = await t.services.requests.apply(online(t.fx.agency.id), '203.0.113.9');
    await t.services.requests.act(office(), requestId, 'requestCorrection', { note: '请补充文号', correctionPeriodDays: 5 });
    const notices = await t.services.notices.listForRequest(requestId);
    assert.deepEqual(notices.map((n) => n.kind), ['correction']);
    assert.match(notices[0].body, /请补充文号/);
    setDay(clock, '2025-10-20');
    const d = await t.services.requests.act(office(), requestId, 'abandon', { note: '逾期未补正' });
    assert.deepEqual([d.status, d.outcome, d.closedOn], ['abandoned', 'otherHandling', '2025-10-20']);
    // The applicant is told in writing, with the remedy, that the request is no longer processed.
    const termination = (await t.services.notices.listForRequest(requestId)).find((n) => n.kind === 'reply.otherHandling');
    assert.ok(termination, 'a notice for the otherHandling outcome');
    assert.match(termination.body, /第三十条/);
    assert.match(termination.body, /不再处理/);
    assert.match(termination.body, /行政复议/);
  });

  test('a record correction (第四十一条) is answered with its own notice', async () => {
    const id = await drafting({ kind: 'recordCorrection', infoDescription: '本人不动产登记簿记载的姓名有误，应为王小明，请予更正。' });
    assert.equal((await t.services.requests.get(office(), id)).kind, 'recordCorrection');
    await assert.rejects(t.services.requests.replies.saveDraft(drafter(), id, { opinion: '', items: [item({ replyType: 'repeatedRequest', explanation: 'x' })] }), { code: 'VALIDATION_FAILED' });
    const d = await approve(id, { opinion: '', items: [item({ description: '不动产登记簿权利人姓名', explanation: '已核对原始档案并更正' })] });
    assert.equal(d.outcome, 'granted');
    const reply = await t.services.requests.replies.get(office(), id);
    assert.equal(reply.reported?.label, '予以更正');
    const notice = await t.services.notices.get(office(), reply.noticeId!);
    assert.equal(notice.kind, 'recordCorrection');
    assert.match(notice.body, /予以更正。已核对原始档案并更正。依据：.*第四十一条/);
  });

  test("a third party's ID number in the reply blocks approval; the applicant's own does not", async () => {
    const id = await drafting();
    await t.services.requests.replies.saveDraft(drafter(), id, { opinion: '', items: [item({ explanation: `被征收户李某（身份证号 ${OTHER_ID}）的补偿协议` })] });
    await t.services.requests.act(drafter(), id, 'submitReply', { note: '请审核' });
    await assert.rejects(t.services.requests.act(office(), id, 'approve', { note: '' }), (e: { code: string; message: string }) =>
      e.code === 'REPLY_HAS_PERSONAL_DATA' && e.message.includes('第十五条') && !e.message.includes(OTHER_ID));
    assert.equal((await t.services.requests.get(office(), id)).status, 'officeReview');
    await t.services.requests.replies.saveDraft(office(), id, { opinion: `申请人（身份证号 ${VALID_ID}）：`, items: [item({ explanation: '被征收户李某的补偿协议（已去标识化）' })] });
    assert.equal((await t.services.requests.act(office(), id, 'approve', { note: '' })).outcome, 'granted');
  });
});
