// axe-core's WCAG 2.1 AA rules over the console's main pages in headless Chromium, each seen by
// the role that works on it: home, the item list, an item's record and edit form, the request
// register, a request's record and reply form, the dashboard, the audit log (auditor) and the
// security page (security administrator). HTML validity of every console page is checked by
// test/console/console-markup.test.ts. scripts/test.mjs runs this file only when Chromium is installed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/core/audit/audit.ts';
import type { Role } from '../../src/modules/accounts/index.ts';
import { createColumn, draftInput } from '../factories.ts';
import { axeScan, useBrowserFixture } from '../helpers/browser.ts';
import { online } from '../requests/request-helpers.ts';

let draftId = '';
let requestId = '';

const t = useBrowserFixture({
  setup: async ({ services: s, fx }) => {
    for (const role of ['auditor', 'securityAdmin'] as const satisfies readonly Role[]) {
      await s.accounts.createUser(systemActor('测试'), {
        agencyId: fx.agency.id, departmentId: null, username: `a11y${role.toLowerCase()}`, displayName: role === 'auditor' ? '吴审计' : '郑安全',
        password: fx.password, roles: [role], isPrincipalLeader: false, mustChangePassword: false,
      });
    }
    const column = await createColumn(s, fx, '征地信息');
    draftId = (await s.catalog.createDraft(fx.actor('drafter'), draftInput(column.id, { title: '征地补偿标准公告' }))).id;
    // A request whose reply the planning department is drafting: the reply form has an item to show.
    ({ requestId } = await s.requests.apply(online(fx.agency.id), '203.0.113.9'));
    await s.requests.act(fx.actor('officer'), requestId, 'accept', { note: '' });
    await s.requests.act(fx.actor('officer'), requestId, 'assign', { note: '', departmentIds: [fx.departments.planning.id] });
    await s.requests.act(fx.actor('drafter'), requestId, 'startDrafting', { note: '' });
    await s.requests.replies.saveDraft(fx.actor('drafter'), requestId, {
      opinion: '', items: [{ description: '征收补偿安置方案', replyType: 'disclosed', decision: 'granted', explanation: '予以公开。' }],
    });
  },
});

/** A fresh profile signed in through the login form, able to take axe's script (bypassCSP). */
async function signIn(username: string): Promise<Page> {
  const page = await t.newPage({ bypassCSP: true });
  await page.goto(`${t.base}/console/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(t.fx.password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/console/login')), page.getByRole('button', { name: '登录' }).click()]);
  return page;
}

test('axe-core: no WCAG 2.1 AA violation on the main console pages', async () => {
  const officer = t.fx.users.officer.username;
  const pages: { user: string; path: string }[] = [
    { user: officer, path: '/console' },
    { user: officer, path: '/console/items' },
    { user: officer, path: `/console/items/${draftId}` },
    { user: t.fx.users.drafter.username, path: `/console/items/${draftId}/edit` },
    { user: officer, path: '/console/items/new' },
    { user: officer, path: '/console/requests' },
    { user: officer, path: `/console/requests/${requestId}` },
    { user: officer, path: `/console/requests/${requestId}/reply` },
    { user: officer, path: '/console/dashboard' },
    { user: 'a11yauditor', path: '/console/audit' },
    { user: 'a11ysecurityadmin', path: '/console/security' },
  ];
  const problems: string[] = [];
  const signedIn = new Map<string, Page>();
  for (const { user, path } of pages) {
    const page = signedIn.get(user) ?? (await signIn(user));
    signedIn.set(user, page);
    const response = await page.goto(`${t.base}${path}`);
    assert.equal(response?.status(), 200, `${user} ${path}`);
    assert.equal(new URL(page.url()).pathname, path, `${user} stays on ${path}`);
    const { passes, violations } = await axeScan(page);
    assert.ok(passes > 5, `axe ran its rules on ${path}`);
    for (const v of violations) problems.push(`${user} ${path} — ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`);
  }
  assert.deepEqual(problems, [], `axe violations:\n${problems.join('\n')}`);
});
