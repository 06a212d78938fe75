// Browser journey of an information request in headless Chromium over the real app: a citizen
// applies on the portal (one mistake fixed after the error summary), the office asks for a
// correction and registers it, accepts and assigns; the department drafts, consults a third
// party and submits the reply; the office approves and delivers. After each step the citizen
// sees it on /track. scripts/test.mjs runs this file only when Chromium is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { FakeClock } from '../../src/core/time/clock.ts';
import type { FixtureUserKey } from '../factories.ts';
import { useBrowserFixture } from '../helpers/browser.ts';
import { VALID_ID, WRONG_CHECKSUM_ID } from '../requests/request-helpers.ts';

const t = useBrowserFixture();

/** Takes one action from the request page's form for `verb`. */
async function act(user: FixtureUserKey, requestId: string, verb: string, button: string, fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {}) {
  const page = await t.staff(user);
  await page.goto(`${t.base}/console/requests/${requestId}`);
  const form = page.locator(`form.action-${verb}`);
  await fill(form);
  await Promise.all([page.waitForURL((url) => url.searchParams.get('done') === verb), form.getByRole('button', { name: button }).click()]);
}

test('a citizen applies, the office and a department handle it, and the citizen follows every step on /track', async () => {
  const clock = t.services.clock as FakeClock;
  const citizen = await t.newPage();
  await citizen.goto(`${t.base}/apply`);
  await citizen.getByLabel('姓名或名称').fill('王小明');
  await citizen.getByLabel('身份证件号码（自然人填写）').fill(WRONG_CHECKSUM_ID);
  await citizen.getByLabel('联系电话').fill('13812346333');
  await citizen.getByLabel('电子邮箱').fill('wang@example.cn');
  await citizen.getByLabel('所需信息的描述').fill('请提供 2024 年沙河镇集体土地征收补偿安置方案及批复文件。');
  await citizen.getByLabel('电子邮件', { exact: true }).check();
  clock.advanceMs(5_000);
  await citizen.getByRole('button', { name: '提交申请' }).click();

  // The mistake: title, summary linking to the field, message by the field, values kept.
  assert.match(await citizen.title(), /^错误：/);
  const summaryLink = citizen.locator('.error-summary a[href="#idNumber"]');
  assert.equal(await summaryLink.count(), 1);
  await summaryLink.click();
  assert.equal(await citizen.evaluate(() => document.activeElement?.id), 'idNumber');
  assert.equal(await citizen.getByLabel('姓名或名称').inputValue(), '王小明');
  await citizen.getByLabel('身份证件号码（自然人填写）').fill(VALID_ID);
  await Promise.all([citizen.waitForURL(/\/apply\/receipt\//), citizen.getByRole('button', { name: '提交申请' }).click()]);
  const code = (await citizen.locator('.receipt-code').textContent())!.trim();
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const requestId = (await t.services.database.db.selectFrom('requests').select('id').where('trackingCode', '=', code).executeTakeFirstOrThrow()).id;

  async function track(expected: string) {
    await citizen.goto(`${t.base}/track?code=${code}`);
    await citizen.getByLabel('联系电话后四位').fill('6333');
    await citizen.getByRole('button', { name: '查询' }).click();
    const status = (await citizen.locator('.track-status').textContent())!.trim();
    assert.equal(status, expected);
  }
  await track('已收到，待形式审查');

  await act('officer', requestId, 'requestCorrection', '发出补正通知', (f) => f.getByLabel('意见或理由').fill('请写明所需文件的文号或形成时间'));
  await track('已通知补正，待申请人补正');
  await act('officer', requestId, 'receiveCorrection', '登记补正材料', (f) => f.getByLabel('收到补正材料日期').fill('2025-09-26'));
  await track('已收到，待形式审查');
  await act('officer', requestId, 'accept', '受理');
  await track('已受理');
  await act('officer', requestId, 'assign', '交办承办单位', async (f) => {
    await f.getByLabel('承办单位').selectOption(t.fx.departments.planning.id);
  });
  await track('已交办');
  await act('drafter', requestId, 'startDrafting', '开始办理');
  await track('承办单位办理中');
  await act('drafter', requestId, 'startConsultation', '征求第三方/协作机关意见', async (f) => {
    await f.getByLabel('征求意见对象').fill('某某房地产开发有限公司');
    await f.getByLabel('意见或理由').fill('涉及第三方商业信息');
  });
  await track('征求意见中（暂停计时）');
  await act('drafter', requestId, 'endConsultation', '意见征询结束', (f) => f.getByLabel('意见或理由').fill('第三方同意公开'));
  await track('承办单位办理中');
  // The reply's items are drafted on the reply page (test/requests-pages/console-reply.test.ts); here through the service.
  await t.services.requests.replies.saveDraft({ user: t.fx.users.drafter, ip: '127.0.0.1' }, requestId, { opinion: '', items: [{ description: '征收补偿安置方案', replyType: 'disclosed' }] });
  await act('drafter', requestId, 'submitReply', '提交答复稿', (f) => f.getByLabel('意见或理由').fill('拟予以公开'));
  await track('公开办审核中');
  await act('officer', requestId, 'approve', '审定答复');
  await track('答复已审定');
  await act('officer', requestId, 'deliver', '登记送达');
  await track('已送达');
  assert.ok(!(await citizen.content()).includes(VALID_ID), 'the tracking page shows no personal data');
});
