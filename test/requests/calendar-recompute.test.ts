// A working-day calendar change moves every stored date derived from it (calendar-recompute.ts):
// the office's own deadlines both ways; the periods told to the applicant or a third party
// (payment window 国办函〔2020〕109号, correction period 第三十条, consultation 第三十二条) later
// when a holiday falls inside, never earlier; closed records not at all. Each change is told on
// /track and audited; the fee reminder and the fee closing job follow the new payment date.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemActor } from '../../src/core/audit/audit.ts';
import { verifyAuditChain } from '../../src/core/audit/verify.ts';
import type { CalendarDay } from '../../src/core/time/calendar.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { online, setDay } from './request-helpers.ts';

const clock = new FakeClock('2025-11-03T02:00:00Z');
const t = useServiceFixture({ clock });
const office = () => t.fx.actor('officer');
const drafter = () => t.fx.actor('drafter');
const admin = systemActor('系统管理员（测试）');

let seeded2025: CalendarDay[] = [];
const ids = { fee: '', paid: '', consult: '', correction: '', drafting: '', withdrawn: '' };
let feeTracking = '';

async function drafting(): Promise<{ id: string; trackingCode: string }> {
  const r = await t.services.requests.apply(online(t.fx.agency.id), '203.0.113.9');
  await t.services.requests.act(office(), r.requestId, 'accept', { note: '' });
  await t.services.requests.act(office(), r.requestId, 'assign', { note: '', departmentIds: [t.fx.departments.planning.id] });
  await t.services.requests.act(drafter(), r.requestId, 'startDrafting', { note: '' });
  return { id: r.requestId, trackingCode: r.trackingCode };
}

async function charged(): Promise<{ id: string; trackingCode: string }> {
  const r = await drafting();
  await t.services.requests.act(office(), r.id, 'requestFee', { note: '', fee: { basis: 'perPage', pages: 31 } });
  return r;
}

const withHolidays = (...dates: string[]): CalendarDay[] => [...seeded2025, ...dates.map((date) => ({ date, kind: 'holiday' as const, name: '测试假日' }))];
const setCalendar = (days: CalendarDay[]) => t.services.calendar.setYear(admin, 2025, days, '人工录入');
const feeOf = (id: string) => t.services.database.db.selectFrom('requestFees').selectAll().where('requestId', '=', id).executeTakeFirstOrThrow();
const requestOf = (id: string) => t.services.database.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const openPauseOf = (id: string) => t.services.database.db.selectFrom('requestPauses').selectAll().where('requestId', '=', id).where('endedOn', 'is', null).executeTakeFirstOrThrow();
const eventsOf = (id: string) =>
  t.services.database.db.selectFrom('requestEvents').selectAll().where('requestId', '=', id).where('kind', '=', 'calendarChanged').orderBy('at').orderBy('id').execute();
const remindersOf = (id: string) =>
  t.services.database.db.selectFrom('notifications').select(['uniqueKey', 'createdAt']).where('subjectId', '=', id).where('kind', '=', 'reminder.paymentWindow.3').execute();

