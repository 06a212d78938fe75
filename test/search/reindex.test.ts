// `gongkai search reindex`: the messages index (留言选登) and the catalog index are rebuilt from the
// published records in batches — entries damaged or missing come back, stale ones go, the newest-
// first order of the messages survives, and a message published while the rebuild runs is found
// exactly once. Damage is done with SQL on the index tables of the database in use.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { FakeClock } from '../../src/core/time/clock.ts';
import { rebuildMessageSearchIndex, type OnlineMessageInput } from '../../src/modules/participation/index.ts';
import { createColumn, publishedItem } from '../factories.ts';
import { runCommand } from '../helpers/cli.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { usingPostgres } from '../helpers/test-services.ts';

describe('search reindex', () => {
  const clock = new FakeClock('2025-09-01T02:00:00Z');
  let keyCounter = 0;
  let columnId: string;
  const ids: Record<string, string> = {};
  const items: Record<string, string> = {};
  const db = () => t.services.database.db;

  async function answered(name: string, extra: Partial<OnlineMessageInput>, answer: string): Promise<void> {
    clock.advanceMs(86_400_000);
    const receipt = await t.services.participation.submit({
      agencyId: t.fx.agency.id, idempotencyKey: `reindex-${++keyCounter}-abcdefgh`, kind: 'consultation', askerName: '赵建国', phone: '13812346333',
      email: '', subject: '咨询', content: '请问有关政策如何执行？', consentToPublish: true, ...extra,
    }, 'ip');
    const row = await db().selectFrom('messages').select('id').where('trackingCode', '=', receipt.trackingCode).executeTakeFirstOrThrow();
    await t.services.participation.draft(t.fx.actor('officer'), row.id, { answer });
    await t.services.participation.approve(t.fx.actor('officer'), row.id);
    ids[name] = row.id;
  }

  const messages = async (q: string) => {
    const result = await t.services.participation.publicAnswers(t.fx.agency.id, q, 1, 50);
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return { total: result.total, names: result.rows.map((r) => names[r.id] ?? r.id) };
  };
  const catalog = async (q: string) => {
    const result = await t.services.search.search({ q, agencyId: t.fx.agency.id, page: 1, pageSize: 50 });
    const names = Object.fromEntries(Object.entries(items).map(([k, v]) => [v, k]));
    return result.hits.map((h) => names[h.itemId] ?? h.itemId).sort();
  };

  /** Runs the command in this process against the test database; returns its exit code and output. */
  const reindex = (args: string[]) => runCommand(t.services, 'search reindex', args);

  const t = useServiceFixture({
    clock,
    setup: async () => {
      await answered('compensation', { subject: '征地补偿标准咨询', content: '本村征地补偿标准什么时候公布？' }, '您好：征地补偿标准已在门户网站公布。');
      await answered('housing', { subject: '关于安置房的问题', content: '安置房什么时候交付？' }, '您好：征地工作结束后，补偿款和安置房按协议交付。');
      await answered('reclamation', { subject: '土地复垦验收', content: '土地复垦项目验收需要多长时间？' }, '您好：征地范围以外的复垦项目验收一般在20个工作日内完成。');
      columnId = (await createColumn(t.services, t.fx)).id;
      items.plan = (await publishedItem(t.services, t.fx, columnId, { title: '国土空间总体规划公告', docNumber: '赣市自然资〔2025〕11号' })).id;
      items.mining = (await publishedItem(t.services, t.fx, columnId, { title: '矿产资源开发利用方案公示', docNumber: '赣市自然资〔2025〕12号' })).id;
      items.farmland = (await publishedItem(t.services, t.fx, columnId, { title: '耕地保护目标责任书', docNumber: '赣市自然资〔2025〕13号' })).id;
    },
  });

  test('a damaged messages index is rebuilt: missing and stale words come back, newest first', async () => {
    assert.deepEqual((await messages('征地')).names, ['reclamation', 'housing', 'compensation']);
    // One message's entry lost, another's words from an old segmentation.
    if (usingPostgres) {
      await sql`delete from message_search where message_id = ${ids.housing}`.execute(db());
      await sql`update message_search set tsv = to_tsvector('simple', 'xx') where message_id = ${ids.reclamation}`.execute(db());
    } else {
      await sql`delete from message_fts where message_id = ${ids.housing}`.execute(db());
      await sql`update message_fts set tokens = 'xx' where message_id = ${ids.reclamation}`.execute(db());
    }
    assert.deepEqual((await messages('征地')).names, ['compensation'], 'the damage is visible');

    const { code, out } = await reindex(['--only', 'messages', '--batch', '2']);
    assert.equal(code, 0);
    assert.match(out, /留言选登：已重建 2 条\n留言选登：已重建 3 条\n留言选登索引重建完成：3 条，移除失效条目 0 条/);
    assert.doesNotMatch(out, /已发布信息/, '--only messages leaves the catalog alone');
    assert.deepEqual(await messages('征地'), { total: 3, names: ['reclamation', 'housing', 'compensation'] });
    assert.deepEqual((await messages('安置房 补偿')).names, ['housing']);
    assert.deepEqual((await messages('xx')).names, [], 'the stale words are gone');
  });

  test('an emptied messages index is rebuilt, and a message published meanwhile is found once', async () => {
    if (usingPostgres) await sql`delete from message_search`.execute(db());
    else await sql`delete from message_fts`.execute(db());
    assert.equal((await messages('征地')).total, 0);
    let published = false;
    const result = await rebuildMessageSearchIndex(db(), {
      batchSize: 1,
      onBatch: async () => {
        if (published) return;
        published = true;
        await answered('boundary', { subject: '征地红线查询', content: '请问本县征地红线的范围在哪里可以查询？' }, '您好：可在门户网站的征地信息栏目查询。');
        // Published "before" the rebuild's cursor (another process's clock): only the last pass finds it on SQLite.
        await db().updateTable('messages').set({ publishedAt: '2025-08-01T00:00:00.000Z' }).where('id', '=', ids.boundary).execute();
      },
    });
    // PostgreSQL rewrites rows in place: the late message's own publication indexed it, behind the
    // cursor. SQLite fills a fresh table: its last pass adds the message the cursor passed by.
    assert.equal(result.indexed, usingPostgres ? 3 : 4);
    assert.deepEqual((await messages('征地')).total, 4);
    assert.deepEqual((await messages('红线')).names, ['boundary'], 'found, and only once');
    const total = (await messages('')).total;
    assert.equal(total, 4);
  });

  test('the catalog index is rebuilt too: damaged entries come back and a stale one is removed', async () => {
    assert.deepEqual(await catalog('规划'), ['plan']);
    const key = (itemId: string) => db().selectFrom('searchDocuments').select('docKey').where('itemId', '=', itemId).executeTakeFirstOrThrow();
    const planKey = Number((await key(items.plan)).docKey);
    if (usingPostgres) {
      await sql`update search_documents set tsv = to_tsvector('simple', ''), title_tsv = to_tsvector('simple', '') where item_id = ${items.plan}`.execute(db());
    } else {
      await sql`delete from search_fts where rowid = ${planKey}`.execute(db());
    }
    // Taken off the site behind the index's back: its entry is stale.
    await db().updateTable('items').set({ status: 'takenDown' }).where('id', '=', items.farmland).execute();
    assert.deepEqual(await catalog('规划'), []);
    assert.deepEqual(await catalog('耕地'), ['farmland']);

    const { code, out } = await reindex(['--only', 'catalog', '--batch', '1']);
    assert.equal(code, 0);
    assert.match(out, /已发布信息：已重建 1 条/);
    assert.match(out, /已发布信息索引重建完成：2 条，移除失效条目 1 条/);
    assert.doesNotMatch(out, /留言选登/);
    assert.deepEqual(await catalog('规划'), ['plan']);
    assert.deepEqual(await catalog('矿产资源'), ['mining']);
    assert.deepEqual(await catalog('耕地'), []);
    assert.equal(Number((await key(items.plan)).docKey), planKey, 'the item keeps its place among the day\'s items');
  });

  test('both indexes by default; a bad option is a usage error', async () => {
    const { code, out } = await reindex([]);
    assert.equal(code, 0);
    assert.match(out, /已发布信息索引重建完成：2 条，移除失效条目 0 条/);
    assert.match(out, /留言选登索引重建完成：4 条/);
    await assert.rejects(reindex(['--only', 'everything']), { code: 'USAGE' });
    await assert.rejects(reindex(['--batch', '0']), { code: 'USAGE' });
  });
});
