// The fee payment window's reminder (国办函〔2020〕109号): while the applicant has not paid, the
// office gets one reminder (inbox and e-mail) when the 20-working-day window ends within 3 working
// days; never twice, not to the handling department, not once paid, not after the window ended.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FakeClock } from '../../src/core/time/clock.ts';
import { createFixture, type Fixture } from '../factories.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';
import { online, setDay } from './request-helpers.ts';

let s: TestServices;
let fx: Fixture;
const clock = new FakeClock('2025-11-03T02:00:00Z');
const KIND = 'reminder.paymentWindow.3';

before(async () => {
  s = await createTestServices({ clock });
  fx = await createFixture(s);
  await s.database.db.updateTable('agencies').set({ email: 'gongkai@ganzhou.example.cn' }).where('id', '=', fx.agency.id).execute();
});
after(() => s.cleanup());

const office = () => fx.actor('officer');

/** A request in drafting on `on` that gets a fee notice (31 pages: chargeable whatever the rank). */
async function charged(on: string): Promise<string> {
  setDay(clock, on);
  const { requestId } = await s.requests.apply(online(fx.agency.id), '203.0.113.7');
  await s.requests.act(office(), requestId, 'accept', { note: '' });
  await s.requests.act(office(), requestId, 'assign', { note: '', departmentIds: [fx.departments.planning.id] });
  await s.requests.act(fx.actor('drafter'), requestId, 'startDrafting', { note: '' });
  const d = await s.requests.act(office(), requestId, 'requestFee', { note: '', fee: { basis: 'perPage', pages: 31 } });
  assert.equal(d.status, 'awaitingPayment');
  return requestId;
}

const remindersOf = (requestId: string) =>
  s.database.db.selectFrom('notifications').selectAll().where('subjectId', '=', requestId).where('kind', 'like', 'reminder.%').orderBy('uniqueKey').execute();

async function sweepOn(day: string): Promise<number> {
  setDay(clock, day);
  return s.requests.runReminderSweep();
}

describe('fee payment window reminder', () => {
  test('one reminder to the office 3 working days before the window ends, with an e-mail; none once paid', async () => {
    const unpaid = await charged('2025-11-03');
    const paid = await charged('2025-11-03');
    // Window from 11-04: 20 working days end on Mon 12-01; 3 working days left (11-27, 11-28, 12-01) from Wed 11-26.
    assert.equal((await s.requests.fees.get(office(), unpaid)).paymentDueOn, '2025-12-01');
    setDay(clock, '2025-11-20');
    await s.requests.act(office(), paid, 'recordPayment', { note: '', payment: { paidOn: '2025-11-20', reference: 'POS-9' } });

    await sweepOn('2025-11-25');
    assert.deepEqual(await remindersOf(unpaid), []);

    await sweepOn('2025-11-26');
    await sweepOn('2025-11-26');
    await sweepOn('2025-11-27');
    await sweepOn('2025-12-01');
    const rows = await remindersOf(unpaid);
    assert.deepEqual(rows.map((n) => [n.kind, n.departmentId, n.uniqueKey]), [
      [KIND, fx.departments.office.id, `${unpaid}:paymentWindow:2025-12-01:3@${fx.departments.office.id}`],
    ]);
    assert.match(rows[0].title, /缴费期限将于 2025-12-01 届满，申请人尚未缴纳信息处理费/);
    assert.match(rows[0].body, /109号/);
    assert.equal(rows[0].createdAt.slice(0, 10), '2025-11-26');
    const emails = await s.database.db.selectFrom('outboxEmails').selectAll().where('subject', '=', rows[0].title).execute();
    assert.deepEqual(emails.map((e) => e.toAddress), ['gongkai@ganzhou.example.cn']);

    // Paid: back in drafting, the department's reply reminders go on, the payment window says nothing.
    assert.deepEqual((await remindersOf(paid)).filter((n) => n.kind === KIND), []);
    const inbox = await s.requests.notifications.inbox(office());
    assert.equal(inbox.filter((n) => n.kind === KIND && n.subjectId === unpaid).length, 1);
    const departmentInbox = await s.requests.notifications.inbox(fx.actor('drafter'));
    assert.equal(departmentInbox.filter((n) => n.kind === KIND).length, 0);
  });

  test('a sweep that missed the day still reminds while the window is open, never after it ended', async () => {
    // Window from 12-02 ends Mon 12-29 (3 working days left from Wed 12-24).
    const late = await charged('2025-12-01');
    assert.equal((await s.requests.fees.get(office(), late)).paymentDueOn, '2025-12-29');
    // The worker was down from 12-24: the sweep on 12-26 still reminds the office, once.
    await sweepOn('2025-12-26');
    await sweepOn('2025-12-29');
    assert.deepEqual((await remindersOf(late)).map((n) => [n.kind, n.createdAt.slice(0, 10)]), [[KIND, '2025-12-26']]);

    // Another request whose window ended while nobody swept: nothing is said; the fee job closes it.
    const ended = await charged('2025-12-01');
    await sweepOn('2025-12-30');
    assert.deepEqual(await remindersOf(ended), []);
    assert.ok((await s.requests.fees.closeExpiredUnpaid()) >= 1);
    assert.equal((await s.requests.get(office(), ended)).status, 'closed');
  });
});
