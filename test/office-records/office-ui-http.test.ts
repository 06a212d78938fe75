// The office records in the console and on the portal over HTTP: the clarification mark form on
// the item record page (errors keep what was typed), 澄清 on the portal item and column pages
// (and the portal version stamp bumped by marking), the record page's links to release
// coordination and reading rooms, and the coordination letter as a Word file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import type { FakeClock } from '../../src/core/time/clock.ts';
import { readPortalVersion } from '../../src/modules/portal/portal-version.repository.ts';
import { createColumn, draftInput, publishedItem, type Fixture } from '../factories.ts';
import { form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

let columnId: string;

const t = useHttpFixture({
  setup: async ({ services, fx }) => {
    columnId = (await createColumn(services, fx, '政策解读与回应')).id;
  },
});

const act = (role: Parameters<Fixture['actor']>[0], id: string, verb: 'submit' | 'approve' | 'publish') =>
  t.services.review.act(t.fx.actor(role), id, verb, { opinion: '', basis: '' });

test('the mark form: errors keep what was typed; a 索引号 finds the corrected item; 澄清 reaches the portal', async () => {
  (t.services.clock as FakeClock).set('2025-12-01T02:00:00Z');
  const target = await publishedItem(t.services, t.fx, columnId, { title: '关于某村土地征收范围的公告' });
  assert.ok(target.indexNumber);
  const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { title: '关于网传某村全部征收的澄清说明' }));
  const drafter = await t.signIn('drafter');

  const page = await get(t.app, `/console/items/${draft.id}`, drafter);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(`action="/console/items/${draft.id}/clarification"`));

  const bad = await form(t.app, `/console/items/${draft.id}/clarification`, { correctsItem: '', circulatingInfo: '网传某村将被全部征收', circulatingUrl: 'weibo 某帖' }, drafter);
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /请输入完整的网址/);
  assert.match(bad.body, /网传某村将被全部征收<\/textarea>/);
  assert.match(bad.body, /name="circulatingUrl"[^>]*value="weibo 某帖"|value="weibo 某帖"[^>]*name="circulatingUrl"/);

  const unknown = await form(t.app, `/console/items/${draft.id}/clarification`, { correctsItem: 'NO-SUCH/2025-99999', circulatingInfo: '', circulatingUrl: '' }, drafter);
  assert.equal(unknown.statusCode, 422);
  assert.match(unknown.body, /所澄清的信息须为本机关已发布的信息/);
  assert.match(unknown.body, /value="NO-SUCH\/2025-99999"/);
  assert.equal(await t.services.officeRecords.clarifications.forStaff(t.fx.actor('drafter'), draft.id), null);

  const versionBefore = await readPortalVersion(t.services.database.db);
  const ok = await form(t.app, `/console/items/${draft.id}/clarification`, {
    correctsItem: target.indexNumber!, circulatingInfo: '网传某村将被全部征收', circulatingUrl: 'https://example.org/post/1',
  }, drafter);
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, `/console/items/${draft.id}?done=clarification`);
  assert.ok((await readPortalVersion(t.services.database.db)) > versionBefore, 'marking bumps the portal version stamp');
  const saved = await t.services.officeRecords.clarifications.forStaff(t.fx.actor('drafter'), draft.id);
  assert.equal(saved?.correctsItemId, target.id);

  const record = await get(t.app, `/console/items/${draft.id}?done=clarification`, drafter);
  assert.match(record.body, /澄清说明已保存/);
  assert.match(record.body, new RegExp(`<a href="/console/items/${target.id}">关于某村土地征收范围的公告</a>`));
  assert.match(record.body, /修改澄清说明/);

  // Not yet public: the column page (cached) lists only the target.
  const before = await t.app.inject({ method: 'GET', url: `/columns/${columnId}` });
  assert.equal(before.statusCode, 200);
  assert.doesNotMatch(before.body, /关于网传某村全部征收的澄清说明/);

  await act('drafter', draft.id, 'submit');
  await act('confidentialityReviewer', draft.id, 'approve');
  await act('leader', draft.id, 'publish');

  const item = await t.app.inject({ method: 'GET', url: `/items/${draft.id}` });
  assert.equal(item.statusCode, 200);
  assert.match(item.body, /<span class="tag tag-clarification">澄清<\/span>/);
  assert.match(item.body, new RegExp(`所澄清的信息：<a href="/items/${target.id}">关于某村土地征收范围的公告</a>`));
  assert.match(item.body, /流传的信息：网传某村将被全部征收/);
  const print = await t.app.inject({ method: 'GET', url: `/items/${draft.id}/print` });
  assert.match(print.body, /所澄清的信息/);

  const column = await t.app.inject({ method: 'GET', url: `/columns/${columnId}` });
  const row = /<tr>(?:(?!<\/tr>)[\s\S])*关于网传某村全部征收的澄清说明(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(column.body);
  assert.ok(row, 'the clarification is listed once published (cache invalidated)');
  assert.match(row[0], /tag-clarification/);
  const targetRow = /<tr>(?:(?!<\/tr>)[\s\S])*关于某村土地征收范围的公告(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(column.body);
  assert.doesNotMatch(targetRow![0], /tag-clarification/);
  // An ordinary item's page carries no clarification notice.
  assert.doesNotMatch((await t.app.inject({ method: 'GET', url: `/items/${target.id}` })).body, /所澄清的信息/);
});

