// Column freshness on a real database: states at the boundaries, the columns needing attention
// with their departments, the inspection summary, and the daily reminder job (idempotent).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../src/core/time/clock.ts';
import { registerMonitorJobs, FRESHNESS_SWEEP_JOB } from '../../src/modules/monitor/index.ts';
import { createColumn } from '../factories.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { insertItem } from '../reports/report-data.ts';

describe('column freshness', () => {
  const ids: Record<string, string> = {};
  const clock = new FakeClock('2025-09-26T02:00:00Z'); // Friday 2025-09-26, 10:00 Beijing
  const t = useServiceFixture({
    clock,
    setup: async ({ services, fx }) => {
      const { planning, farmland } = fx.departments;
      const col = async (key: string, name: string, updateIntervalDays: number | null, departmentIds: string[], parentId: string | null = null) => {
        ids[key] = (await createColumn(services, fx, name, { updateIntervalDays, departmentIds, parentId })).id;
      };
      await col('parent', '政务动态', null, []);
      await col('news', '工作动态', 14, [planning.id, farmland.id], ids.parent); // last 2025-09-12: due 09-26 (today), due soon
      await col('fresh', '国土新闻', 14, [planning.id]); // last 2025-09-18: due 10-02, 6 days left → due soon
      await col('policy', '政策文件', 183, [farmland.id]); // last 2025-03-01: due 08-31 → stale
      await col('notices', '通知公告', 183, []); // last 2025-09-01: due 2026-03-03 → fresh
      await col('empty', '规划计划', 183, [planning.id]);
      await col('onChange', '机构概况', null, []); // last 2024-09-01 → long stale
      const pub = (key: string, publishedOn: string, scope: 'public' | 'intranet' = 'public') =>
        insertItem(services, fx.agency.id, ids[key], fx.departments.planning.id, { status: 'published', publishedOn, scope });
      await pub('news', '2025-09-12');
      await pub('news', '2025-08-01');
      await pub('news', '2025-09-20', 'intranet'); // not on the website
      await pub('fresh', '2025-09-18');
      await pub('policy', '2025-03-01');
      await pub('notices', '2025-09-01');
      await pub('onChange', '2024-09-01');
      await insertItem(services, fx.agency.id, ids.empty, fx.departments.planning.id, { status: 'officeCheck' }); // not published: still empty
    },
  });

  test('states, due dates and the columns needing attention with their departments', async () => {
    const r = await t.services.monitor.freshness(t.fx.actor('officer'));
    const by = Object.fromEntries(r.columns.map((c) => [c.name, c]));
    assert.equal(by['政务动态'], undefined, 'a parent column is a heading, not checked');
    assert.deepEqual([by['工作动态'].state, by['工作动态'].dueOn, by['工作动态'].daysLeft, by['工作动态'].path], ['dueSoon', '2025-09-26', 0, '政务动态']);
    assert.deepEqual([by['国土新闻'].state, by['国土新闻'].daysLeft], ['dueSoon', 6]);
    assert.deepEqual([by['政策文件'].state, by['政策文件'].dueOn], ['stale', '2025-08-31']);
    assert.equal(by['通知公告'].state, 'fresh');
    assert.equal(by['规划计划'].state, 'empty');
    assert.deepEqual([by['机构概况'].state, by['机构概况'].longStale], ['onChange', true]);
    assert.deepEqual(r.attention.map((c) => c.name), ['政策文件', '规划计划', '工作动态', '国土新闻']);
    assert.deepEqual(by['工作动态'].departments.map((d) => d.name), ['国土空间规划科', '耕地保护科']);
    assert.deepEqual([r.inspection.stale, r.inspection.longStale, r.inspection.empty, r.inspection.homePageAgeDays, r.inspection.failed], [1, 1, 1, 8, false]);
  });

  test('the day after its due date a news column is stale', async () => {
    clock.set('2025-09-26T16:00:00Z'); // 00:00 on the 27th in Beijing
    const r = await t.services.monitor.freshness(t.fx.actor('drafter'));
    assert.equal(r.columns.find((c) => c.name === '工作动态')!.state, 'stale');
    clock.set('2025-09-26T02:00:00Z');
    await assert.rejects(t.services.monitor.freshness(t.fx.actor('sysAdmin')), { status: 403 });
    await assert.rejects(t.services.monitor.freshness(t.fx.actor('officer'), { agencyId: t.fx.otherAgency.id }), { status: 403 });
  });

  test('the daily job reminds each responsible department once per column and due date', async () => {
    await registerMonitorJobs({ db: t.services.database.db, clock, jobs: t.services.jobs, monitor: t.services.monitor });
    await t.services.jobs.runDue();
    const rows = () => t.services.database.db.selectFrom('notifications').selectAll().where('kind', '=', 'freshness.dueSoon').orderBy('uniqueKey').execute();
    const first = await rows();
    // 工作动态 → planning and farmland; 国土新闻 → planning. Stale and empty columns are past the warning.
    assert.deepEqual(first.map((n) => [n.subjectId, n.departmentId]).sort(), [
      [ids.fresh, t.fx.departments.planning.id], [ids.news, t.fx.departments.farmland.id], [ids.news, t.fx.departments.planning.id],
    ].sort());
    assert.match(first[0].title, /将于 2025-\d\d-\d\d 后超期未更新/);
    assert.equal(await t.services.monitor.sendReminders(), 0, 'a second run the same day sends nothing');
    clock.set('2025-09-27T02:00:00Z');
    await t.services.jobs.runDue(); // the next day's run: 国土新闻 is still due soon, same due date → nothing new
    assert.equal((await rows()).length, 3);
    const jobs = await t.services.database.db.selectFrom('jobs').select(['uniqueKey', 'status']).where('kind', '=', FRESHNESS_SWEEP_JOB).orderBy('uniqueKey').execute();
    assert.deepEqual(jobs.map((j) => j.status), ['done', 'done', 'pending']);
  });
});
