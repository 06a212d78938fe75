// /console/tamper over HTTP: the office sees the alert with what changed and the way to 撤稿,
// resolves it with a reason (errors shown in the form), and a drafter is refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createColumn, createFixture, publishedItem, type Fixture } from '../factories.ts';
import { form, get, loginAs, type TestSession } from '../helpers/http.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

describe('/console/tamper', () => {
  let services: TestServices;
  let fx: Fixture;
  let app: FastifyInstance;
  let officer: TestSession;
  let itemId: string;

  before(async () => {
    services = await createTestServices();
    fx = await createFixture(services);
    app = await buildApp(services);
    const column = await createColumn(services, fx);
    itemId = (await publishedItem(services, fx, column.id, { title: '征收土地预公告' })).id;
    await services.database.db.updateTable('items').set({ summary: '<b>被改动的概述</b>' }).where('id', '=', itemId).execute();
    await services.tamper.check();
    officer = await loginAs(app, fx.users.officer.username, fx.password);
  });
  after(async () => {
    await app.close();
    await services.cleanup();
  });

  test('the office sees the open alert, what changed and the takedown link', async () => {
    const res = await get(app, '/console/tamper', officer);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /征收土地预公告/);
    assert.match(res.body, /内容概述/);
    assert.match(res.body, /数据库内容被改动/);
    assert.ok(res.body.includes(`href="/console/items/${itemId}#action-takedown"`));
    const item = await get(app, `/console/items/${itemId}`, officer);
    assert.match(item.body, /id="action-takedown"/);
  });

  test('a resolution without a note is refused in the form, with one it is recorded', async () => {
    const [alert] = await services.tamper.alerts(fx.actor('officer'), { open: true });
    const bad = await form(app, `/console/tamper/${alert.id}/resolve`, { [`resolution-${alert.id}`]: 'restored', [`note-${alert.id}`]: '' }, officer);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /请填写处理说明/);
    const ok = await form(app, `/console/tamper/${alert.id}/resolve`, { [`resolution-${alert.id}`]: 'restored', [`note-${alert.id}`]: '已从 9 月 25 日备份恢复概述' }, officer);
    assert.equal(ok.statusCode, 303);
    const open = await get(app, '/console/tamper', officer);
    assert.match(open.body, /没有未处理的告警/);
    const all = await get(app, '/console/tamper?all=1', officer);
    assert.match(all.body, /已处理：已从备份恢复原内容/);
    assert.match(all.body, /已从 9 月 25 日备份恢复概述/);
  });

  test('the check button queues a check; a drafter may not see the page', async () => {
    const res = await form(app, '/console/tamper/check', {}, officer);
    assert.equal(res.statusCode, 303);
    const queued = await services.database.db.selectFrom('jobs').select('id').where('kind', '=', 'monitor.tamperNow').execute();
    assert.equal(queued.length, 1);
    const drafter = await loginAs(app, fx.users.drafter.username, fx.password);
    assert.equal((await get(app, '/console/tamper', drafter)).statusCode, 403);
  });
});
