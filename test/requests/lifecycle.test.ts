// The life of a request through the service: every transition, every refusal, deadlines to the
// day across the 2025 National Day and the 2026 Spring Festival.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FakeClock } from '../../src/core/time/clock.ts';
import { REQUEST_STATUSES, REQUEST_TRANSITIONS, REQUEST_VERBS, type RequestStatus } from '../../src/modules/requests/index.ts';
import { systemActor } from '../../src/core/audit/audit.ts';
import { creditCodeFrom } from '../factories.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { online, setDay, VALID_ID } from './request-helpers.ts';

const clock = new FakeClock('2025-09-26T02:00:00Z');
const t = useServiceFixture({ clock });

const office = () => t.fx.actor('officer');
const drafter = () => t.fx.actor('drafter');

async function newRequest(on = '2025-09-26') {
  setDay(clock, on);
  const receipt = await t.services.requests.apply(online(t.fx.agency.id), '203.0.113.9');
  return receipt;
}

async function toDrafting(id: string) {
  await t.services.requests.act(office(), id, 'accept', { note: '' });
  await t.services.requests.act(office(), id, 'assign', { note: '', departmentIds: [t.fx.departments.planning.id] });
  return t.services.requests.act(drafter(), id, 'startDrafting', { note: '' });
}

