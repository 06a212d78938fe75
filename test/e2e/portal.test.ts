// Issue 7 "done when", in headless Chromium over the real app:
// 1. axe-core finds no WCAG 2.1 AA violation on any public page type, in the normal,
//    elder-friendly (适老化) and 繁體 modes;
// 2. the HTML of every page type in every mode passes the Nu HTML Checker (vnu-jar, one run);
// 3. every public journey works with JavaScript off: browse, search, read, switch 繁體 and
//    elder mode, apply, track.
// To cover a new public page type, add it to PAGE_TYPES. scripts/test.mjs runs this file only
// when Chromium is installed.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { systemActor } from '../../src/core/audit/audit.ts';
import type { FakeClock } from '../../src/core/time/clock.ts';
import { axeScan, useBrowserFixture } from '../helpers/browser.ts';
import { VALID_ID } from '../requests/request-helpers.ts';

const require = createRequire(import.meta.url);
const VNU_JAR = require.resolve('vnu-jar/build/dist/vnu.jar');

interface PageType {
  name: string;
  path: () => string;
  /** Pages other work adds later: checked when the route exists, reported when it does not. */
  optional?: boolean;
}

let columnId = '';
let itemId = '';

const PAGE_TYPES: PageType[] = [
  { name: 'home', path: () => '/' },
  { name: 'catalog', path: () => '/catalog' },
  { name: 'column', path: () => `/columns/${columnId}` },
  { name: 'item', path: () => `/items/${itemId}` },
  { name: 'print', path: () => `/items/${itemId}/print` },
  { name: 'search', path: () => `/search?q=${encodeURIComponent('征收')}` },
  { name: 'guide', path: () => '/guide' },
  { name: 'reports', path: () => '/reports', optional: true },
  { name: 'apply', path: () => '/apply' },
  { name: 'track', path: () => '/track' },
  { name: 'consultation', path: () => '/interact/consult/new' },
  { name: 'answers', path: () => '/interact/answers' },
  { name: 'not found', path: () => '/no-such-page' },
];

const MODES = [
  { name: 'normal', cookie: null },
  { name: 'elder', cookie: 'elder.l.zh-Hans' },
  { name: '繁體', cookie: 'standard.m.zh-Hant' },
] as const;

const t = useBrowserFixture({
  setup: async ({ services, fx }) => {
    const column = await services.catalog.createColumn(fx.actor('officer'), {
      parentId: null, code: 'zdxx', name: '征地信息', description: '土地征收信息', sortOrder: 10, updateIntervalDays: null, departmentIds: [fx.departments.planning.id],
    });
    columnId = column.id;
    const item = await services.catalog.importPublished(systemActor('测试'), fx.agency.id, {
      columnId, departmentId: fx.departments.planning.id, title: '示例村征收土地预公告', docNumber: '示自然资征预〔2025〕1号',
      writtenOn: '2025-09-01', publishedOn: '2025-09-03', summary: '拟征收示例村集体土地。',
      bodyHtml: '<p>因城镇建设需要，拟征收示例村集体土地约 3.2 公顷。</p><table><caption>拟征收土地</caption><thead><tr><th scope="col">村组</th><th scope="col">面积（公顷）</th></tr></thead><tbody><tr><td>第一村民小组</td><td>3.2</td></tr></tbody></table>',
    });
    itemId = item.id;
  },
});

