// Reminders at 5, 3 and 1 working days before each due date and on the first overdue day,
// exactly once each: across repeated sweeps, a restart, missed days and the worker's job path.
// Also: a calendar change recomputes open requests; the outbox is written with the reminder.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/core/audit/audit.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { createServices } from '../../src/services.ts';
import { REMINDER_SWEEP_JOB, registerRequestJobs } from '../../src/modules/requests/index.ts';
import { createFixture, type Fixture } from '../factories.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';
import { online, setDay } from './request-helpers.ts';

let s: TestServices;
let fx: Fixture;
const clock = new FakeClock('2025-09-26T02:00:00Z');

before(async () => {
  s = await createTestServices({ clock });
  fx = await createFixture(s);
  await s.database.db.updateTable('agencies').set({ email: 'gongkai@ganzhou.example.cn' }).where('id', '=', fx.agency.id).execute();
});
after(() => s.cleanup());

const notificationsOf = (requestId: string) =>
  s.database.db.selectFrom('notifications').select(['uniqueKey', 'departmentId', 'kind', 'title']).where('subjectId', '=', requestId).orderBy('uniqueKey').execute();

describe('request reminders', () => {
  test('each milestone once; restarts and repeated sweeps send nothing twice; missed days catch up', async () => {
    setDay(clock, '2025-09-26');
    const r = await s.requests.apply(online(fx.agency.id), '203.0.113.1');
    // Correction notice due 2025-10-13: 5 working days before = 09-29, 3 = 10-09, 1 = 10-11 (adjusted Saturday), overdue 10-14.
    setDay(clock, '2025-09-26');
    await s.requests.runReminderSweep();
    assert.equal((await notificationsOf(r.requestId)).length, 0);

    setDay(clock, '2025-09-29');
    await s.requests.runReminderSweep();
    await s.requests.runReminderSweep();
    let rows = await notificationsOf(r.requestId);
    assert.deepEqual(rows.map((n) => n.uniqueKey), [`${r.requestId}:correctionNotice:2025-10-13:5@${fx.departments.office.id}`]);
    assert.match(rows[0].title, /补正通知期限还有 5 个工作日到期（2025-10-13）/);

    // A restart: new services on the same database, same day.
    const again = await createServices(s.config, { clock });
    try {
      assert.equal(await again.requests.runReminderSweep(), 0);
    } finally {
      await again.close();
    }

    // The worker was down on 10-09: the sweep on 10-10 sends the 3-day reminder, not the 5-day one again.
    setDay(clock, '2025-10-10');
    assert.equal(await s.requests.runReminderSweep(), 1);
    // Accepted and assigned; then nobody looks until 10-24: the correction notice no longer applies,
    // the reply (due 10-30) is 5 working days away on 10-23 → the 5-day reminder to the office and the department.
    await s.requests.act(fx.actor('officer'), r.requestId, 'accept', { note: '' });
    await s.requests.act(fx.actor('officer'), r.requestId, 'assign', { note: '', departmentIds: [fx.departments.planning.id] });
    setDay(clock, '2025-10-24');
    assert.equal(await s.requests.runReminderSweep(), 2);
    assert.equal(await s.requests.runReminderSweep(), 0);
    setDay(clock, '2025-10-29');
    assert.equal(await s.requests.runReminderSweep(), 2);
    setDay(clock, '2025-10-31');
    assert.equal(await s.requests.runReminderSweep(), 2);
    setDay(clock, '2025-11-10');
    assert.equal(await s.requests.runReminderSweep(), 0);
    rows = await notificationsOf(r.requestId);
    assert.deepEqual(rows.map((n) => (n.uniqueKey ?? '').split('@')[0].split(':').slice(1).join(':')), [
      'correctionNotice:2025-10-13:3', 'correctionNotice:2025-10-13:5',
      'reply:2025-10-30:1', 'reply:2025-10-30:1', 'reply:2025-10-30:5', 'reply:2025-10-30:5', 'reply:2025-10-30:overdue', 'reply:2025-10-30:overdue',
    ]);
    assert.ok(rows.some((n) => n.departmentId === fx.departments.planning.id && /已逾期/.test(n.title)));

    // The office's inbox, and mark as read.
    const inbox = await s.requests.notifications.inbox(fx.actor('officer'));
    assert.ok(inbox.length >= 4);
    await s.requests.notifications.markRead(fx.actor('officer'), inbox[0].id);
    assert.equal((await s.requests.notifications.inbox(fx.actor('officer')))[0].read, true);
    await assert.rejects(s.requests.notifications.markRead(fx.otherActor('officer'), inbox[0].id), { code: 'NOT_FOUND' });
    const deptInbox = await s.requests.notifications.inbox(fx.actor('drafter'));
    assert.ok(deptInbox.length > 0 && deptInbox.every((n) => n.subjectType === 'request'));
  });

  test('e-mails go through the outbox, sent by a job; without SMTP the outbox is the log', async () => {
    const emails = await s.database.db.selectFrom('outboxEmails').selectAll().execute();
    assert.ok(emails.length >= 4);
    assert.ok(emails.every((e) => e.toAddress === 'gongkai@ganzhou.example.cn'));
    const logged: string[] = [];
    const original = console.log;
    console.log = (m: string) => logged.push(m);
    try {
      await registerRequestJobs({ db: s.database.db, clock, jobs: s.jobs, requests: s.requests });
      await s.jobs.runDue();
    } finally {
      console.log = original;
    }
    const after = await s.database.db.selectFrom('outboxEmails').selectAll().execute();
    assert.ok(after.every((e) => e.sentAt !== null && /未配置 SMTP_URL/.test(e.lastError)));
    assert.ok(logged.some((l) => l.startsWith('[outbox] gongkai@ganzhou.example.cn')));
  });

  test('the daily job runs the sweep and schedules the next day', async () => {
    setDay(clock, '2025-12-01');
    const r = await s.requests.apply(online(fx.agency.id), '203.0.113.2');
    // Reply due 2025-12-29, correction notice due 12-10: on 12-26 the reply is 1 working day away
    // and the correction notice is overdue.
    setDay(clock, '2025-12-26');
    await registerRequestJobs({ db: s.database.db, clock, jobs: s.jobs, requests: s.requests });
    await s.jobs.runDue();
    assert.deepEqual((await notificationsOf(r.requestId)).map((n) => n.kind), ['reminder.correctionNotice.overdue', 'reminder.reply.1']);
    const jobs = await s.database.db.selectFrom('jobs').select(['uniqueKey', 'status']).where('kind', '=', REMINDER_SWEEP_JOB).orderBy('runAt').execute();
    assert.ok(jobs.some((j) => j.uniqueKey === `${REMINDER_SWEEP_JOB}:2025-12-27` && j.status === 'pending'));
  });

  test('changing the calendar recomputes every open request', async () => {
    setDay(clock, '2025-09-26');
    const r = await s.requests.apply(online(fx.agency.id), '203.0.113.3');
    assert.equal(r.replyDueOn, '2025-10-30');
    const days = await s.calendar.daysOfYear(2025);
    const { recomputed } = await s.calendar.setYear(systemActor('测试'), 2025, [...days, { date: '2025-10-20', kind: 'holiday', name: '测试假日' }], 'test');
    assert.ok(recomputed >= 1);
    const d = await s.requests.get(fx.actor('officer'), r.requestId);
    assert.equal(d.replyDueOn, '2025-10-31');
    assert.equal(d.correctionNoticeDueOn, '2025-10-13');
    await s.calendar.setYear(systemActor('测试'), 2025, days, 'test');
    assert.equal((await s.requests.get(fx.actor('officer'), r.requestId)).replyDueOn, '2025-10-30');
  });
});