describe('calendar change recomputes stored dates', () => {
  test('a holiday inside the windows moves every open date one working day later, told and audited', async () => {
    setDay(clock, '2025-11-03');
    seeded2025 = await t.services.calendar.daysOfYear(2025);
    const fee = await charged();
    ids.fee = fee.id;
    feeTracking = fee.trackingCode;
    ids.paid = (await charged()).id;
    await t.services.requests.act(office(), ids.paid, 'recordPayment', { note: '', payment: { paidOn: '2025-11-03', reference: 'POS-1' } });
    ids.consult = (await drafting()).id;
    await t.services.requests.act(drafter(), ids.consult, 'startConsultation', { note: '涉及第三方', consultation: { kind: 'thirdParty', partyName: '赣州某某置业有限公司' } });
    ids.correction = (await t.services.requests.apply(online(t.fx.agency.id), '203.0.113.9')).requestId;
    await t.services.requests.act(office(), ids.correction, 'requestCorrection', { note: '请写明所需信息的文号' });
    ids.drafting = (await drafting()).id;
    ids.withdrawn = (await drafting()).id;
    await t.services.requests.act(office(), ids.withdrawn, 'withdraw', { note: '申请人撤回' });

    // Before: 20 working days from 11-04 end on 12-01; 15 working days on 11-24.
    assert.equal((await feeOf(ids.fee)).paymentDueOn, '2025-12-01');
    assert.equal((await openPauseOf(ids.consult)).windowDueOn, '2025-11-24');
    assert.equal((await requestOf(ids.correction)).correctionPeriodDueOn, '2025-11-24');

    await setCalendar(withHolidays('2025-11-20'));

    assert.equal((await feeOf(ids.fee)).paymentDueOn, '2025-12-02');
    assert.equal((await openPauseOf(ids.fee)).windowDueOn, '2025-12-02');
    assert.equal((await t.services.requests.fees.get(office(), ids.fee)).paymentDueOn, '2025-12-02');
    assert.equal((await openPauseOf(ids.consult)).windowDueOn, '2025-11-25');
    assert.equal((await requestOf(ids.correction)).correctionPeriodDueOn, '2025-11-25');
    assert.equal((await requestOf(ids.drafting)).replyDueOn, '2025-12-02');
    // Paid: the payment window is over and stays; the reply clock runs again and moves.
    assert.equal((await feeOf(ids.paid)).paymentDueOn, '2025-12-01');
    assert.equal((await requestOf(ids.paid)).replyDueOn, '2025-12-02');
    // Withdrawn: closed, nothing moves, nothing is said.
    assert.equal((await requestOf(ids.withdrawn)).replyDueOn, '2025-12-01');
    assert.deepEqual(await eventsOf(ids.withdrawn), []);

    // Told on /track, in the applicant's words; the third party's window is noted for staff only.
    const view = await t.services.requests.track(feeTracking, '6333');
    const step = view.steps.find((s) => s.label === '节假日安排调整，期限相应调整');
    assert.ok(step, JSON.stringify(view.steps));
    assert.match(step.note, /缴费期限由 2025-12-01 顺延至 2025-12-02/);
    const consultEvents = await eventsOf(ids.consult);
    assert.equal(consultEvents.length, 1);
    assert.match(consultEvents[0].note, /征求意见答复期限由 2025-11-24 顺延至 2025-11-25/);
    assert.doesNotMatch(JSON.parse(consultEvents[0].data).publicNote ?? '', /征求意见/);

    const audit = await t.services.database.db.selectFrom('auditEvents').selectAll().where('subjectId', '=', ids.fee).where('action', '=', 'request.recomputeDeadlines').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0].actorName, admin.name);
    // The reply date of a paused request is provisional and moves too.
    assert.deepEqual(JSON.parse(audit[0].summary), { before: { paymentDueOn: '2025-12-01', replyDueOn: '2025-12-01' }, after: { paymentDueOn: '2025-12-02', replyDueOn: '2025-12-02' } });
    assert.equal((await verifyAuditChain(t.services.database.db)).ok, true);
  });

  test('removing the holiday moves the office deadlines back, never a period already told', async () => {
    await setCalendar(seeded2025);
    assert.equal((await requestOf(ids.drafting)).replyDueOn, '2025-12-01');
    assert.match((await eventsOf(ids.drafting)).at(-1)!.note, /答复期限由 2025-12-02 调整为 2025-12-01/);
    assert.equal((await feeOf(ids.fee)).paymentDueOn, '2025-12-02');
    assert.equal((await openPauseOf(ids.fee)).windowDueOn, '2025-12-02');
    assert.equal((await openPauseOf(ids.consult)).windowDueOn, '2025-11-25');
    assert.equal((await requestOf(ids.correction)).correctionPeriodDueOn, '2025-11-25');
    const feeEvents = await eventsOf(ids.fee);
    assert.equal(feeEvents.length, 2);
    assert.match(feeEvents[1].note, /^工作日历调整：答复期限由 2025-12-02 调整为 2025-12-01$/);
  });

  test('the fee reminder and the closing job follow the recomputed payment date', async () => {
    // 3 working days before 12-02 (11-28, 12-01, 12-02) start on 11-27; for the old 12-01 it was 11-26.
    setDay(clock, '2025-11-26');
    await t.services.requests.runReminderSweep();
    assert.deepEqual(await remindersOf(ids.fee), []);
    setDay(clock, '2025-11-27');
    await t.services.requests.runReminderSweep();
    assert.deepEqual((await remindersOf(ids.fee)).map((n) => n.uniqueKey), [`${ids.fee}:paymentWindow:2025-12-02:3@${t.fx.departments.office.id}`]);

    setDay(clock, '2025-12-02');
    await t.services.requests.fees.closeExpiredUnpaid();
    assert.equal((await requestOf(ids.fee)).status, 'awaitingPayment');
    setDay(clock, '2025-12-03');
    assert.ok((await t.services.requests.fees.closeExpiredUnpaid()) >= 1);
    assert.equal((await requestOf(ids.fee)).status, 'closed');
  });

  test('closed records keep their dates when the calendar changes again', async () => {
    const before = { fee: await eventsOf(ids.fee), withdrawn: await eventsOf(ids.withdrawn) };
    await setCalendar(withHolidays('2025-11-20', '2025-11-21'));
    assert.equal((await feeOf(ids.fee)).paymentDueOn, '2025-12-02');
    assert.equal((await requestOf(ids.withdrawn)).replyDueOn, '2025-12-01');
    assert.deepEqual(await eventsOf(ids.fee), before.fee);
    assert.deepEqual(await eventsOf(ids.withdrawn), before.withdrawn);
    // Still open, past its period: the applicant's correction period follows the two holidays.
    assert.equal((await requestOf(ids.correction)).correctionPeriodDueOn, '2025-11-26');
  });
});
