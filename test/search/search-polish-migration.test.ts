// Migration 20261122100100 on a database that already holds published items and messages: the
// clarification flag is copied into the search index and published messages are indexed for the
// 留言选登 search; down removes both again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { down, up } from '../../db/migrations/20261122100100_search_polish.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { createColumn, createFixture, publishedItem, type Fixture } from '../factories.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

describe('migration 20261122100100 (search polish)', () => {
  let services: TestServices;
  let fx: Fixture;

  before(async () => {
    services = await createTestServices({ clock: new FakeClock('2025-09-26T02:00:00Z') });
    fx = await createFixture(services);
  });
  after(() => services.cleanup());

  test('backfills the clarification flag and the message index', async () => {
    const { db } = services.database;
    const column = await createColumn(services, fx, '通知公告');
    const item = await publishedItem(services, fx, column.id, { title: '关于网传城西片区征收的说明' });
    const other = await publishedItem(services, fx, column.id, { title: '关于城西片区征收范围的公告' });
    const receipt = await services.participation.submit({
      agencyId: fx.agency.id, idempotencyKey: 'migration-test-abcdefgh', kind: 'consultation', askerName: '钱多多', phone: '13812346333',
      email: '', subject: '征地补偿标准咨询', content: '想问本村征地补偿标准什么时候公布？', consentToPublish: true,
    }, 'ip');
    const message = await db.selectFrom('messages').select('id').where('trackingCode', '=', receipt.trackingCode).executeTakeFirstOrThrow();
    await services.participation.draft(fx.actor('officer'), message.id, { answer: '您好：标准已公布。' });
    await services.participation.approve(fx.actor('officer'), message.id);

    await down(db);
    // Marked before the migration ran (as office-records does for a draft, here directly).
    await db.updateTable('items').set({ isClarification: 1 }).where('id', '=', item.id).execute();
    assert.equal((await services.participation.publicAnswers(fx.agency.id, '', 1)).total, 1);
    await up(db);

    const hits = (await services.search.search({ q: '城西片区', page: 1, pageSize: 10 })).hits;
    assert.deepEqual(hits.map((h) => [h.itemId, h.isClarification]).sort(), [[item.id, true], [other.id, false]].sort());
    assert.deepEqual((await services.participation.publicAnswers(fx.agency.id, '补偿 征地', 1)).rows.map((r) => r.id), [message.id]);
    assert.equal((await services.participation.publicAnswers(fx.agency.id, '钱多多', 1)).total, 0);
  });
});
