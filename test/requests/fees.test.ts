// The processing fee on a real database (国办函〔2020〕109号): the applicant's rank in the month,
// the fee notice pausing the reply clock, payment, the 20-working-day window closing the request
// as other handling 2, and the hardship waiver decided by a leader.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { AppError } from '../../src/core/errors.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { online, setDay, toDrafting, VALID_ID } from './request-helpers.ts';
import { idCardCheckChar } from '../../src/core/text/identifiers.ts';
import { FEE_SWEEP_JOB, registerRequestJobs } from '../../src/modules/requests/index.ts';

const clock = new FakeClock('2025-11-03T02:00:00Z');
const OTHER_ID = `11010519491231002${idCardCheckChar('11010519491231002')}`;
const t = useServiceFixture({ clock });

const office = () => t.fx.actor('officer');
const rejects = (code: string) => (err: unknown) => err instanceof AppError && err.code === code;

async function apply(on: string, extra: Parameters<typeof online>[1] = {}, agencyId = t.fx.agency.id) {
  setDay(clock, on);
  clock.advanceMs(++minutes * 60_000);
  return t.services.requests.apply(online(agencyId, extra), '203.0.113.9');
}
let minutes = 0;

describe('fees', () => {
  const november: string[] = [];
  let october = '';

  before(async () => {
    october = (await apply('2025-10-31')).requestId;
    for (let i = 0; i < 14; i++) november.push((await apply(`2025-11-${String(3 + (i % 5)).padStart(2, '0')}`)).requestId);
    // Neither another applicant nor another agency counts.
    await apply('2025-11-03', { idNumber: OTHER_ID });
    await apply('2025-11-03', {}, t.fx.otherAgency.id);
  });

  test('the applicant is ranked by receipt within the calendar month, per agency', async () => {
    assert.equal((await t.services.requests.fees.get(office(), october)).perRequestPreview.rankInMonth, 1);
    const ranks: number[] = [];
    for (const id of november) ranks.push((await t.services.requests.fees.get(office(), id)).perRequestPreview.rankInMonth);
    // Applied on days 3,4,5,6,7,3,4,… — ranked by receipt date, then receipt instant.
    assert.deepEqual([...ranks].sort((a, b) => a - b), Array.from({ length: 14 }, (_, i) => i + 1));
    const ordered = november.map((id, i) => ({ id, rank: ranks[i] })).sort((a, b) => a.rank - b.rank);
    assert.equal(ordered[0].id, november[0]);
    assert.equal((await t.services.requests.fees.get(office(), ordered[10].id)).perRequestPreview.amountFen, 10000);
    assert.equal((await t.services.requests.fees.get(office(), ordered[9].id)).perRequestPreview.amountFen, 0);
    assert.equal((await t.services.requests.fees.assess(office(), ordered[0].id, { basis: 'perPage', pages: 101 })).amountFen, 72000);
  });

  async function byRank(rank: number) {
    for (const id of november) if ((await t.services.requests.fees.get(office(), id)).perRequestPreview.rankInMonth === rank) return id;
    throw new Error(`no request of rank ${rank}`);
  }

  test('free requests cannot be charged per request', async () => {
    const id = await byRank(3);
    setDay(clock, '2025-11-20');
    await toDrafting(t.services, t.fx, id);
    await assert.rejects(t.services.requests.act(office(), id, 'requestFee', { note: '', fee: { basis: 'perRequest' } }), rejects('FEE_NOT_CHARGEABLE'));
  });

  test('unpaid past the 20th working day: the daily job closes it as other handling 2, not before', async () => {
    const id = await byRank(11);
    setDay(clock, '2025-11-20');
    await toDrafting(t.services, t.fx, id);
    const d = await t.services.requests.act(office(), id, 'requestFee', { note: '', fee: { basis: 'perRequest' } });
    assert.equal(d.status, 'awaitingPayment');
    assert.equal(d.replyDueProvisional, true);
    assert.ok(d.pauses.some((p) => p.kind === 'fee' && p.endedOn === null && p.windowDueOn === '2025-12-18'));
    const fee = await t.services.requests.fees.get(office(), id);
    assert.deepEqual([fee.assessed?.amountFen, fee.noticeOn, fee.paymentDueOn], [10000, '2025-11-20', '2025-12-18']);
    const notices = await t.services.notices.listForRequest(id);
    const feeNotice = notices.find((n) => n.kind === 'feeNotice');
    assert.ok(feeNotice && feeNotice.id === fee.noticeId);
    assert.match(feeNotice.body, /100 元/);
    assert.match(feeNotice.body, /2025年12月18日/);

    setDay(clock, '2025-12-18');
    await assert.rejects(t.services.requests.act(office(), id, 'closeUnpaid', { note: '' }), rejects('FEE_WINDOW_OPEN'));
    assert.equal(await t.services.requests.fees.closeExpiredUnpaid(), 0);
    assert.equal((await t.services.requests.get(office(), id)).status, 'awaitingPayment');

    setDay(clock, '2025-12-19');
    assert.equal(await t.services.requests.fees.closeExpiredUnpaid(), 1);
    assert.equal(await t.services.requests.fees.closeExpiredUnpaid(), 0);
    const closed = await t.services.requests.get(office(), id);
    assert.deepEqual([closed.status, closed.outcome, closed.closedOn], ['closed', 'otherHandling', '2025-12-19']);
    const row = await t.services.database.db.selectFrom('requests').select('outcomeReason').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.outcomeReason, 'feeUnpaid');
    assert.ok(closed.timeline.some((e) => e.kind === 'closeUnpaid' && e.visibleToApplicant));
    const inbox = await t.services.requests.notifications.inbox(office());
    assert.equal(inbox.filter((n) => n.kind === 'feeUnpaid' && n.subjectId === id).length, 1);
    const terminations = (await t.services.notices.listForRequest(id)).filter((n) => n.kind === 'reply.otherHandling');
    assert.equal(terminations.length, 1, 'one termination notice, also when the job runs twice');
    assert.match(terminations[0].body, /109号/);
    assert.match(terminations[0].body, /2025-12-18/);
  });

  test('payment resumes the clock and is counted in the fees collected', async () => {
    const id = await byRank(12);
    setDay(clock, '2025-11-20');
    await toDrafting(t.services, t.fx, id);
    const before = await t.services.requests.get(office(), id);
    await t.services.requests.act(office(), id, 'requestFee', { note: '', fee: { basis: 'perPage', pages: 31 } });
    await assert.rejects(t.services.requests.act(office(), id, 'requestFee', { note: '', fee: { basis: 'perPage', pages: 31 } }), rejects('ILLEGAL_TRANSITION'));
    setDay(clock, '2025-11-25');
    const d = await t.services.requests.act(office(), id, 'recordPayment', { note: '', payment: { paidOn: '2025-11-24', reference: 'POS-001' } });
    assert.equal(d.status, 'drafting');
    assert.equal(d.replyDueProvisional, false);
    // Paused from 11-21 to 11-24 inclusive: two working days (Fri 21, Mon 24) later than before.
    assert.ok(d.replyDueOn! > before.replyDueOn!);
    const fee = await t.services.requests.fees.get(office(), id);
    assert.deepEqual([fee.paidOn, fee.paymentReference, fee.assessed?.amountFen], ['2025-11-24', 'POS-001', 1000]);
    assert.ok((await t.services.notices.listForRequest(id)).some((n) => n.kind === 'feeReceipt' && n.id === fee.receiptNoticeId));
    assert.equal(await t.services.requests.feesCollected(t.fx.agency.id, 2025), 1000);
    assert.equal(await t.services.requests.feesCollected(t.fx.agency.id, 2026), 0);
    assert.equal(await t.services.requests.feesCollected(t.fx.otherAgency.id, 2025), 0);
  });

  test('a hardship waiver asked by the applicant is decided by a leader; then no fee notice goes out', async () => {
    const { requestId: id } = await apply('2025-11-10', { feeWaiverRequested: true, feeWaiverReason: '低保户，经济困难' });
    setDay(clock, '2025-11-20');
    await toDrafting(t.services, t.fx, id);
    await assert.rejects(t.services.requests.act(office(), id, 'requestFee', { note: '', fee: { basis: 'perRequest' } }), rejects('FEE_WAIVER_UNDECIDED'));
    await assert.rejects(t.services.requests.fees.decideWaiver(office(), id, { approve: true, reason: '属实' }), rejects('FORBIDDEN'));
    await assert.rejects(t.services.requests.fees.decideWaiver(t.fx.actor('leader'), id, { approve: true, reason: '' }), rejects('VALIDATION_FAILED'));
    const v = await t.services.requests.fees.decideWaiver(t.fx.actor('leader'), id, { approve: true, reason: '经核实确属经济困难，同意减免' });
    assert.deepEqual([v.waiverStatus, v.waiverDecidedBy, v.waiverDecidedOn], ['approved', '赵分管', '2025-11-20']);
    await assert.rejects(t.services.requests.act(office(), id, 'requestFee', { note: '', fee: { basis: 'perRequest' } }), rejects('FEE_WAIVED'));
    assert.equal((await t.services.notices.listForRequest(id)).filter((n) => n.kind === 'feeNotice').length, 0);
    const audit = await t.services.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', id).execute();
    assert.ok(audit.some((a) => a.action === 'request.fee.decideWaiver'));
  });

  test('the office proposes a waiver; a leader denies it; then the fee may be charged', async () => {
    const id = await byRank(13);
    setDay(clock, '2025-11-20');
    await toDrafting(t.services, t.fx, id);
    await t.services.requests.fees.proposeWaiver(office(), id, { reason: '申请人为残疾人' });
    await assert.rejects(t.services.requests.act(office(), id, 'requestFee', { note: '', fee: { basis: 'perRequest' } }), rejects('FEE_WAIVER_UNDECIDED'));
    const v = await t.services.requests.fees.decideWaiver(t.fx.actor('leader'), id, { approve: false, reason: '不符合减免条件' });
    assert.equal(v.waiverStatus, 'denied');
    const d = await t.services.requests.act(office(), id, 'requestFee', { note: '', fee: { basis: 'perRequest' } });
    assert.equal(d.status, 'awaitingPayment');
    assert.equal(VALID_ID.length, 18);
  });

  test('the worker job closes unpaid requests in the night after the last day to pay', async () => {
    const id = await byRank(13);
    // Registered on the last day (18:00 Beijing): tonight's run is at 01:00 Beijing on 12-19.
    clock.set('2025-12-18T10:00:00Z');
    await registerRequestJobs({ db: t.services.database.db, clock, jobs: t.services.jobs, requests: t.services.requests });
    await t.services.jobs.runDue();
    assert.equal((await t.services.requests.get(office(), id)).status, 'awaitingPayment');
    clock.set('2025-12-18T17:30:00Z');
    await t.services.jobs.runDue();
    const closed = await t.services.requests.get(office(), id);
    assert.deepEqual([closed.status, closed.outcome, closed.closedOn], ['closed', 'otherHandling', '2025-12-19']);
    const next = await t.services.database.db.selectFrom('jobs').select('uniqueKey').where('kind', '=', FEE_SWEEP_JOB).where('status', '=', 'pending').execute();
    assert.deepEqual(next.map((j) => j.uniqueKey), [`${FEE_SWEEP_JOB}:2025-12-19`]);
  });
});