test('only the own department or the office sees the mark form, and only on drafts', async () => {
  const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { title: '普通草稿' }));
  const leader = await t.signIn('leader');
  assert.doesNotMatch((await get(t.app, `/console/items/${draft.id}`, leader)).body, /标记为澄清信息<\/button>/);
  assert.equal((await form(t.app, `/console/items/${draft.id}/clarification`, { circulatingInfo: '网传' }, leader)).statusCode, 403);
  const officer = await t.signIn('officer');
  assert.match((await get(t.app, `/console/items/${draft.id}`, officer)).body, /标记为澄清信息<\/button>/);
  await act('drafter', draft.id, 'submit');
  assert.doesNotMatch((await get(t.app, `/console/items/${draft.id}`, officer)).body, /标记为澄清信息<\/button>/);
});

test('the record page links to release coordination (with the open letter\'s due state) and to the reading rooms', async () => {
  (t.services.clock as FakeClock).set('2025-11-03T02:00:00Z');
  const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { title: '涉及住建局的公告' }));
  const officer = await t.signIn('officer');
  const empty = await get(t.app, `/console/items/${draft.id}`, officer);
  assert.match(empty.body, new RegExp(`href="/console/items/${draft.id}/coordination">发布协调（0 份协调函）`));

  const letter = await t.services.officeRecords.coordination.send(t.fx.actor('officer'), draft.id, {
    recipientAgency: '赣州市住房和城乡建设局', recipientContact: '刘科长 0797-1234567', question: '公告所涉安置房数据是否与贵局一致？',
  });
  const open = await get(t.app, `/console/items/${draft.id}`, officer);
  assert.match(open.body, /发布协调（1 份协调函）/);
  assert.match(open.body, /发布协调〔2025〕\d+号 致赣州市住房和城乡建设局，等待答复/);
  assert.match(open.body, new RegExp(`${letter.dueOn}</span> <span class="due-state due-onTime">按期</span>`));
  (t.services.clock as FakeClock).set(`${letter.dueOn}T02:00:00Z`);
  // A week later: sign in again (the session has expired).
  const later = await t.signIn('officer');
  assert.match((await get(t.app, `/console/items/${draft.id}`, later)).body, /due-state due-dueSoon/);

  await t.services.officeRecords.readingRooms.setRooms(t.fx.actor('sysAdmin'), { rooms: [{ name: '市档案馆查阅点', address: '章贡区 1 号', hours: '工作日' }] });
  const published = await publishedItem(t.services, t.fx, columnId, { title: '已发布的公告' });
  const rooms = await get(t.app, `/console/items/${published.id}`, later);
  assert.match(rooms.body, /查阅场所提供情况/);
  assert.match(rooms.body, new RegExp(`href="/console/reading-rooms\\?room=${encodeURIComponent('市档案馆查阅点')}">市档案馆查阅点</a>`));
  assert.match(rooms.body, /未提供/);
  assert.doesNotMatch(rooms.body, /等待答复/);
  // The drafter sees the rows but is not linked to the checklist, which is the office's and the leaders'.
  const drafterView = await get(t.app, `/console/items/${published.id}`, await t.signIn('drafter'));
  assert.match(drafterView.body, /<td>市档案馆查阅点<\/td>/);
  assert.doesNotMatch(drafterView.body, /href="\/console\/reading-rooms/);
});

test('the coordination letter downloads as a Word file with the letter text', async () => {
  (t.services.clock as FakeClock).set('2025-11-10T02:00:00Z');
  const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { title: '关于矿业权出让的公示' }));
  const letter = await t.services.officeRecords.coordination.send(t.fx.actor('officer'), draft.id, {
    recipientAgency: '赣州市生态环境局', recipientContact: '陈科长', question: '环评结论是否可以公开？',
  });
  const officer = await t.signIn('officer');
  assert.match((await get(t.app, `/console/items/${draft.id}/coordination`, officer)).body, new RegExp(`/console/coordination/${letter.id}/letter.docx`));
  const res = await get(t.app, `/console/coordination/${letter.id}/letter.docx`, officer);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.match(String(res.headers['content-disposition']), /^attachment;/);
  const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
  for (const text of ['关于拟公开政府信息的协调函', letter.number, '赣州市生态环境局：', '环评结论是否可以公开？', '《关于矿业权出让的公示》', '请于2025年11月17日前书面答复', t.fx.agency.name])
    assert.ok(xml.includes(text), `document.xml contains ${text}`);
  // Another agency's officer cannot download it.
  const other = await t.signInOther('officer');
  assert.equal((await get(t.app, `/console/coordination/${letter.id}/letter.docx`, other)).statusCode, 404);
});
