// Migration 20261122100100 on a database that already holds published items and messages: the
// clarification flag is copied into the search index and published messages are indexed for the
// 留言选登 search; down removes both again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { down, up } from '../../db/migrations/20261122100100_search_polish.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { createColumn, publishedItem } from '../factories.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';

describe('migration 20261122100100 (search polish)', () => {
  const t = useServiceFixture({ clock: new FakeClock('2025-09-26T02:00:00Z') });

  test('backfills the clarification flag and the message index', async () => {
    const { db } = t.services.database;
    const column = await createColumn(t.services, t.fx, '通知公告');
    const item = await publishedItem(t.services, t.fx, column.id, { title: '关于网传城西片区征收的说明' });
    const other = await publishedItem(t.services, t.fx, column.id, { title: '关于城西片区征收范围的公告' });
    const receipt = await t.services.participation.submit({
      agencyId: t.fx.agency.id, idempotencyKey: 'migration-test-abcdefgh', kind: 'consultation', askerName: '钱多多', phone: '13812346333',
      email: '', subject: '征地补偿标准咨询', content: '想问本村征地补偿标准什么时候公布？', consentToPublish: true,
    }, 'ip');
    const message = await db.selectFrom('messages').select('id').where('trackingCode', '=', receipt.trackingCode).executeTakeFirstOrThrow();
    await t.services.participation.draft(t.fx.actor('officer'), message.id, { answer: '您好：标准已公布。' });
    await t.services.participation.approve(t.fx.actor('officer'), message.id);

    await down(db);
    // Marked before the migration ran (as office-records does for a draft, here directly).
    await db.updateTable('items').set({ isClarification: 1 }).where('id', '=', item.id).execute();
    assert.equal((await t.services.participation.publicAnswers(t.fx.agency.id, '', 1)).total, 1);
    await up(db);

    const hits = (await t.services.search.search({ q: '城西片区', page: 1, pageSize: 10 })).hits;
    assert.deepEqual(hits.map((h) => [h.itemId, h.isClarification]).sort(), [[item.id, true], [other.id, false]].sort());
    assert.deepEqual((await t.services.participation.publicAnswers(t.fx.agency.id, '补偿 征地', 1)).rows.map((r) => r.id), [message.id]);
    assert.equal((await t.services.participation.publicAnswers(t.fx.agency.id, '钱多多', 1)).total, 0);
  });
});
