// /console/reading-rooms over HTTP: the checklist (overdue first), the bulk tick, and the room form
// on its own page, which is all the system administrator sees (三员分立: no checklist of items).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeClock } from '../../src/core/time/clock.ts';
import { createColumn, draftInput, publishedItem } from '../factories.ts';
import { form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';


const t = useHttpFixture();

test('the office sees overdue rows first and ticks several at once; the drafter may not', async () => {
  const column = await createColumn(t.services, t.fx);
  await t.services.officeRecords.readingRooms.setRooms(t.fx.actor('sysAdmin'), {
    rooms: [{ name: '市档案馆查阅点', address: '章贡区 1 号', hours: '工作日' }, { name: '市图书馆查阅点', address: '章贡区 2 号', hours: '每日' }],
  });
  (t.services.clock as FakeClock).set('2025-09-26T02:00:00Z');
  await publishedItem(t.services, t.fx, column.id, { title: '九月发布的公告' });
  (t.services.clock as FakeClock).set('2025-10-20T02:00:00Z');
  await publishedItem(t.services, t.fx, column.id, { title: '十月发布的公告' });
  (t.services.clock as FakeClock).set('2025-10-31T02:00:00Z');
  const officer = await t.signIn('officer');

  const page = await get(t.app, '/console/reading-rooms?room=' + encodeURIComponent('市档案馆查阅点'), officer);
  assert.equal(page.statusCode, 200);
  const body = page.body;
  assert.ok(body.indexOf('九月发布的公告') < body.indexOf('十月发布的公告'), 'overdue row first');
  assert.match(body, /已逾期/);
  assert.doesNotMatch(body, /市图书馆查阅点<\/td>/);

  const ids = [...body.matchAll(/name="ids" value="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(ids.length, 2);
  const ticked = await form(t.app, '/console/reading-rooms/provided', { ids, providedOn: '2025-10-31' }, officer);
  assert.equal(ticked.statusCode, 303);
  assert.equal(ticked.headers.location, '/console/reading-rooms?done=2');
  const rows = await t.services.database.db.selectFrom('readingRoomProvisions').select(['providedOn', 'providedById']).where('id', 'in', ids).execute();
  assert.deepEqual(rows.map((r) => [r.providedOn, r.providedById]), [['2025-10-31', t.fx.users.officer.id], ['2025-10-31', t.fx.users.officer.id]]);

  const bad = await form(t.app, '/console/reading-rooms/provided', { providedOn: '2025-10-31' }, officer);
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /请至少勾选一条/);

  const drafter = await t.signIn('drafter');
  assert.equal((await get(t.app, '/console/reading-rooms', drafter)).statusCode, 403);
  assert.equal((await form(t.app, '/console/reading-rooms/provided', { ids, providedOn: '2025-10-31' }, drafter)).statusCode, 403);
  assert.equal((await get(t.app, '/console/reading-rooms/rooms', drafter)).statusCode, 403);

  // A leader oversees the checklist without ticking; the office reaches the room list from it.
  const leader = await t.signIn('leader');
  const overseen = await get(t.app, '/console/reading-rooms?state=all', leader);
  assert.equal(overseen.statusCode, 200);
  assert.match(overseen.body, /九月发布的公告/);
  assert.doesNotMatch(overseen.body, /name="ids"|\/console\/reading-rooms\/rooms/);
  assert.match((await get(t.app, '/console/reading-rooms', officer)).body, /href="\/console\/reading-rooms\/rooms">查阅场所设置/);
});

test('the system administrator keeps the room list on its own page and never sees the checklist', async () => {
  const admin = await t.signIn('sysAdmin');
  const checklist = await get(t.app, '/console/reading-rooms?state=all', admin);
  assert.equal(checklist.statusCode, 403);
  assert.doesNotMatch(checklist.body, /九月发布的公告/);
  const page = await get(t.app, '/console/reading-rooms/rooms', admin);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /action="\/console\/reading-rooms\/rooms"/);
  assert.match(page.body, /市档案馆查阅点 \| 章贡区 1 号 \| 工作日/);
  assert.doesNotMatch(page.body, /九月发布的公告|孙公开|href="\/console\/reading-rooms"/);
  assert.match(page.body, /href="\/console\/reading-rooms\/rooms"[^>]*>查阅场所设置/, 'the nav leads here');

  const saved = await form(t.app, '/console/reading-rooms/rooms', { rooms: '市档案馆查阅点 | 章贡区 1 号 | 工作日\n市政务服务中心 | 章贡区 3 号 | 工作日' }, admin);
  assert.equal(saved.statusCode, 303);
  assert.equal(saved.headers.location, '/console/reading-rooms/rooms?saved=1');
  assert.match((await get(t.app, saved.headers.location, admin)).body, /查阅场所已保存/);
  assert.deepEqual((await t.services.officeRecords.readingRooms.rooms(t.fx.agency.id)).map((r) => r.name), ['市档案馆查阅点', '市政务服务中心']);
  const dup = await form(t.app, '/console/reading-rooms/rooms', { rooms: '市档案馆查阅点\n市档案馆查阅点' }, admin);
  assert.equal(dup.statusCode, 422);
  assert.match(dup.body, /查阅场所名称不能重复/);
  assert.match(dup.body, /市档案馆查阅点\n市档案馆查阅点<\/textarea>/, 'what was typed stays');
  assert.doesNotMatch(dup.body, /九月发布的公告/);
});

test('coordination: a letter sent from the item page is listed, printable, and its outcome recorded', async () => {
  (t.services.clock as FakeClock).set('2025-11-03T02:00:00Z');
  const column = await createColumn(t.services, t.fx);
  const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(column.id, { title: '涉及住建局的公告' }));
  const officer = await t.signIn('officer');
  const sent = await form(t.app, `/console/items/${draft.id}/coordination`, { recipientAgency: '赣州市住房和城乡建设局', recipientContact: '刘科长', question: '安置房数据是否一致？' }, officer);
  assert.equal(sent.statusCode, 303);
  const page = await get(t.app, `/console/items/${draft.id}/coordination`, officer);
  assert.match(page.body, /发布协调〔2025〕1号/);
  assert.match(page.body, /答复期限 2025-11-10/);
  const [letter] = await t.services.officeRecords.coordination.list(t.fx.actor('officer'), draft.id);
  assert.equal((await get(t.app, `/console/coordination/${letter.id}/letter`, officer)).statusCode, 200);
  const recorded = await form(t.app, `/console/coordination/${letter.id}/outcome`, { outcome: 'agreed', answerText: '', answeredOn: '' }, officer);
  assert.equal(recorded.statusCode, 303);
  assert.equal((await t.services.officeRecords.coordination.get(t.fx.actor('officer'), letter.id)).outcome, 'agreed');
  const empty = await form(t.app, `/console/items/${draft.id}/coordination`, { recipientAgency: '', recipientContact: '', question: '' }, officer);
  assert.equal(empty.statusCode, 422);
});
