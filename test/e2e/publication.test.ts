// Browser journeys in headless Chromium over the real app: five staff members take an item from
// draft to published through the console, the public cannot see it until then, and the portal
// finds it by a two-character word; then an axe-core scan of the portal pages (WCAG 2.1 AA).
// scripts/test.mjs runs this file only when Chromium is installed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../../src/core/audit/audit.ts';
import type { FixtureUserKey } from '../factories.ts';
import { axeScan, useBrowserFixture } from '../helpers/browser.ts';

const TITLE = '关于示例镇东风村征地补偿安置方案的公告（浏览器测试）';

let columnId: string;

const t = useBrowserFixture({
  setup: async ({ services, fx }) => {
    const column = await services.catalog.createColumn(fx.actor('officer'), {
      parentId: null, code: 'zdxx', name: '征地信息', description: '土地征收信息', sortOrder: 10, updateIntervalDays: null, departmentIds: [fx.departments.planning.id],
    });
    columnId = column.id;
  },
});

/** Opens the item's record page and takes one action through its form. */
async function act(user: FixtureUserKey, itemId: string, verb: string, button: string, opinion: string): Promise<void> {
  const page = await t.signIn(user);
  await page.goto(`${t.base}/console/items/${itemId}`);
  const form = page.locator(`form.action-${verb}`);
  if (opinion) await form.getByLabel('意见').fill(opinion);
  await Promise.all([page.waitForURL((url) => url.searchParams.get('done') === verb), form.getByRole('button', { name: button }).click()]);
  await page.context().close();
}

/** What an anonymous visitor gets for the item: portal page, portal search, public API. */
async function publicView(itemId: string) {
  const page = await t.newPage();
  const itemResponse = await page.goto(`${t.base}/items/${itemId}`);
  const itemStatus = itemResponse?.status();
  await page.goto(`${t.base}/search?q=${encodeURIComponent('征地')}`);
  const searchShows = (await page.getByRole('link', { name: TITLE }).count()) > 0;
  await page.context().close();
  const apiItem = await fetch(`${t.base}/api/v1/items/${itemId}`);
  const apiList = await fetch(`${t.base}/api/v1/items?q=${encodeURIComponent('征地')}`);
  const apiListText = apiList.ok ? await apiList.text() : '';
  return { itemStatus, searchShows, apiItemStatus: apiItem.status, apiListShows: apiListText.includes(itemId) };
}

describe('publication journey in the browser', () => {
  test('five people take an item from draft to published; the public sees it only then', async () => {
    const drafter = await t.signIn('drafter');
    await drafter.goto(`${t.base}/console/items/new`);
    await drafter.getByLabel('栏目').selectOption(columnId);
    await drafter.getByLabel(/^标题/).fill(TITLE);
    await drafter.getByLabel('发文字号（文号）').fill('示自然资征补〔2025〕9号');
    await drafter.getByLabel('成文日期').fill('2025-09-24');
    await drafter.getByLabel('内容概述（摘要）').fill('公布东风村征地补偿标准和安置方式。');
    await drafter.getByLabel('正文').fill('<p>东风村拟征收土地的补偿标准按区片综合地价执行，被征地农民纳入基本养老保险。</p>');
    await drafter.getByRole('radio', { name: '主动公开' }).check();
    await Promise.all([
      drafter.waitForURL((url) => url.searchParams.get('done') === 'created'),
      drafter.getByRole('button', { name: '保存草稿' }).first().click(),
    ]);
    const itemId = /\/console\/items\/([^/?]+)/.exec(drafter.url())?.[1];
    assert.ok(itemId, `item id in ${drafter.url()}`);
    await drafter.context().close();

    const steps: [FixtureUserKey, string, string, string, string][] = [
      ['drafter', 'submit', '提交审核', '', 'departmentReview'],
      ['departmentHead', 'approve', '审核通过', '内容准确，同意提交保密审查。', 'confidentialityReview'],
      ['confidentialityReviewer', 'approve', '审核通过', '不涉及国家秘密，个人信息已去标识化，同意公开。', 'leaderApproval'],
      ['leader', 'approve', '审核通过', '同意发布。', 'officeCheck'],
    ];
    for (const [user, verb, button, opinion, status] of steps) {
      await act(user, itemId, verb, button, opinion);
      const row = await t.services.database.db.selectFrom('items').select('status').where('id', '=', itemId).executeTakeFirstOrThrow();
      assert.equal(row.status, status, `after ${user} ${verb}`);
    }

    const hidden = await publicView(itemId);
    assert.equal(hidden.itemStatus, 404, 'portal item page before publication');
    assert.equal(hidden.searchShows, false, 'portal search before publication');
    assert.equal(hidden.apiItemStatus, 404, 'API item before publication');
    assert.equal(hidden.apiListShows, false, 'API list before publication');

    await act('officer', itemId, 'publish', '复核并发布', '已复核，同意发布。');
    const records = await t.services.database.db.selectFrom('reviewRecords').select(['reviewerId', 'conclusion']).where('itemId', '=', itemId).execute();
    const reviewers = new Set(records.map((r) => r.reviewerId));
    assert.equal(reviewers.size, 5, 'five different people acted');

    const visitor = await t.newPage();
    await visitor.goto(`${t.base}/search?q=${encodeURIComponent('征地')}`);
    const link = visitor.getByRole('link', { name: TITLE });
    assert.equal(await link.count(), 1, 'search finds the item by 征地');
    await Promise.all([visitor.waitForURL((url) => url.pathname === `/items/${itemId}`), link.click()]);
    assert.equal((await visitor.getByRole('heading', { level: 1 }).textContent())?.trim(), TITLE);
    assert.ok((await visitor.content()).includes('示自然资征补〔2025〕9号'));
    const shown = await publicView(itemId);
    assert.equal(shown.itemStatus, 200, 'portal item page after publication');
    assert.equal(shown.searchShows, true, 'portal search after publication');
    assert.equal(shown.apiItemStatus, 200, 'API item after publication');
    assert.equal(shown.apiListShows, true, 'API list after publication');
  });
});

describe('accessibility of the portal (axe-core, WCAG 2.1 AA)', () => {
  test('home, item, column, search and guide pages have no violations', async () => {
    const item = await t.services.catalog.importPublished(systemActor('测试'), t.fx.agency.id, {
      columnId, departmentId: t.fx.departments.planning.id, title: '示例村征收土地预公告', docNumber: '示自然资征预〔2025〕1号',
      writtenOn: '2025-09-01', publishedOn: '2025-09-03', summary: '拟征收示例村集体土地。',
      bodyHtml: '<p>因城镇建设需要，拟征收示例村集体土地约 3.2 公顷。</p><table><caption>拟征收土地</caption><thead><tr><th scope="col">村组</th><th scope="col">面积（公顷）</th></tr></thead><tbody><tr><td>第一村民小组</td><td>3.2</td></tr></tbody></table>',
    });
    const pages = ['/', `/items/${item.id}`, `/columns/${columnId}`, `/search?q=${encodeURIComponent('征地')}`, '/guide'];
    const problems: string[] = [];
    const page = await t.newPage({ bypassCSP: true });
    for (const path of pages) {
      const response = await page.goto(`${t.base}${path}`);
      assert.equal(response?.status(), 200, path);
      const { passes, violations } = await axeScan(page);
      assert.ok(passes > 5, `axe ran its rules on ${path}`);
      for (const v of violations) problems.push(`${path} — ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
    }
    assert.deepEqual(problems, [], `axe violations:\n${problems.join('\n')}`);
  });
});
