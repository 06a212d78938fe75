// HTTP tests of the public portal: every page renders with the accessibility floor (lang, one
// h1, landmarks, labels), unpublished and intranet information never shows, paging works,
// downloads carry the right headers, and caching stays off for signed-in staff.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../../src/core/audit/audit.ts';
import type { ColumnNode, ItemDetail } from '../../src/modules/catalog/catalog.contract.ts';
import { creditCodeFrom } from '../factories.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { samplePdf } from '../helpers/sample-files.ts';
import { assertPortalPage, columnInput, draftInput, h1Text, publishItem } from './portal-helpers.ts';

describe('portal pages', () => {
  const cols = {} as Record<'policy' | 'normative' | 'apply' | 'reports' | 'notices' | 'empty', ColumnNode>;
  let policy: ItemDetail;
  let interpretation: ItemDetail;
  let repealed: ItemDetail;
  let otherItem: ItemDetail;
  let intranetId: string;
  let draftId: string;
  let draftAttachmentId: string;
  const pdf = samplePdf(['Land compensation plan']);

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  const t = useHttpFixture({
    setup: async ({ services, fx }) => {
      const officer = fx.actor('officer');
      const { catalog } = services;
      cols.policy = await catalog.createColumn(officer, columnInput('政策法规', null, { sortOrder: 1, description: '法律法规、规章和规范性文件' }));
      cols.normative = await catalog.createColumn(officer, columnInput('规范性文件', cols.policy.id));
      cols.notices = await catalog.createColumn(officer, columnInput('国土公告', null, { sortOrder: 2 }));
      cols.apply = await catalog.createColumn(officer, columnInput('依申请公开', null, { sortOrder: 3 }));
      cols.reports = await catalog.createColumn(officer, columnInput('信息公开年报', null, { sortOrder: 4 }));
      cols.empty = await catalog.createColumn(officer, columnInput('统计数据', null, { sortOrder: 5 }));

      policy = await publishItem(services, officer, draftInput(cols.normative.id, '赣州市征地补偿安置办法', { issuers: ['赣州市自然资源局', '赣州市财政局'] }), [
        { filename: '征地补偿标准.pdf', bytes: pdf },
      ]);
      interpretation = await publishItem(services, officer, draftInput(cols.policy.id, '《赣州市征地补偿安置办法》政策解读', { interpretsItemIds: [policy.id], docNumber: '' }));
      repealed = await publishItem(services, officer, draftInput(cols.normative.id, '关于旧补偿标准的通知'));
      repealed = await catalog.repeal(officer, repealed.id, { repealedOn: '2025-09-26', reason: '已被新办法替代' });
      // 25 notices for paging (20 per page), imported as already published.
      for (let i = 1; i <= 25; i++) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        await catalog.importPublished(systemActor('测试'), fx.agency.id, { columnId: cols.notices.id, title: `划拨供地结果公示第${i}号`, publishedOn: `2025-08-${day}` });
      }
      const intranet = await publishItem(services, officer, draftInput(cols.policy.id, '内网通知：机关内部会议安排', { scope: 'intranet' }));
      intranetId = intranet.id;
      const draft = await catalog.createDraft(officer, draftInput(cols.policy.id, '尚未发布的草稿'));
      draftId = draft.id;
      draftAttachmentId = (await catalog.addAttachment(officer, draft.id, { filename: '草稿附件.pdf', bytes: pdf })).id;

      const otherOfficer = fx.otherActor('officer');
      const otherCol = await catalog.createColumn(otherOfficer, columnInput('工作动态'));
      otherItem = await publishItem(services, otherOfficer, draftInput(otherCol.id, '瑞金市土地利用年度计划'));
    },
  });

  test('home: latest items, entries one click away, search box, public cache', async () => {
    const res = await get('/');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.equal(res.headers['cache-control'], 'public, max-age=60');
    assertPortalPage(res.body);
    assert.equal(h1Text(res.body), `${t.fx.agency.name}政府信息公开`);
    assert.ok(res.body.includes(`/items/${policy.id}`));
    assert.ok(res.body.includes('赣州市征地补偿安置办法'));
    for (const href of ['/guide', '/catalog', `/columns/${cols.apply.id}`, `/columns/${cols.reports.id}`]) assert.ok(res.body.includes(`href="${href}"`), href);
    assert.ok(res.body.includes('role="search"') && res.body.includes('action="/search"'));
    assert.ok(res.body.includes(`<dt>主办单位</dt><dd>${t.fx.agency.name}</dd>`));
    assert.ok(!res.body.includes('内网通知') && !res.body.includes('尚未发布的草稿'), 'no intranet or draft items');
    assert.ok(!res.body.includes('瑞金市土地利用年度计划'), 'other agency items stay on their own pages');
    assert.ok(res.headers['content-security-policy']);
  });

  test('?agency= selects another agency and links carry it; unknown agency is 404', async () => {
    const res = await get(`/?agency=${t.fx.otherAgency.code}`);
    assert.equal(res.statusCode, 200);
    assert.equal(h1Text(res.body), `${t.fx.otherAgency.name}政府信息公开`);
    assert.ok(res.body.includes('瑞金市土地利用年度计划'));
    assert.ok(res.body.includes(`href="/guide?agency=${t.fx.otherAgency.code}"`));
    assert.ok(res.body.includes(`name="agency" value="${t.fx.otherAgency.code}"`), 'search form keeps the agency');
    const byCredit = await get(`/catalog?agency=${t.fx.otherAgency.creditCode}`);
    assert.equal(byCredit.statusCode, 200);
    assert.ok(byCredit.body.includes('工作动态'));
    const unknown = await get('/?agency=nope');
    assert.equal(unknown.statusCode, 404);
    assertPortalPage(unknown.body);
  });

  test('catalog tree lists the columns', async () => {
    const res = await get('/catalog');
    assert.equal(res.statusCode, 200);
    assertPortalPage(res.body);
    assert.equal(h1Text(res.body), '政府信息公开目录');
    for (const c of Object.values(cols)) assert.ok(res.body.includes(`<a href="/columns/${c.id}">${c.name}</a>`), c.name);
    assert.ok(res.body.includes('法律法规、规章和规范性文件'));
  });

  test('column page: tree on the left, 索引号 · 标题 · 发布日期, 20 per page', async () => {
    const res = await get(`/columns/${cols.notices.id}`);
    assert.equal(res.statusCode, 200);
    assertPortalPage(res.body);
    assert.equal(h1Text(res.body), '国土公告');
    assert.ok(res.body.includes('<th scope="col" class="col-index">索引号</th>'));
    assert.ok(res.body.includes('<th scope="col">标题</th>'));
    assert.equal((res.body.match(/<tr>/g) ?? []).length, 21, 'header + 20 rows');
    assert.ok(res.body.includes('共 25 条，第 1 / 2 页'));
    assert.ok(res.body.includes(`href="/columns/${cols.notices.id}?page=2" rel="next"`));
    assert.ok(res.body.includes(`aria-current="page">国土公告</a>`), 'current column marked in the tree');

    const page2 = await get(`/columns/${cols.notices.id}?page=2`);
    assert.equal(page2.statusCode, 200);
    assert.equal((page2.body.match(/<tr>/g) ?? []).length, 6, 'header + 5 rows');
    assert.ok(page2.body.includes('第 2 / 2 页'));
    assert.ok(page2.body.includes('aria-current="page" aria-label="第 2 页，当前页"'));
    assert.ok(page2.body.includes(`href="/columns/${cols.notices.id}" rel="prev"`));

    const firstPageTitles = [...res.body.matchAll(/划拨供地结果公示第(\d+)号/g)].map((m) => m[1]);
    const secondPageTitles = [...page2.body.matchAll(/划拨供地结果公示第(\d+)号/g)].map((m) => m[1]);
    assert.equal(new Set([...firstPageTitles, ...secondPageTitles]).size, 25, 'pages do not overlap');

    const bad = await get(`/columns/${cols.notices.id}?page=abc`);
    assert.equal(bad.statusCode, 200);
    assert.ok(bad.body.includes('第 1 / 2 页'));
    const parent = await get(`/columns/${cols.policy.id}`);
    assert.ok(parent.body.includes('赣州市征地补偿安置办法'), 'a column lists its sub-columns\' items');
    const empty = await get(`/columns/${cols.empty.id}`);
    assert.ok(empty.body.includes('本栏目暂无公开信息'));
    const apply = await get(`/columns/${cols.apply.id}`);
    assert.ok(apply.body.includes(`<a href="/columns/${cols.apply.id}" aria-current="page">依申请公开</a>`), 'main nav marks 依申请公开');
    assert.equal((await get('/columns/unknown-column')).statusCode, 404);
  });

  test('item page: metadata table, body, attachments, linked interpretation, print link', async () => {
    const res = await get(`/items/${policy.id}`);
    assert.equal(res.statusCode, 200);
    assertPortalPage(res.body);
    assert.equal(h1Text(res.body), '赣州市征地补偿安置办法');
    for (const label of ['索引号', '主题分类', '发文机关', '成文日期', '标题', '发文字号', '发布日期', '有效性'])
      assert.ok(res.body.includes(`<th scope="row">${label}</th>`), label);
    assert.ok(policy.indexNumber && res.body.includes(policy.indexNumber));
    assert.ok(res.body.includes('赣州市自然资源局、赣州市财政局'));
    assert.ok(res.body.includes('赣市自然资规〔2025〕3号'));
    assert.ok(res.body.includes('<td colspan="3">有效</td>'));
    assert.ok(res.body.includes('征地补偿安置按本办法执行'));
    const attachment = policy.attachments[0];
    assert.ok(res.body.includes(`href="/attachments/${attachment.id}"`));
    assert.ok(res.body.includes(`（PDF，`), 'attachment type and size');
    assert.ok(res.body.includes('政策解读') && res.body.includes(`/items/${interpretation.id}`));
    assert.ok(res.body.includes(`href="/items/${policy.id}/print"`));
    assert.ok(res.body.includes(`<a href="/columns/${cols.normative.id}">规范性文件</a>`), 'breadcrumb through the column path');
    assert.ok(!res.body.includes('本文件已废止'));

    const back = await get(`/items/${interpretation.id}`);
    assert.ok(back.body.includes('所解读的文件') && back.body.includes(`/items/${policy.id}`));
  });

  test('repealed item shows a clear 已废止 banner', async () => {
    const res = await get(`/items/${repealed.id}`);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes('本文件已废止'));
    assert.ok(res.body.includes('2025-09-26 废止'));
    assert.ok(res.body.includes('<td colspan="3">废止</td>'));
  });

  test('print view: same content, no navigation, one h1', async () => {
    const res = await get(`/items/${policy.id}/print`);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.startsWith('<!DOCTYPE html><html lang="zh-CN">'));
    assert.equal((res.body.match(/<h1[\s>]/g) ?? []).length, 1);
    assert.ok(res.body.includes('<body class="print-view">'));
    assert.ok(!res.body.includes('class="main-nav"') && !res.body.includes('class="breadcrumb"'));
    assert.ok(res.body.includes('征地补偿安置按本办法执行') && res.body.includes('<th scope="row">索引号</th>'));
    assert.ok(res.body.includes('<script src="/assets/portal.js" defer></script>'));
    assert.ok(!/\sstyle=/.test(res.body));
  });

  test('items of another agency render in that agency\'s frame', async () => {
    const res = await get(`/items/${otherItem.id}`);
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(`<span class="site-agency">${t.fx.otherAgency.name}</span>`));
    assert.ok(res.body.includes(`href="/catalog?agency=${t.fx.otherAgency.code}"`));
  });

  test('unpublished, intranet and unknown items are 404 in the portal frame', async () => {
    for (const url of [`/items/${draftId}`, `/items/${intranetId}`, '/items/01NOSUCHITEM', `/items/${draftId}/print`, `/items/${intranetId}/print`]) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assertPortalPage(res.body);
      assert.ok(res.body.includes(t.fx.agency.name), 'error page keeps the agency frame');
      assert.ok(!res.body.includes('尚未发布的草稿') && !res.body.includes('内网通知'));
    }
    const unmatched = await get('/no/such/page');
    assert.equal(unmatched.statusCode, 404);
    assertPortalPage(unmatched.body);
    assert.equal(h1Text(unmatched.body), '页面不存在');
    assert.ok(unmatched.body.includes(t.fx.agency.name));
  });

  test('attachment download: type, RFC 5987 filename, nosniff; unpublished and unknown are 404', async () => {
    const attachment = policy.attachments[0];
    const res = await get(`/attachments/${attachment.id}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const disposition = String(res.headers['content-disposition']);
    assert.ok(disposition.startsWith('attachment; filename="'));
    assert.ok(disposition.includes(`filename*=UTF-8''${encodeURIComponent('征地补偿标准.pdf')}`));
    assert.deepEqual(res.rawPayload, pdf);
    assert.equal((await get(`/attachments/${draftAttachmentId}`)).statusCode, 404);
    assert.equal((await get('/attachments/01NOSUCHATTACHMENT')).statusCode, 404);
  });

  test('guide: classification from the catalog, how to apply, time limits, fees, remedies', async () => {
    const actor = systemActor('测试');
    const detailed = await t.services.accounts.createAgency(actor, {
      code: 'guide-test',
      name: '测试县自然资源局',
      shortName: '测试县局',
      creditCode: creditCodeFrom('11360799MB0000001'),
      parentAgencyId: t.fx.agency.id,
      address: '测试县人民路 8 号',
      postcode: '342100',
      officeHours: '工作日上午 9:00—12:00',
      phone: '0797-1234567',
      fax: '0797-1234568',
      email: 'gk@test.example.cn',
      website: 'https://test.example.cn',
      readingRooms: [{ name: '县档案馆查阅室', address: '人民路 10 号', hours: '工作日' }],
    });
    const res = await get(`/guide?agency=${detailed.code}`);
    assert.equal(res.statusCode, 200);
    assertPortalPage(res.body);
    assert.equal(h1Text(res.body), '测试县自然资源局政府信息公开指南');
    for (const text of ['测试县人民路 8 号', '342100', '工作日上午 9:00—12:00', '0797-1234567', '0797-1234568', 'gk@test.example.cn', '县档案馆查阅室', t.fx.agency.name])
      assert.ok(res.body.includes(text), text);
    for (const text of ['第十二条', '第二十九条', '20 个工作日内予以答复', '不超过 20 个工作日', '国办函〔2020〕109号', '60 日', '6 个月', '<th scope="row">31—100 页</th>'])
      assert.ok(res.body.includes(text), text);
    assert.ok(res.body.includes(`mailto:gk@test.example.cn?subject=`), '我为政府网站找错 link');

    const main = await get('/guide');
    assert.ok(main.body.includes('<li>政策法规<ul><li>规范性文件</li></ul></li>'), 'classification follows the column tree');
    assert.ok(main.body.includes(`${t.fx.agency.name}办公室`), 'the disclosure office by name');
  });

  test('search page: filters, highlighted results, total, empty state, paging', async () => {
    const res = await get(`/search?q=${encodeURIComponent('征地补偿')}`);
    assert.equal(res.statusCode, 200);
    assertPortalPage(res.body);
    assert.ok(res.body.includes('<mark>'), 'highlighted');
    assert.ok(/找到 \d+ 条相关信息/.test(res.body));
    assert.ok(res.body.includes(`/items/${policy.id}`));
    for (const id of ['search-q', 'search-column', 'search-year', 'search-validity']) assert.ok(res.body.includes(`<label for="${id}"`), id);

    const filtered = await get(`/search?q=${encodeURIComponent('征地')}&column=${cols.normative.id}&year=2025&validity=repealed`);
    assert.equal(filtered.statusCode, 200);
    assert.ok(filtered.body.includes(`<option value="${cols.normative.id}" selected>`), 'column filter kept');
    assert.ok(filtered.body.includes('<option value="2025" selected>'), 'year kept');
    assert.ok(filtered.body.includes('<option value="repealed" selected>'), 'validity kept');
    assert.ok(filtered.body.includes(`/items/${repealed.id}`) && !filtered.body.includes(`/items/${policy.id}"`));

    const none = await get(`/search?q=${encodeURIComponent('完全不存在的词语组合')}`);
    assert.equal(none.statusCode, 200);
    assert.ok(none.body.includes('没有找到与“完全不存在的词语组合”相关的信息'));

    const blank = await get('/search');
    assert.equal(blank.statusCode, 200);
    assertPortalPage(blank.body);
    assert.ok(blank.body.includes('请输入关键词'));

    const paged = await get(`/search?q=${encodeURIComponent('公示')}&page=2&year=abc`);
    assert.equal(paged.statusCode, 200);
    assert.ok(paged.body.includes('找到 25 条相关信息'));
    assert.ok(paged.body.includes('第 2 / 2 页'));
    assert.equal((paged.body.match(/class="search-hit"/g) ?? []).length, 5);
    assert.ok(paged.body.includes(`href="/search?q=${encodeURIComponent('公示')}" rel="prev"`));
  });

  test('signed-in staff get no-store instead of the public cache header', async () => {
    const { token } = await t.services.accounts.login({ username: t.fx.users.officer.username, password: t.fx.password }, '127.0.0.1', 'test');
    const res = await get('/', { cookie: `gk_session=${token}` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
  });
});