describe('requests lifecycle', () => {
  test('an online application is received today with its statutory due dates (第三十一、三十三条)', async () => {
    const r = await newRequest('2025-09-26');
    assert.equal(r.receivedOn, '2025-09-26');
    assert.equal(r.replyDueOn, '2025-10-30');
    assert.equal(r.correctionNoticeDueOn, '2025-10-13');
    assert.match(r.trackingCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const d = await t.services.requests.get(office(), r.requestId);
    assert.equal(d.status, 'received');
    assert.equal(d.idNumberMasked, `${VALID_ID.slice(0, 4)}**********${VALID_ID.slice(-4)}`);
    assert.equal(d.applicantNameMasked, '王**');
    assert.match(d.replyDueExplanation ?? '', /收到申请 2025-09-26；20 个工作日；其间节假日 2025-10-01\.\.08/);
    assert.equal(d.timeline[0].kind, 'received');
  });

  test('the happy path with a third-party consultation and an extension, to the day', async () => {
    const r = await newRequest('2025-09-26');
    await t.services.requests.act(office(), r.requestId, 'accept', { note: '' });
    await t.services.requests.act(office(), r.requestId, 'assign', { note: '', departmentIds: [t.fx.departments.planning.id, t.fx.departments.farmland.id] });
    let d = await t.services.requests.act(t.fx.actor('departmentHead'), r.requestId, 'startDrafting', { note: '' });
    assert.deepEqual(d.handlingDepartments.map((x) => [x.name, x.isLead]), [['国土空间规划科', true], ['耕地保护科', false]]);
    // Letter to the third party on Sun 2025-10-12; answer on Wed 10-15: 3 working days not counted.
    setDay(clock, '2025-10-12');
    d = await t.services.requests.act(drafter(), r.requestId, 'startConsultation', { note: '涉及第三方商业秘密', consultation: { kind: 'thirdParty', partyName: '赣州某某置业有限公司' } });
    assert.equal(d.status, 'consulting');
    assert.equal(d.pauses[0].windowDueOn, '2025-10-31');
    assert.equal(d.replyDueProvisional, true);
    setDay(clock, '2025-10-15');
    d = await t.services.requests.act(drafter(), r.requestId, 'endConsultation', { note: '第三方同意公开' });
    assert.equal(d.status, 'drafting');
    assert.equal(d.replyDueOn, '2025-11-04');
    assert.equal(d.replyDueProvisional, false);
    assert.match(d.replyDueExplanation ?? '', /暂停计时 2025-10-13\.\.2025-10-15 → 到期 2025-11-04/);
    // 第三十三条: one extension of 20 working days → 2025-12-02.
    d = await t.services.requests.extend(office(), r.requestId, { days: 20, reason: '需要调取历史档案' });
    assert.equal(d.replyDueOn, '2025-12-02');
    assert.equal(d.extensionDays, 20);
    await assert.rejects(t.services.requests.extend(office(), r.requestId, { days: 5, reason: '再延' }), { code: 'EXTENSION_ALREADY_GRANTED' });
    await t.services.requests.replies.saveDraft(drafter(), r.requestId, { opinion: '', items: [{ description: '征收补偿安置方案', replyType: 'disclosed' }] });
    d = await t.services.requests.act(drafter(), r.requestId, 'submitReply', { note: '拟予以公开' });
    d = await t.services.requests.act(office(), r.requestId, 'returnReply', { note: '请补充依据' });
    d = await t.services.requests.act(drafter(), r.requestId, 'submitReply', { note: '已补充' });
    d = await t.services.requests.act(office(), r.requestId, 'approve', { note: '' });
    assert.deepEqual([d.outcome, (await t.services.notices.listForRequest(r.requestId)).map((n) => n.kind)], ['granted', ['receipt', 'thirdPartyConsultation', 'extension', 'reply.granted']]);
    d = await t.services.requests.act(office(), r.requestId, 'deliver', { note: '电子邮件送达' });
    d = await t.services.requests.act(office(), r.requestId, 'close', { note: '' });
    assert.equal(d.status, 'closed');
    assert.equal(d.closedOn, '2025-10-15');
    assert.equal(d.outcome, 'granted');
    assert.equal(d.dueState, null);

    const tracked = await t.services.requests.track(r.trackingCode.toLowerCase().replace(/-/g, ' '), '6333');
    assert.deepEqual(tracked.steps.map((x) => x.label), [
      '已收到您的申请', '申请已受理', '征求意见，暂停计时（征求意见期间不计入答复期限）', '征求意见结束，恢复计时', '延期答复告知', '答复已审定', '答复已送达', '办结',
    ]);
    const all = JSON.stringify(tracked);
    assert.doesNotMatch(all, /赣州某某置业|商业秘密|请补充依据|交办|国土空间规划科/);
    assert.match(all, /需要调取历史档案/);
  });

  test('every illegal transition is refused and no row changes', async () => {
    const r = await newRequest('2025-09-26');
    // Put one request in each reachable status and try every verb that is not allowed there.
    const allowed = (status: RequestStatus) => new Set(REQUEST_TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => t.verb));
    const d = await t.services.requests.get(office(), r.requestId);
    for (const verb of REQUEST_VERBS) {
      if (allowed(d.status).has(verb)) continue;
      await assert.rejects(t.services.requests.act(office(), r.requestId, verb, { note: '理由' }), { code: 'ILLEGAL_TRANSITION' }, verb);
    }
    const closed = await newRequest('2025-09-26');
    await t.services.requests.act(office(), closed.requestId, 'withdraw', { note: '申请人来电撤回' });
    for (const verb of REQUEST_VERBS)
      await assert.rejects(t.services.requests.act(office(), closed.requestId, verb, { note: '理由' }), { code: 'ILLEGAL_TRANSITION' }, verb);
    assert.equal((await t.services.requests.get(office(), closed.requestId)).status, 'withdrawn');
    assert.equal(REQUEST_STATUSES.length, 14, 'a new status needs its transitions checked here');
  });

  test('policy: department verbs need an assigned department, office verbs an officer, other agencies see nothing', async () => {
    const r = await newRequest('2025-09-26');
    await assert.rejects(t.services.requests.act(drafter(), r.requestId, 'accept', { note: '' }), { code: 'FORBIDDEN' });
    await assert.rejects(t.services.requests.act(t.fx.otherActor('officer'), r.requestId, 'accept', { note: '' }), { code: 'NOT_FOUND' });
    await assert.rejects(t.services.requests.get(t.fx.otherActor('officer'), r.requestId), { code: 'NOT_FOUND' });
    await t.services.requests.act(office(), r.requestId, 'accept', { note: '' });
    await t.services.requests.act(office(), r.requestId, 'assign', { note: '', departmentIds: [t.fx.departments.farmland.id] });
    // The drafter sits in 规划科, not the assigned 耕保科.
    await assert.rejects(t.services.requests.act(drafter(), r.requestId, 'startDrafting', { note: '' }), { code: 'FORBIDDEN' });
    await assert.rejects(t.services.requests.get(drafter(), r.requestId), { code: 'FORBIDDEN' });
    await assert.rejects(t.services.requests.act(office(), r.requestId, 'reassign', { note: '', departmentIds: [t.fx.departments.planning.id] }), (e: { fields?: { field: string }[] }) => e.fields?.[0]?.field === 'note');
    await assert.rejects(t.services.requests.act(office(), r.requestId, 'reassign', { note: '职责调整', departmentIds: [t.fx.otherDepartments.planning.id] }), (e: { fields?: { field: string }[] }) => e.fields?.[0]?.field === 'departmentIds');
    const d = await t.services.requests.act(office(), r.requestId, 'reassign', { note: '职责调整', departmentIds: [t.fx.departments.planning.id] });
    assert.deepEqual(d.handlingDepartments.map((x) => x.name), ['国土空间规划科']);
    assert.deepEqual(t.services.requests.availableVerbs(drafter(), { status: d.status, agencyId: d.agencyId, handlingDepartmentIds: [t.fx.departments.planning.id] }), ['startDrafting']);
    await t.services.requests.act(drafter(), r.requestId, 'startDrafting', { note: '' });
    // Extension: an officer outside the disclosure office department may not approve it.
    await assert.rejects(t.services.requests.extend(t.fx.actor('departmentHead'), r.requestId, { days: 5, reason: '复杂' }), { code: 'FORBIDDEN' });
    await assert.rejects(t.services.requests.extend(office(), r.requestId, { days: 21, reason: '复杂' }), (e: { fields?: { field: string }[] }) => e.fields?.[0]?.field === 'days');
    await assert.rejects(t.services.requests.revealIdNumber(drafter(), r.requestId), { code: 'FORBIDDEN' });
    assert.equal(await t.services.requests.revealIdNumber(office(), r.requestId), VALID_ID);
    const audit = await t.services.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', r.requestId).execute();
    assert.ok(audit.some((a) => a.action === 'request.revealIdNumber'));
  });

  test('correction across the 2026 Spring Festival: one notice only, the clock restarts from the corrected date', async () => {
    const r = await newRequest('2026-02-06');
    assert.equal(r.replyDueOn, '2026-03-12');
    setDay(clock, '2026-02-10');
    let d = await t.services.requests.act(office(), r.requestId, 'requestCorrection', { note: '请明确所需信息的文号或名称' });
    assert.equal(d.status, 'awaitingApplicant');
    assert.equal(d.correctionPeriodDueOn, '2026-03-09');
    assert.equal(d.replyDueOn, null);
    setDay(clock, '2026-03-02');
    d = await t.services.requests.act(office(), r.requestId, 'receiveCorrection', { note: '', receivedOn: '2026-03-02' });
    assert.equal(d.status, 'received');
    assert.equal(d.receivedOn, '2026-03-02');
    assert.equal(d.originalReceivedOn, '2026-02-06');
    assert.equal(d.replyDueOn, '2026-03-30');
    await assert.rejects(t.services.requests.act(office(), r.requestId, 'requestCorrection', { note: '再次补正' }), { code: 'CORRECTION_ALREADY_REQUESTED' });
    const tracked = await t.services.requests.track(r.trackingCode, '6333');
    assert.equal(tracked.replyDueOn, '2026-03-30');
    assert.match(tracked.steps[1].note, /请明确所需信息的文号或名称/);
  });

  test('abandon only after the correction period has passed (第三十条), counted as other handling', async () => {
    const r = await newRequest('2026-02-06');
    setDay(clock, '2026-02-10');
    await t.services.requests.act(office(), r.requestId, 'requestCorrection', { note: '请补充身份证明' });
    setDay(clock, '2026-03-09');
    await assert.rejects(t.services.requests.act(office(), r.requestId, 'abandon', { note: '逾期未补正' }), { code: 'CORRECTION_PERIOD_NOT_OVER' });
    setDay(clock, '2026-03-10');
    const d = await t.services.requests.act(office(), r.requestId, 'abandon', { note: '逾期未补正' });
    assert.equal(d.status, 'abandoned');
    assert.equal(d.outcome, 'otherHandling');
    assert.equal(d.closedOn, '2026-03-10');
    const row = await t.services.database.db.selectFrom('requests').select('outcomeReason').where('id', '=', r.requestId).executeTakeFirstOrThrow();
    assert.equal(row.outcomeReason, 'correctionOverdue');
  });

  test('a co-agency that stays silent past its 15 working days agrees (第三十四条)', async () => {
    const r = await newRequest('2025-09-26');
    await toDrafting(r.requestId);
    setDay(clock, '2025-10-09');
    let d = await t.services.requests.act(drafter(), r.requestId, 'startConsultation', { note: '涉及住建局职责', consultation: { kind: 'coAgency', partyName: '赣州市住房和城乡建设局' } });
    assert.equal(d.pauses[0].windowDueOn, '2025-10-29');
    setDay(clock, '2025-10-30');
    d = await t.services.requests.act(drafter(), r.requestId, 'endConsultation', { note: '住建局未回复' });
    assert.match(d.pauses[0].result, /视为同意，第三十四条/);
    assert.equal(d.pauses[0].endedOn, '2025-10-30');
  });

  test('merge a duplicate, split one matter per request, withdraw', async () => {
    const a = await newRequest('2025-09-26');
    const b = await newRequest('2025-09-26');
    await assert.rejects(t.services.requests.act(office(), b.requestId, 'merge', { note: '重复', mergeIntoTrackingCode: b.trackingCode }), (e: { fields?: { field: string }[] }) => e.fields?.[0]?.field === 'mergeIntoTrackingCode');
    const merged = await t.services.requests.act(office(), b.requestId, 'merge', { note: '与前一申请重复', mergeIntoTrackingCode: a.trackingCode });
    assert.equal(merged.status, 'merged');
    assert.equal(merged.mergedIntoId, a.requestId);
    assert.ok((await t.services.requests.get(office(), a.requestId)).timeline.some((e) => e.kind === 'mergedIn'));

    const part = await t.services.requests.split(office(), a.requestId, { infoDescription: '请提供沙河镇 2024 年度土地征收成片开发方案。', note: '一事一申请' });
    assert.equal(part.splitFromId, a.requestId);
    assert.equal(part.receivedOn, '2025-09-26');
    assert.equal(part.replyDueOn, '2025-10-30');
    assert.equal(part.status, 'received');
    assert.equal(part.idNumberMasked, (await t.services.requests.get(office(), a.requestId)).idNumberMasked);
    assert.equal((await t.services.requests.revealIdNumber(office(), part.id)), VALID_ID);

    const w = await t.services.requests.act(office(), part.id, 'withdraw', { note: '申请人书面撤回' });
    assert.equal(w.status, 'withdrawn');
    assert.equal(w.outcome, 'otherHandling'); // table 三 (六) 3 其他
    assert.equal(w.closedOn, '2025-09-26');
  });

  test('register: officer entry with the channel receipt date, never in the future', async () => {
    setDay(clock, '2025-10-20');
    const base = { ...online(t.fx.agency.id), channel: 'post' as const, receivedOn: '2025-10-17' };
    await assert.rejects(t.services.requests.register(drafter(), base), { code: 'FORBIDDEN' });
    await assert.rejects(t.services.requests.register(office(), { ...base, receivedOn: '2025-10-21' }), (e: { fields?: { field: string }[] }) => e.fields?.[0]?.field === 'receivedOn');
    const r = await t.services.requests.register(office(), base);
    assert.equal(r.receivedOn, '2025-10-17');
    assert.equal(r.replyDueOn, '2025-11-14');
    const d = await t.services.requests.get(office(), r.requestId);
    assert.equal(d.channel, 'post');
  });

  test('the register lists, filters and pages; overdue means open with the reply date passed', async () => {
    setDay(clock, '2025-12-01');
    const all = await t.services.requests.list(office(), { page: 1, pageSize: 5 });
    assert.equal(all.items.length, 5);
    assert.ok(all.total >= 10);
    const overdue = await t.services.requests.list(office(), { status: 'overdue', page: 1, pageSize: 100 });
    assert.ok(overdue.items.length > 0);
    for (const it of overdue.items) {
      assert.ok(it.replyDueOn! < '2025-12-01');
      assert.equal(it.dueState, 'overdue');
    }
    // Work lists come soonest due first; the whole ledger newest received first.
    const open = await t.services.requests.list(office(), { status: 'open', page: 1, pageSize: 100 });
    // Requests waiting for a correction have no reply date yet: they come last on both databases.
    const dues = open.items.map((i) => i.replyDueOn ?? '9999-12-31');
    assert.deepEqual(dues, [...dues].sort());
    const received = (await t.services.requests.list(office(), { page: 1, pageSize: 100 })).items.map((i) => i.receivedOn);
    assert.deepEqual(received, [...received].sort().reverse());
    const closed = await t.services.requests.list(office(), { status: 'closed', page: 1, pageSize: 100 });
    assert.ok(closed.items.every((i) => i.status === 'closed'));
    const byDept = await t.services.requests.list(office(), { departmentId: t.fx.departments.planning.id, page: 1, pageSize: 100 });
    assert.ok(byDept.items.length > 0 && byDept.items.every((i) => i.handlingDepartmentNames.includes('国土空间规划科')));
    const code = all.items[0].trackingCode;
    const found = await t.services.requests.list(office(), { q: code.toLowerCase(), page: 1, pageSize: 10 });
    assert.equal(found.items[0].trackingCode, code);
    await assert.rejects(t.services.requests.list(drafter(), { page: 1, pageSize: 10 }), { code: 'FORBIDDEN' });
    const queue = await t.services.requests.departmentQueue(drafter());
    assert.ok(queue.every((i) => ['assigned', 'drafting', 'consulting', 'officeReview'].includes(i.status)));
  });

  test('a city bureau supervisor sees its county bureaus open and overdue requests', async () => {
    const county = await t.services.accounts.createAgency(systemActor('测试'), {
      code: 'county-sup', name: '于都县自然资源局', shortName: '于都县局', creditCode: creditCodeFrom('11360731000000001'), parentAgencyId: t.fx.agency.id,
    });
    setDay(clock, '2025-09-26');
    const late = await t.services.requests.apply(online(county.id), '203.0.113.50');
    await t.services.requests.apply(online(county.id), '203.0.113.51');
    setDay(clock, '2025-11-03');
    const fresh = await t.services.requests.apply(online(county.id), '203.0.113.52');
    const summary = await t.services.requests.supervisorSummary(office());
    const mine = summary.find((a) => a.agencyId === county.id);
    assert.ok(mine);
    assert.equal(mine.open, 3);
    assert.equal(mine.overdue, 2);
    assert.ok(mine.overdueRequests.some((r) => r.id === late.requestId));
    assert.ok(!mine.overdueRequests.some((r) => r.id === fresh.requestId));
    await assert.rejects(t.services.requests.supervisorSummary(drafter()), { code: 'FORBIDDEN' });
    assert.deepEqual(await t.services.requests.supervisorSummary(t.fx.otherActor('officer')), []);
  });
});
