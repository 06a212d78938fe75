// Dashboard figures on a real database with known data. Today is Friday 2025-09-26 (Beijing);
// the week ends on Sunday 2025-09-28; the 12 months run from 2024-10 to 2025-09.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createColumn } from '../factories.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { insertEvent, insertItem, insertRequest } from './report-data.ts';
import type { Dashboard } from '../../src/modules/reports/index.ts';

describe('dashboard', () => {
  let d: Dashboard;

  const t = useServiceFixture({
    setup: async ({ services, fx }) => {
      const a = fx.agency.id;
      const { planning, farmland } = fx.departments;
      await insertRequest(services, a, { status: 'drafting', replyDueOn: '2025-09-25', leadDepartmentId: planning.id }); // overdue
      await insertRequest(services, a, { status: 'drafting', replyDueOn: '2025-09-26', leadDepartmentId: planning.id }); // due today
      await insertRequest(services, a, { status: 'assigned', replyDueOn: '2025-09-28', leadDepartmentId: farmland.id }); // due Sunday
      await insertRequest(services, a, { status: 'accepted', replyDueOn: '2025-09-29' }); // next week, unassigned
      await insertRequest(services, a, { status: 'consulting', replyDueOn: '2025-09-20', leadDepartmentId: farmland.id }); // paused: not overdue
      const closed = await insertRequest(services, a, { status: 'closed', receivedOn: '2025-09-01', closedOn: '2025-09-10' });
      await insertEvent(services, closed.id, 'approve', '2025-09-05T02:00:00.000Z'); // 4 working days
      const delivered = await insertRequest(services, a, { status: 'delivered', receivedOn: '2025-09-22', replyDueOn: '2025-09-19', leadDepartmentId: planning.id });
      await insertEvent(services, delivered.id, 'approve', '2025-09-26T01:00:00.000Z'); // 4 working days
      const lateNight = await insertRequest(services, a, { status: 'closed', receivedOn: '2025-09-15', closedOn: '2025-09-26' });
      // 17:00Z on the 25th is 01:00 on the 26th in Beijing: 9 working days, not 8.
      await insertEvent(services, lateNight.id, 'approve', '2025-09-25T17:00:00.000Z');
      await insertRequest(services, a, { status: 'closed', receivedOn: '2024-09-15', closedOn: '2024-10-10' });
      await insertRequest(services, fx.otherAgency.id, { status: 'drafting', replyDueOn: '2025-09-01' }); // other agency

      const column = await createColumn(services, fx, '通知公告');
      const item = (fields: Parameters<typeof insertItem>[4]) => insertItem(services, a, column.id, planning.id, fields);
      await item({ status: 'departmentReview' });
      await item({ status: 'officeCheck', publishDueOn: '2025-09-30' });
      await item({ status: 'officeCheck' });
      await item({ status: 'draft', publishDueOn: '2025-09-20' }); // overdue for publication
      await item({ status: 'published', publishedOn: '2025-08-10', publishDueOn: '2025-08-01' });
      d = await services.dashboards.dashboard(fx.actor('officer'));
    },
  });

  test('requests open, due this week and overdue, in total and by lead department', () => {
    assert.equal(d.weekEnd, '2025-09-28');
    assert.deepEqual(
      { open: d.requests.open, dueThisWeek: d.requests.dueThisWeek, overdue: d.requests.overdue },
      { open: 6, dueThisWeek: 2, overdue: 1 },
    );
    const byName = Object.fromEntries(d.requests.byDepartment.map((l) => [l.departmentName, [l.open, l.dueThisWeek, l.overdue]]));
    assert.deepEqual(byName, { 国土空间规划科: [3, 1, 1], 耕地保护科: [2, 1, 0], 未交办: [1, 0, 0] });
  });

  test('average working days from receipt to the approval date in Beijing', () => {
    assert.equal(d.repliesCounted, 3);
    assert.equal(d.averageReplyWorkingDays, 5.7); // (4 + 4 + 9) / 3
  });

  test('items awaiting review per step and overdue for publication', () => {
    assert.deepEqual(Object.fromEntries(d.items.awaitingReview.map((s) => [s.step, s.count])), {
      departmentReview: 1, confidentialityReview: 0, leaderApproval: 0, principalApproval: 0, officeCheck: 2,
    });
    assert.equal(d.items.overdueForPublication, 1);
  });

  test('twelve months of trends', () => {
    assert.equal(d.monthly.length, 12);
    assert.equal(d.monthly[0].month, '2024-10');
    assert.deepEqual(d.monthly.at(-1), { month: '2025-09', received: 8, closed: 2, published: 0 });
    assert.deepEqual(d.monthly.find((m) => m.month === '2025-08'), { month: '2025-08', received: 0, closed: 0, published: 1 });
    assert.deepEqual(d.monthly[0], { month: '2024-10', received: 0, closed: 1, published: 0 });
  });

  test('drafters may not see it; a city bureau sees a county bureau read-only, not an unrelated one', async () => {
    await assert.rejects(t.services.dashboards.dashboard(t.fx.actor('drafter')), { status: 403 });
    await assert.rejects(t.services.dashboards.dashboard(t.fx.actor('officer'), { agencyId: t.fx.otherAgency.id }), { status: 403 });
    await t.services.database.db.updateTable('agencies').set({ parentAgencyId: t.fx.agency.id }).where('id', '=', t.fx.otherAgency.id).execute();
    const county = await t.services.dashboards.dashboard(t.fx.actor('leader'), { agencyId: t.fx.otherAgency.id });
    assert.equal(county.scope.supervised, true);
    assert.equal(county.requests.overdue, 1);
    assert.deepEqual(county.scope.choices.map((c) => c.id), [t.fx.agency.id, t.fx.otherAgency.id]);
  });
});
