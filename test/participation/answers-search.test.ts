// 留言选登 search: the query is segmented like the catalog search, every word must occur (any
// order, any of subject, question and answer), only the masked public copy is searchable, query
// syntax typed into the box is literal text, and paging keeps newest answers first.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../src/core/time/clock.ts';
import type { OnlineMessageInput } from '../../src/modules/participation/index.ts';
import { createFixture, type Fixture } from '../factories.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

describe('留言选登 search', () => {
  let services: TestServices;
  let fx: Fixture;
  let clock: FakeClock;
  let keyCounter = 0;
  const ids: Record<string, string> = {};

  /** Submits, answers and (with consent) publishes a message; one day later than the previous one. */
  async function answered(name: string, extra: Partial<OnlineMessageInput>, answer: string): Promise<void> {
    clock.advanceMs(86_400_000);
    const receipt = await services.participation.submit({
      agencyId: fx.agency.id, idempotencyKey: `search-${++keyCounter}-abcdefgh`, kind: 'consultation', askerName: '赵建国', phone: '13812346333',
      email: '', subject: '咨询', content: '请问有关政策如何执行？', consentToPublish: true, ...extra,
    }, 'ip');
    const row = await services.database.db.selectFrom('messages').select('id').where('trackingCode', '=', receipt.trackingCode).executeTakeFirstOrThrow();
    await services.participation.draft(fx.actor('officer'), row.id, { answer });
    await services.participation.approve(fx.actor('officer'), row.id);
    ids[name] = row.id;
  }

  const search = async (q: string, page = 1, pageSize = 20) => {
    const result = await services.participation.publicAnswers(fx.agency.id, q, page, pageSize);
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return { total: result.total, names: result.rows.map((r) => names[r.id] ?? r.id) };
  };

  before(async () => {
    clock = new FakeClock('2025-09-01T02:00:00Z');
    services = await createTestServices({ clock });
    fx = await createFixture(services);
    await answered('compensation', { subject: '征地补偿标准咨询', content: '我是赵建国，想问本村征地补偿标准什么时候公布？' }, '您好：征地补偿标准已在门户网站公布。');
    await answered('split', { subject: '关于安置房的问题', content: '安置房什么时候交付？' }, '您好：征地工作结束后，补偿款和安置房按协议交付。');
    await answered('reclamation', { subject: '土地复垦验收', content: '土地复垦项目验收需要多长时间？' }, '您好：征地范围以外的复垦项目验收一般在20个工作日内完成。');
    await answered('private', { subject: '征地补偿不公开的问题', content: '征地补偿的另一个问题，请不要公开。', consentToPublish: false }, '您好：已收到。');
  });
  after(() => services.cleanup());

  test('word order and spacing do not matter: every segmented word must occur', async () => {
    for (const q of ['征地补偿', '补偿征地', '补偿 征地', '  征地　补偿 ']) {
      assert.deepEqual((await search(q)).names, ['split', 'compensation'], q);
    }
    assert.deepEqual((await search('征地 复垦')).names, ['reclamation']);
    assert.deepEqual((await search('复垦 补偿')).names, []);
    // The words may sit in different fields: 安置房 in the subject, 补偿 only in the answer.
    assert.deepEqual((await search('安置房补偿')).names, ['split']);
  });

  test('only published, consented, masked text is found', async () => {
    assert.ok(!(await search('不公开')).names.includes('private'));
    // The asker's name is masked in the public copy, and only the public copy is indexed.
    assert.equal((await search('赵建国')).total, 0);
    assert.equal((await services.participation.publicAnswers(fx.otherAgency.id, '征地', 1)).total, 0);
  });

  test('query syntax is literal text and symbols alone find nothing', async () => {
    for (const q of ['征地" OR "复垦', "征地' & '复垦", 'NEAR(征地 复垦)', '征地*', '补偿:*', '征地 AND NOT 复垦', '\\征地']) {
      const r = await search(q);
      assert.ok(r.total <= 3, q);
    }
    // "or" is a word here that no message contains; as an operator it would find all three.
    assert.deepEqual((await search('征地" OR "复垦')).names, []);
    assert.deepEqual((await search('征地" "复垦')).names, ['reclamation']);
    assert.equal((await search('%')).total, 0);
    assert.equal((await search('""')).total, 0);
    assert.equal((await search('')).total, 3);
  });

  test('pages hold the newest answers first and the total counts every match', async () => {
    assert.deepEqual(await search('征地', 1, 2), { total: 3, names: ['reclamation', 'split'] });
    assert.deepEqual(await search('征地', 2, 2), { total: 3, names: ['compensation'] });
  });
});
