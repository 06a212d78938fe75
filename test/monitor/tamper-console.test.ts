// /console/tamper over HTTP: the office sees the alert with what changed and the way to 撤稿,
// resolves it with a reason (errors shown in the form), and a drafter is refused. The inbox links
// the alert's notification to the alert; baselined items are listed until the office checks them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createColumn, publishedItem } from '../factories.ts';
import { form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('/console/tamper', () => {
  let itemId: string;
  let legacyId: string;
  const t = useHttpFixture({
    sessions: ['officer'],
    setup: async ({ services, fx }) => {
      const column = await createColumn(services, fx);
      itemId = (await publishedItem(services, fx, column.id, { title: '征收土地预公告' })).id;
      await services.database.db.updateTable('items').set({ summary: '<b>被改动的概述</b>' }).where('id', '=', itemId).execute();
      // Published before the monitor existed: no fingerprint and never registered.
      legacyId = (await publishedItem(services, fx, column.id, { title: '2018年度地质灾害防治方案' })).id;
      await services.database.db.deleteFrom('publishedFingerprints').where('itemId', '=', legacyId).execute();
      await services.database.db.deleteFrom('tamperRegistry').where('itemId', '=', legacyId).execute();
      await services.tamper.check();
    },
  });

  test('the office sees the open alert, what changed and the takedown link', async () => {
    const res = await get(t.app, '/console/tamper', t.as.officer);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /征收土地预公告/);
    assert.match(res.body, /内容概述/);
    assert.match(res.body, /数据库内容被改动/);
    assert.ok(res.body.includes(`href="/console/items/${itemId}#action-takedown"`));
    const item = await get(t.app, `/console/items/${itemId}`, t.as.officer);
    assert.match(item.body, /id="action-takedown"/);
  });

  test('a resolution without a note is refused in the form, with one it is recorded', async () => {
    const [alert] = await t.services.tamper.alerts(t.fx.actor('officer'), { open: true });
    const bad = await form(t.app, `/console/tamper/${alert.id}/resolve`, { [`resolution-${alert.id}`]: 'restored', [`note-${alert.id}`]: '' }, t.as.officer);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /请填写处理说明/);
    const ok = await form(t.app, `/console/tamper/${alert.id}/resolve`, { [`resolution-${alert.id}`]: 'restored', [`note-${alert.id}`]: '已从 9 月 25 日备份恢复概述' }, t.as.officer);
    assert.equal(ok.statusCode, 303);
    const open = await get(t.app, '/console/tamper', t.as.officer);
    assert.match(open.body, /没有未处理的告警/);
    const all = await get(t.app, '/console/tamper?all=1', t.as.officer);
    assert.match(all.body, /已处理：已从备份恢复原内容/);
    assert.match(all.body, /已从 9 月 25 日备份恢复概述/);
  });

  test('the check button queues a check; a drafter may not see the page', async () => {
    const res = await form(t.app, '/console/tamper/check', {}, t.as.officer);
    assert.equal(res.statusCode, 303);
    const queued = await t.services.database.db.selectFrom('jobs').select('id').where('kind', '=', 'monitor.tamperNow').execute();
    assert.equal(queued.length, 1);
    const drafter = await t.signIn('drafter');
    assert.equal((await get(t.app, '/console/tamper', drafter)).statusCode, 403);
  });

  test('the inbox links the alert notification to the alert alone, resolved or not', async () => {
    const [alert] = await t.services.tamper.alerts(t.fx.actor('officer'));
    const inbox = await get(t.app, '/console/inbox', t.as.officer);
    assert.equal(inbox.statusCode, 200);
    const href = `/console/tamper?alert=${alert.id}#alert-${alert.id}`;
    assert.ok(inbox.body.includes(`href="${href}"`), 'inbox links the tamper alert');
    const one = await get(t.app, href.split('#')[0], t.as.officer);
    assert.equal(one.statusCode, 200);
    assert.ok(one.body.includes(`id="alert-${alert.id}"`));
    assert.match(one.body, /征收土地预公告/);
    assert.equal((await get(t.app, '/console/tamper?alert=01J0000000000000000000000X', t.as.officer)).statusCode, 404);
  });

  test('baselined items are listed for the office until checked; a check of an item without one is refused on the page', async () => {
    const page = await get(t.app, '/console/tamper', t.as.officer);
    assert.match(page.body, /1 条信息首次建立基线，未经发布时核验/);
    assert.match(page.body, /2018年度地质灾害防治方案/);
    assert.ok(page.body.includes(`action="/console/tamper/baselines/${legacyId}/confirm"`));
    const refused = await form(t.app, `/console/tamper/baselines/${itemId}/confirm`, {}, t.as.officer);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /该信息没有待核对的基线/);
    const ok = await form(t.app, `/console/tamper/baselines/${legacyId}/confirm`, {}, t.as.officer);
    assert.equal(ok.statusCode, 303);
    const after = await get(t.app, '/console/tamper?done=baseline', t.as.officer);
    assert.match(after.body, /已记录基线核对结果/);
    assert.doesNotMatch(after.body, /首次建立基线，未经发布时核验/);
  });
});
