// Catalog items on a real database: sanitising and XSS, the publication clock (第二十六条) and
// its recomputation, revisions, repeal and its notice, interpretations, public visibility,
// index numbers under concurrency, historical import.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../../src/core/audit/audit.ts';
import type { FakeClock } from '../../src/core/time/clock.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { advanceTo, createColumn, draftInput, publishedItem } from '../factories.ts';

let columnId: string;
const t = useServiceFixture({
  setup: async ({ services, fx }) => {
    columnId = (await createColumn(services, fx)).id;
  },
});

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

describe('catalog items', () => {
  test('XSS in every text field: body sanitised, plain fields stored unchanged and returned as text', async () => {
    const column = await createColumn(t.services, t.fx, '栏目<script>alert(1)</script>');
    const item = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(column.id, {
      title: `标题${XSS}`, docNumber: `文号${XSS}`, summary: `概述${XSS}`, topic: `主题${XSS}`, issuers: [`机关${XSS}`],
      bodyHtml: `<p onclick="x()" style="color:red">正文<a href="javascript:alert(3)">链接</a><a href="https://example.gov.cn/a">官网</a></p>${XSS}<iframe src="https://evil"></iframe><h1>标题一</h1>`,
    }));
    assert.equal(item.title, `标题${XSS}`);
    assert.equal(item.docNumber, `文号${XSS}`);
    assert.equal(item.summary, `概述${XSS}`);
    assert.equal(item.topic, `主题${XSS}`);
    assert.deepEqual(item.issuers, [`机关${XSS}`]);
    assert.equal(item.columnName, '栏目<script>alert(1)</script>');
    assert.equal(item.bodyHtml, '<p>正文<a rel="noopener noreferrer">链接</a><a href="https://example.gov.cn/a" rel="noopener noreferrer">官网</a></p><h2>标题一</h2>');
    assert.doesNotMatch(item.bodyHtml, /script|onerror|onclick|style=|iframe|javascript:/);
    assert.equal(item.bodyText, '正文链接官网\n标题一');
  });

  test('drafting validates fields with Chinese messages, and requires a reason when not proactive (源头认定)', async () => {
    await assert.rejects(t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { title: ' ', writtenOn: '2025-13-01', disclosureMode: 'withheld' })),
      (err: { status: number; fields: { field: string; message: string }[] }) => {
        assert.equal(err.status, 422);
        assert.deepEqual(err.fields.map((f) => f.field).sort(), ['disclosureModeReason', 'title', 'writtenOn']);
        assert.ok(err.fields.every((f) => /[\u4e00-\u9fff]/.test(f.message)));
        return true;
      });
    await assert.rejects(t.services.catalog.createDraft(t.fx.otherActor('drafter'), draftInput(columnId)), (err: { fields: { field: string }[] }) =>
      err.fields.some((f) => f.field === 'columnId'));
    const farmland = await assert.rejects(t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { departmentId: t.fx.departments.farmland.id })),
      (err: { status: number }) => err.status === 403);
    assert.equal(farmland, undefined);
  });

  test('publishDueOn = 20 working days from writtenOn across the 2025 National Day holiday', async () => {
    const item = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { writtenOn: '2025-09-26' }));
    assert.equal(item.publishDueOn, '2025-10-30');
    assert.equal(item.issuers[0], t.fx.agency.name, 'issuer defaults to the agency');
  });

  test('a writtenOn in a year the calendar lacks is a field error naming the year', async () => {
    await assert.rejects(t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { writtenOn: '2027-03-01' })),
      (err: { status: number; fields: { field: string; message: string }[] }) => {
        assert.equal(err.status, 422);
        assert.equal(err.fields[0].field, 'writtenOn');
        assert.match(err.fields[0].message, /2027/);
        return true;
      });
  });

  test('without writtenOn the clock starts at the leader approval', async () => {
    const item = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { writtenOn: null }));
    assert.equal(item.publishDueOn, null);
    const approved = await advanceTo(t.services, t.fx, item.id, 'officeCheck');
    assert.equal(approved.publishDueOn, '2025-10-30');
  });

  test('changing a calendar year recomputes the deadlines of unpublished items', async () => {
    const item = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { writtenOn: '2026-11-02' }));
    assert.equal(item.publishDueOn, '2026-11-30');
    const published = await publishedItem(t.services, t.fx, columnId, { writtenOn: '2026-11-02' });
    // Declare 2026-11-09..13 a holiday week: the open item's deadline moves by five working days.
    const days = (await t.services.database.db.selectFrom('calendarDays').selectAll().where('date', 'like', '2026-%').execute())
      .map((d) => ({ date: d.date, kind: d.kind, name: d.name }));
    for (const date of ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13']) days.push({ date, kind: 'holiday', name: '测试假期' });
    const result = await t.services.calendar.setYear(systemActor('管理员'), 2026, days, 'test');
    assert.ok(result.recomputed >= 1);
    assert.equal((await t.services.catalog.getForStaff(t.fx.actor('officer'), item.id)).publishDueOn, '2026-12-07');
    const publishedRow = await t.services.database.db.selectFrom('items').select(['publishDueOn']).where('id', '=', published.id).executeTakeFirstOrThrow();
    assert.equal(publishedRow.publishDueOn, '2026-11-30', 'published items keep the deadline they had');
  });

  test('revise keeps the published version, bumps the version and reindexes', async () => {
    const item = await publishedItem(t.services, t.fx, columnId, { title: '土地利用年度计划（第一版）' });
    await assert.rejects(t.services.catalog.revise(t.fx.actor('drafter'), item.id, draftInput(columnId, { title: 'x' }), '更正'), (e: { status: number }) => e.status === 403);
    await assert.rejects(t.services.catalog.revise(t.fx.actor('officer'), item.id, draftInput(columnId, { title: 'x' }), ''), (e: { fields: { field: string }[] }) =>
      e.fields[0].field === 'input');
    const revised = await t.services.catalog.revise(t.fx.actor('officer'), item.id, draftInput(columnId, { title: '土地利用年度计划（修订版）' }), '更正附表数据');
    assert.equal(revised.version, 2);
    assert.equal(revised.indexNumber, item.indexNumber);
    assert.deepEqual(revised.versions.map((v) => v.version), [1]);
    const snap = await t.services.database.db.selectFrom('itemVersions').select('snapshot').where('itemId', '=', item.id).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(snap.snapshot).title, '土地利用年度计划（第一版）');
    const hits = (await t.services.search.search({ q: '修订版', page: 1, pageSize: 10 })).hits;
    assert.ok(hits.some((h) => h.itemId === item.id));
  });

  test('repeal: validity, a repeal notice due in 10 working days, cleared when the notice is published', async () => {
    const policy = await publishedItem(t.services, t.fx, columnId, { title: '关于征地区片综合地价的规定' });
    const repealed = await t.services.catalog.repeal(t.fx.actor('officer'), policy.id, { repealedOn: '2025-09-26', reason: '已被新规定替代' });
    assert.equal(repealed.validity, 'repealed');
    assert.equal(repealed.repealedOn, '2025-09-26');
    assert.equal(repealed.repealNoticeDueOn, '2025-10-16');
    const officerQueue = await t.services.review.queue(t.fx.actor('officer'));
    const entry = officerQueue.find((e) => e.item.id === policy.id);
    assert.equal(entry?.dueOn, '2025-10-16');
    assert.match(entry!.dueExplanation!, /废止日期 2025-09-26/);
    const notice = await publishedItem(t.services, t.fx, columnId, { title: '关于废止《征地区片综合地价的规定》的说明', repealNoticeForItemId: policy.id });
    assert.equal(notice.repealNoticeForItemId, policy.id);
    assert.equal((await t.services.catalog.getForStaff(t.fx.actor('officer'), policy.id)).repealNoticeDueOn, null);
    assert.ok(!(await t.services.review.queue(t.fx.actor('officer'))).some((e) => e.item.id === policy.id));
  });

  test('interpretations are linked both ways', async () => {
    const policy = await publishedItem(t.services, t.fx, columnId, { title: '征地补偿安置办法' });
    const interp = await publishedItem(t.services, t.fx, columnId, { title: '《征地补偿安置办法》政策解读', interpretsItemIds: [policy.id] });
    assert.deepEqual((await t.services.catalog.getPublished(policy.id))!.interpretations.map((i) => i.id), [interp.id]);
    assert.deepEqual((await t.services.catalog.getPublished(interp.id))!.interprets.map((i) => i.id), [policy.id]);
  });

  test('public reads show only published, public-scope items', async () => {
    const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { title: '草稿不可见' }));
    const intranet = await publishedItem(t.services, t.fx, columnId, { title: '内网信息', scope: 'intranet' });
    const visible = await publishedItem(t.services, t.fx, columnId, { title: '外网信息' });
    assert.equal(await t.services.catalog.getPublished(draft.id), undefined);
    assert.equal(await t.services.catalog.getPublished(intranet.id), undefined);
    assert.ok(await t.services.catalog.getPublished(visible.id));
    const list = await t.services.catalog.listPublished({ page: 1, pageSize: 100 });
    assert.ok(list.items.some((i) => i.id === visible.id));
    assert.ok(!list.items.some((i) => i.id === draft.id || i.id === intranet.id));
    assert.ok(list.items.every((i) => i.status === 'published' && i.scope === 'public'));
    assert.deepEqual((await t.services.catalog.publishedSummaries([intranet.id, visible.id, draft.id])).map((s) => s.id), [visible.id]);
  });

  test('listPublished: newest first, paginated, a column includes its descendants', async () => {
    const parent = await createColumn(t.services, t.fx, '规划计划');
    const child = await createColumn(t.services, t.fx, '年度计划', { parentId: parent.id });
    const clock = t.services.clock as FakeClock;
    const ids: string[] = [];
    for (const day of ['2025-10-09', '2025-10-10', '2025-10-13']) {
      clock.set(`${day}T02:00:00Z`);
      ids.push((await publishedItem(t.services, t.fx, day === '2025-10-10' ? parent.id : child.id, { title: `计划 ${day}` })).id);
    }
    clock.set('2025-09-26T02:00:00Z');
    const page1 = await t.services.catalog.listPublished({ columnId: parent.id, page: 1, pageSize: 2 });
    assert.equal(page1.total, 3);
    assert.deepEqual(page1.items.map((i) => i.id), [ids[2], ids[1]]);
    const page2 = await t.services.catalog.listPublished({ columnId: parent.id, page: 2, pageSize: 2 });
    assert.deepEqual(page2.items.map((i) => i.id), [ids[0]]);
    assert.equal((await t.services.catalog.listPublished({ columnId: child.id, page: 1, pageSize: 10 })).total, 2);
  });

  test('index numbers stay unique under 20 concurrent publications', async () => {
    const items = [];
    for (let i = 0; i < 20; i++) {
      const d = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { title: `并发发布 ${i}` }));
      items.push(await advanceTo(t.services, t.fx, d.id, 'officeCheck'));
    }
    const published = await Promise.all(items.map((it) => t.services.review.act(t.fx.actor('officer'), it.id, 'publish', { opinion: '', basis: '' })));
    const numbers = published.map((p) => p.indexNumber);
    assert.equal(new Set(numbers).size, 20);
    assert.ok(numbers.every((n) => /^.{18}\/2025-\d{5}$/.test(n!)));
  });

  test('importPublished: historical items straight to published, with an index number and an import audit event', async () => {
    const item = await t.services.catalog.importPublished(systemActor('命令行'), t.fx.agency.id, {
      columnId, title: '2018年基准地价更新成果', publishedOn: '2018-06-01', bodyHtml: '<p>基准地价表</p>',
    });
    assert.equal(item.status, 'published');
    assert.equal(item.publishedOn, '2018-06-01');
    assert.equal(item.indexNumber, `${t.fx.agency.creditCode}/2018-00001`);
    const event = await t.services.database.db.selectFrom('auditEvents').select(['action', 'summary']).where('subjectId', '=', item.id).executeTakeFirstOrThrow();
    assert.equal(event.action, 'item.import');
    assert.match(event.summary, /历史信息导入/);
    assert.ok((await t.services.search.search({ q: '基准地价', page: 1, pageSize: 10 })).hits.some((h) => h.itemId === item.id));
  });
});