async function newContext(opts: { prefs?: string | null; javaScript?: boolean; bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  const context = await t.newContext({ locale: 'zh-CN', javaScriptEnabled: opts.javaScript ?? true, bypassCSP: opts.bypassCSP ?? false });
  if (opts.prefs) await context.addCookies([{ name: 'gk_prefs', value: opts.prefs, url: t.base }]);
  return context;
}

/** The page types present in this build (optional ones only when their route answers). */
async function presentPageTypes(): Promise<PageType[]> {
  const present: PageType[] = [];
  for (const type of PAGE_TYPES) {
    if (!type.optional) present.push(type);
    else if ((await fetch(`${t.base}${type.path()}`)).status === 200) present.push(type);
    else console.log(`# page type "${type.name}" (${type.path()}) is not served yet: not checked`);
  }
  return present;
}

const expectedStatus = (type: PageType) => (type.name === 'not found' ? 404 : 200);

describe('public pages: accessibility and valid HTML in every mode', () => {
  test('axe-core: no WCAG 2.1 AA violation on any page type in normal, elder and 繁體 modes', async () => {
    const types = await presentPageTypes();
    const problems: string[] = [];
    for (const mode of MODES) {
      const page = await (await newContext({ prefs: mode.cookie, bypassCSP: true })).newPage();
      for (const type of types) {
        const where = `${mode.name} ${type.path()}`;
        const response = await page.goto(`${t.base}${type.path()}`);
        assert.equal(response?.status(), expectedStatus(type), where);
        const lang = await page.evaluate(() => document.documentElement.lang);
        assert.equal(lang, mode.name === '繁體' ? 'zh-Hant' : 'zh-CN', where);
        const { passes, violations } = await axeScan(page);
        assert.ok(passes > 5, `axe ran its rules on ${where}`);
        for (const v of violations) problems.push(`${where} — ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
      }
    }
    assert.deepEqual(problems, [], `axe violations:\n${problems.join('\n')}`);
  });

  test('the Nu HTML Checker finds no error in any page type in any mode', async () => {
    const types = await presentPageTypes();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-vnu-'));
    try {
      const files: string[] = [];
      for (const mode of MODES) {
        for (const [i, type] of types.entries()) {
          const res = await fetch(`${t.base}${type.path()}`, { headers: mode.cookie ? { cookie: `gk_prefs=${mode.cookie}` } : {} });
          assert.equal(res.status, expectedStatus(type), `${mode.name} ${type.path()}`);
          const file = path.join(dir, `${MODES.indexOf(mode)}-${i}-${type.name.replace(/\W+/g, '_')}.html`);
          fs.writeFileSync(file, await res.text());
          files.push(file);
        }
      }
      // One JVM for every file: vnu is slow to start.
      const run = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--errors-only', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      assert.equal(run.error, undefined, 'java runs (install default-jre-headless)');
      const report = JSON.parse(run.stderr || '{"messages":[]}') as { messages: { type: string; url: string; message: string; extract?: string }[] };
      const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
      assert.deepEqual(errors.map((m) => `${path.basename(m.url)}: ${m.message} ${m.extract ?? ''}`), []);
      assert.equal(run.status, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('every public journey works with JavaScript off', () => {
  let page: Page;

  before(async () => {
    page = await (await newContext({ javaScript: false })).newPage();
  });

  test('browse the catalog, read an item, open its print view', async () => {
    await page.goto(`${t.base}/`);
    await Promise.all([page.waitForURL(/\/catalog$/), page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '信息公开目录' }).click()]);
    await Promise.all([page.waitForURL(/\/columns\//), page.getByRole('main').getByRole('link', { name: '征地信息' }).click()]);
    await Promise.all([page.waitForURL(/\/items\//), page.getByRole('link', { name: '示例村征收土地预公告' }).click()]);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '示例村征收土地预公告');
    await Promise.all([page.waitForURL(/\/print$/), page.getByRole('link', { name: '【打印】' }).click()]);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '示例村征收土地预公告');
  });

  test('search from the header box', async () => {
    await page.goto(`${t.base}/catalog`);
    await page.getByRole('searchbox', { name: '站内搜索' }).fill('征收');
    await Promise.all([page.waitForURL(/\/search\?/), page.getByRole('button', { name: '搜索' }).click()]);
    assert.equal(await page.getByRole('link', { name: '示例村征收土地预公告' }).count(), 1);
  });

  /** Follows a toolbar link: /prefs answers with a redirect back to the same page. */
  async function follow(name: string, scope: Page | ReturnType<Page['getByRole']> = page) {
    await Promise.all([page.waitForEvent('framenavigated'), scope.getByRole('link', { name, exact: true }).click()]);
    await page.waitForLoadState();
  }
  const htmlLang = () => page.evaluate(() => document.documentElement.lang);
  const htmlClass = () => page.evaluate(() => document.documentElement.className);

  test('switch to 繁體, elder mode and a large font, and back: the choice persists', async () => {
    await page.goto(`${t.base}/items/${itemId}`);
    await follow('繁體版');
    assert.equal(await htmlLang(), 'zh-Hant');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '示例村徵收土地預公告');
    await page.goto(`${t.base}/guide`);
    assert.equal(await htmlLang(), 'zh-Hant', 'persists on the next page');
    await follow('長者模式');
    assert.match(await htmlClass(), /\belder\b/);
    await follow('大號字體', page.getByRole('navigation', { name: '輔助工具' }));
    assert.match(await htmlClass(), /\bfont-l\b/);
    await follow('簡體版');
    assert.equal(await htmlLang(), 'zh-CN');
    await follow('退出长者模式');
    assert.doesNotMatch(await htmlClass(), /\belder\b/);
    await follow('中号字体', page.getByRole('navigation', { name: '辅助工具' }));
    assert.equal(await htmlClass(), '');
  });

  test('apply online, then track the request', async () => {
    await page.goto(`${t.base}/apply`);
    await page.getByLabel('姓名或名称').fill('王小明');
    await page.getByLabel('身份证件号码（自然人填写）').fill(VALID_ID);
    await page.getByLabel('联系电话').fill('13812346333');
    await page.getByLabel('电子邮箱').fill('wang@example.cn');
    await page.getByLabel('所需信息的描述').fill('请提供 2024 年沙河镇集体土地征收补偿安置方案及批复文件。');
    await page.getByLabel('电子邮件', { exact: true }).check();
    (t.services.clock as FakeClock).advanceMs(5_000);
    await Promise.all([page.waitForURL(/\/apply\/receipt\//), page.getByRole('button', { name: '提交申请' }).click()]);
    const code = (await page.locator('.receipt-code').textContent())!.trim();
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.goto(`${t.base}/track?code=${code}`);
    await page.getByLabel('联系电话后四位').fill('6333');
    await page.getByRole('button', { name: '查询' }).click();
    assert.equal((await page.locator('.track-status').textContent())!.trim(), '已收到，待形式审查');
  });
});
