// Reminders at 5, 3 and 1 working days before each due date and on the first overdue day,
// exactly once each: across repeated sweeps, a restart, missed days and the worker's job path.
// Also: a calendar change recomputes open requests; the outbox is written with the reminder.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemActor } from '../../src/core/audit/audit.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { createServices } from '../../src/services.ts';
import { REMINDER_SWEEP_JOB, registerRequestJobs } from '../../src/modules/requests/index.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { online, setDay } from './request-helpers.ts';

const clock = new FakeClock('2025-09-26T02:00:00Z');
const t = useServiceFixture({
  clock,
  setup: async ({ services, fx }) => {
    await services.database.db.updateTable('agencies').set({ email: 'gongkai@ganzhou.example.cn' }).where('id', '=', fx.agency.id).execute();
  },
});

const notificationsOf = (requestId: string) =>
  t.services.database.db.selectFrom('notifications').select(['uniqueKey', 'departmentId', 'kind', 'title']).where('subjectId', '=', requestId).orderBy('uniqueKey').execute();

describe('request reminders', () => {
  test('each milestone once; restarts and repeated sweeps send nothing twice; missed days catch up', async () => {
    setDay(clock, '2025-09-26');
    const r = await t.services.requests.apply(online(t.fx.agency.id), '203.0.113.1');
    // Correction notice due 2025-10-13: 5 working days before = 09-29, 3 = 10-09, 1 = 10-11 (adjusted Saturday), overdue 10-14.
    setDay(clock, '2025-09-26');
    await t.services.requests.runReminderSweep();
    assert.equal((await notificationsOf(r.requestId)).length, 0);

    setDay(clock, '2025-09-29');
    await t.services.requests.runReminderSweep();
    await t.services.requests.runReminderSweep();
    let rows = await notificationsOf(r.requestId);
    assert.deepEqual(rows.map((n) => n.uniqueKey), [`${r.requestId}:correctionNotice:2025-10-13:5@${t.fx.departments.office.id}`]);
    assert.match(rows[0].title, /补正通知期限还有 5 个工作日到期（2025-10-13）/);

    // A restart: new services on the same database, same day.
    const again = await createServices(t.services.config, { clock });
    try {
      assert.equal(await again.requests.runReminderSweep(), 0);
    } finally {
      await again.close();
    }

    // The worker was down on 10-09: the sweep on 10-10 sends the 3-day reminder, not the 5-day one again.
    setDay(clock, '2025-10-10');
    assert.equal(await t.services.requests.runReminderSweep(), 1);
    // Accepted and assigned; then nobody looks until 10-24: the correction notice no longer applies,
    // the reply (due 10-30) is 5 working days away on 10-23 → the 5-day reminder to the office and the department.
    await t.services.requests.act(t.fx.actor('officer'), r.requestId, 'accept', { note: '' });
    await t.services.requests.act(t.fx.actor('officer'), r.requestId, 'assign', { note: '', departmentIds: [t.fx.departments.planning.id] });
    setDay(clock, '2025-10-24');
    assert.equal(await t.services.requests.runReminderSweep(), 2);
    assert.equal(await t.services.requests.runReminderSweep(), 0);
    setDay(clock, '2025-10-29');
    assert.equal(await t.services.requests.runReminderSweep(), 2);
    setDay(clock, '2025-10-31');
    assert.equal(await t.services.requests.runReminderSweep(), 2);
    setDay(clock, '2025-11-10');
    assert.equal(await t.services.requests.runReminderSweep(), 0);
    rows = await notificationsOf(r.requestId);
    assert.deepEqual(rows.map((n) => (n.uniqueKey ?? '').split('@')[0].split(':').slice(1).join(':')), [
      'correctionNotice:2025-10-13:3', 'correctionNotice:2025-10-13:5',
      'reply:2025-10-30:1', 'reply:2025-10-30:1', 'reply:2025-10-30:5', 'reply:2025-10-30:5', 'reply:2025-10-30:overdue', 'reply:2025-10-30:overdue',
    ]);
    assert.ok(rows.some((n) => n.departmentId === t.fx.departments.planning.id && /已逾期/.test(n.title)));

    // The office's inbox, and mark as read.
    const inbox = await t.services.requests.notifications.inbox(t.fx.actor('officer'));
    assert.ok(inbox.length >= 4);
    await t.services.requests.notifications.markRead(t.fx.actor('officer'), inbox[0].id);
    assert.equal((await t.services.requests.notifications.inbox(t.fx.actor('officer')))[0].read, true);
    await assert.rejects(t.services.requests.notifications.markRead(t.fx.otherActor('officer'), inbox[0].id), { code: 'NOT_FOUND' });
    const deptInbox = await t.services.requests.notifications.inbox(t.fx.actor('drafter'));
    assert.ok(deptInbox.length > 0 && deptInbox.every((n) => n.subjectType === 'request'));
  });

  test('e-mails go through the outbox, sent by a job; without SMTP the outbox is the log', async () => {
    const emails = await t.services.database.db.selectFrom('outboxEmails').selectAll().execute();
    assert.ok(emails.length >= 4);
    assert.ok(emails.every((e) => e.toAddress === 'gongkai@ganzhou.example.cn'));
    const logged: string[] = [];
    const original = console.log;
    console.log = (m: string) => logged.push(m);
    try {
      await registerRequestJobs({ db: t.services.database.db, clock, jobs: t.services.jobs, requests: t.services.requests });
      await t.services.jobs.runDue();
    } finally {
      console.log = original;
    }
    const after = await t.services.database.db.selectFrom('outboxEmails').selectAll().execute();
    assert.ok(after.every((e) => e.sentAt !== null && /未配置 SMTP_URL/.test(e.lastError)));
    assert.ok(logged.some((l) => l.startsWith('[outbox] gongkai@ganzhou.example.cn')));
  });

  test('the daily job runs the sweep and schedules the next day', async () => {
    setDay(clock, '2025-12-01');
    const r = await t.services.requests.apply(online(t.fx.agency.id), '203.0.113.2');
    // Reply due 2025-12-29, correction notice due 12-10: on 12-26 the reply is 1 working day away
    // and the correction notice is overdue.
    setDay(clock, '2025-12-26');
    await registerRequestJobs({ db: t.services.database.db, clock, jobs: t.services.jobs, requests: t.services.requests });
    await t.services.jobs.runDue();
    assert.deepEqual((await notificationsOf(r.requestId)).map((n) => n.kind), ['reminder.correctionNotice.overdue', 'reminder.reply.1']);
    const jobs = await t.services.database.db.selectFrom('jobs').select(['uniqueKey', 'status']).where('kind', '=', REMINDER_SWEEP_JOB).orderBy('runAt').execute();
    assert.ok(jobs.some((j) => j.uniqueKey === `${REMINDER_SWEEP_JOB}:2025-12-27` && j.status === 'pending'));
  });

  test('changing the calendar recomputes every open request', async () => {
    setDay(clock, '2025-09-26');
    const r = await t.services.requests.apply(online(t.fx.agency.id), '203.0.113.3');
    assert.equal(r.replyDueOn, '2025-10-30');
    const days = await t.services.calendar.daysOfYear(2025);
    const { recomputed } = await t.services.calendar.setYear(systemActor('测试'), 2025, [...days, { date: '2025-10-20', kind: 'holiday', name: '测试假日' }], 'test');
    assert.ok(recomputed >= 1);
    const d = await t.services.requests.get(t.fx.actor('officer'), r.requestId);
    assert.equal(d.replyDueOn, '2025-10-31');
    assert.equal(d.correctionNoticeDueOn, '2025-10-13');
    await t.services.calendar.setYear(systemActor('测试'), 2025, days, 'test');
    assert.equal((await t.services.requests.get(t.fx.actor('officer'), r.requestId)).replyDueOn, '2025-10-30');
  });
});
