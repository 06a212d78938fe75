// The reminder when a column goes stale (国办秘函〔2019〕19号): once per stale period, to the
// column's responsible departments and the disclosure office; repeated sweeps and later days
// say nothing more, and a publication followed by a new lapse starts a new period.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../src/core/time/clock.ts';
import { createColumn, createFixture, type Fixture } from '../factories.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';
import { insertItem } from '../reports/report-data.ts';

describe('column freshness: the stale reminder', () => {
  let services: TestServices;
  let fx: Fixture;
  const clock = new FakeClock('2025-09-26T02:00:00Z'); // Friday 2025-09-26, 10:00 Beijing
  const ids: Record<string, string> = {};

  before(async () => {
    services = await createTestServices({ clock });
    fx = await createFixture(services);
    const { planning, farmland } = fx.departments;
    const col = async (key: string, name: string, updateIntervalDays: number, departmentIds: string[], lastPublishedOn: string) => {
      ids[key] = (await createColumn(services, fx, name, { updateIntervalDays, departmentIds })).id;
      await insertItem(services, fx.agency.id, ids[key], planning.id, { status: 'published', publishedOn: lastPublishedOn });
    };
    await col('news', '工作动态', 14, [planning.id, farmland.id], '2025-09-12'); // in time up to 09-26, stale from 09-27
    await col('policy', '政策文件', 183, [farmland.id], '2025-03-01'); // stale since 2025-09-01
    await col('orphan', '国土新闻', 14, [], '2025-09-01'); // no department: stale since 09-16, the office alone
  });
  after(async () => services.cleanup());

  const staleRows = () =>
    services.database.db.selectFrom('notifications').selectAll().where('kind', '=', 'freshness.overdue').orderBy('uniqueKey').execute();
  const sweepOn = async (day: string) => {
    clock.set(`${day}T02:00:00Z`);
    return services.monitor.sendReminders();
  };

  test('a column already stale: one reminder to its departments and the office, never repeated', async () => {
    await sweepOn('2025-09-26');
    const office = fx.departments.office.id;
    const rows = await staleRows();
    assert.deepEqual(rows.map((n) => [n.subjectId, n.departmentId]).sort(), [
      [ids.orphan, office], [ids.policy, fx.departments.farmland.id], [ids.policy, office],
    ].sort());
    const policy = rows.find((n) => n.subjectId === ids.policy)!;
    assert.equal(policy.uniqueKey, `freshness.stale:${ids.policy}:2025-09-01@${policy.departmentId}`);
    assert.match(policy.title, /栏目“政策文件”已超期未更新（应于 2025-08-31 前更新）/);
    assert.equal(policy.subjectType, 'column');
    // 工作动态 is still in time today: its due-soon reminder only.
    assert.ok(!rows.some((n) => n.subjectId === ids.news));
    await sweepOn('2025-09-26');
    assert.equal((await staleRows()).length, 3, 'a second run the same day says nothing more');
  });

  test('the day a column goes stale it is announced once; afterwards nothing more is said', async () => {
    await sweepOn('2025-09-27');
    const news = (await staleRows()).filter((n) => n.subjectId === ids.news);
    assert.deepEqual(news.map((n) => n.departmentId).sort(), [fx.departments.planning.id, fx.departments.farmland.id, fx.departments.office.id].sort());
    assert.ok(news.every((n) => n.uniqueKey!.startsWith(`freshness.stale:${ids.news}:2025-09-27@`)));
    for (const day of ['2025-09-28', '2025-10-08', '2025-11-30']) await sweepOn(day);
    assert.equal((await staleRows()).length, 6);
    // The dashboard's due-soon reminder is not sent to a stale column either.
    const dueSoon = await services.database.db.selectFrom('notifications').select('subjectId').where('kind', '=', 'freshness.dueSoon').execute();
    assert.ok(!dueSoon.some((n) => n.subjectId === ids.policy || n.subjectId === ids.orphan));
  });

  test('published again, then stale again: a new stale period, announced once', async () => {
    await insertItem(services, fx.agency.id, ids.news, fx.departments.planning.id, { status: 'published', publishedOn: '2025-12-01' });
    await sweepOn('2025-12-15'); // in time up to 12-15
    assert.equal((await staleRows()).filter((n) => n.subjectId === ids.news).length, 3);
    await sweepOn('2025-12-16');
    await sweepOn('2025-12-17');
    const news = (await staleRows()).filter((n) => n.subjectId === ids.news);
    assert.equal(news.length, 6);
    assert.equal(news.filter((n) => n.uniqueKey!.includes(':2025-12-16@')).length, 3);
  });
});
