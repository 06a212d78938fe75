// Browser journey of a partly granted reply (issue 5 "Done when", 条例 第三十六、三十七条) in
// headless Chromium over the real app: a citizen applies on /apply for online download; the office
// accepts and assigns; the department drafts a reply with two items (one granted, one partly
// granted) on the reply page, uploads a PDF carrying a person's name and ID number, redacts the ID
// number on the file's redaction page and submits; the office approves and delivers; the citizen
// opens /track and downloads the notice PDF and the redacted PDF. pdftotext then shows the notice
// number and the remedy sentence in the notice, and no ID number in the redacted file.
// scripts/test.mjs runs this file only when Chromium is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Download, Page } from 'playwright-core';
import { cjkFont } from '../../src/core/documents/fonts.ts';
import type { FakeClock } from '../../src/core/time/clock.ts';
import { useBrowserFixture } from '../helpers/browser.ts';
import { pdfText as pdftotext } from '../helpers/documents.ts';
import { ID_NUMBER, NAME, NOTICE_LINES } from '../privacy/redaction.fixtures.ts';
import { VALID_ID } from '../requests/request-helpers.ts';

const t = useBrowserFixture();

/** Submits the form `form.<cls>` on `url` and waits for the redirect that carries `done=<done>`. */
async function submit(page: Page, url: string, cls: string, button: string, done: string, fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {}) {
  await page.goto(url);
  const form = page.locator(`form.${cls}`);
  await fill(form);
  await Promise.all([page.waitForURL((u) => u.searchParams.get('done') === done), form.getByRole('button', { name: button }).click()]);
}

/** The text of a downloaded PDF as pdftotext reads it, whitespace removed (lines wrap anywhere). */
async function pdfText(download: Download): Promise<string> {
  const path = await download.path();
  return pdftotext(fs.readFileSync(path)).replace(/\s+/g, '');
}

/**
 * The uploaded information: a PDF with the CJK font embedded (as office software writes it), so
 * pdftotext reads it without poppler's Adobe-GB1 language pack.
 */
function embeddedFontPdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const font = cjkFont('serif');
  doc.registerFont('body', font.path, font.face);
  doc.font('body').fontSize(14);
  for (const line of lines) doc.text(line);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.end();
  return done;
}

test('a partly granted reply with a redacted PDF reaches the applicant on /track', async () => {
  const clock = t.services.clock as FakeClock;
  const citizen = await t.newPage();
  await citizen.goto(`${t.base}/apply`);
  await citizen.getByLabel('姓名或名称').fill('李华');
  await citizen.getByLabel('身份证件号码（自然人填写）').fill(VALID_ID);
  await citizen.getByLabel('联系电话').fill('13812347788');
  await citizen.getByLabel('所需信息的描述').fill('请提供沙河镇征收补偿安置方案及补偿登记结果。');
  await citizen.getByLabel('网上下载', { exact: true }).check();
  clock.advanceMs(5_000);
  await Promise.all([citizen.waitForURL(/\/apply\/receipt\//), citizen.getByRole('button', { name: '提交申请' }).click()]);
  const code = (await citizen.locator('.receipt-code').textContent())!.trim();
  const requestId = (await t.services.database.db.selectFrom('requests').select('id').where('trackingCode', '=', code).executeTakeFirstOrThrow()).id;
  const record = `${t.base}/console/requests/${requestId}`;

  const officer = await t.staff('officer');
  await submit(officer, record, 'action-accept', '受理', 'accept');
  await submit(officer, record, 'action-assign', '交办承办单位', 'assign', (f) => f.getByLabel('承办单位').selectOption(t.fx.departments.planning.id).then(() => undefined));

  // The department drafts two items on the reply page, without JavaScript: "增加一项" adds a row.
  const drafter = await t.staff('drafter');
  await submit(drafter, record, 'action-startDrafting', '开始办理', 'startDrafting');
  await drafter.goto(`${record}/reply`);
  await drafter.locator('[name="items.0.description"]').fill('沙河镇征收补偿安置方案');
  await drafter.locator('[name="items.0.replyType"]').selectOption('disclosed');
  await drafter.locator('[name="items.0.decision"]').selectOption('granted');
  await drafter.locator('[name="items.0.explanation"]').fill('予以公开。');
  await drafter.getByRole('button', { name: '增加一项' }).click();
  await drafter.locator('[name="items.1.description"]').fill('沙河镇征收补偿登记结果');
  await drafter.locator('[name="items.1.replyType"]').selectOption('disclosed');
  await drafter.locator('[name="items.1.decision"]').selectOption('partlyGranted');
  await drafter.locator('[name="items.1.explanation"]').fill('涉及他人个人信息的部分不予公开（第十五条、第三十七条）。');
  await Promise.all([drafter.waitForURL((u) => u.searchParams.get('done') === 'saved'), drafter.getByRole('button', { name: '保存答复稿' }).click()]);
  assert.match((await drafter.locator('#reported-title + p').textContent())!, /部分公开/);

  // The file of the partly granted item: upload, then redact the ID number on its redaction page.
  const original = await embeddedFontPdf(NOTICE_LINES);
  assert.ok(pdftotext(original).replace(/\s+/g, '').includes(ID_NUMBER), 'pdftotext reads the ID number in the original');
  await drafter.goto(`${record}/files`);
  await drafter.getByLabel('文件', { exact: true }).setInputFiles({ name: '补偿登记结果.pdf', mimeType: 'application/pdf', buffer: original });
  await drafter.getByLabel('所属信息').selectOption({ label: '2. 沙河镇征收补偿登记结果（部分公开）' });
  await Promise.all([drafter.waitForURL((u) => u.searchParams.get('done') === 'uploaded'), drafter.getByRole('button', { name: '上传' }).click()]);
  assert.match((await drafter.locator('table.reply-files').textContent())!, /须作区分处理/);
  await drafter.getByRole('link', { name: '补偿登记结果.pdf' }).first().click();
  const idFinding = drafter.getByLabel(/^身份证号码：/);
  assert.ok(!(await idFinding.evaluate((el) => el.parentElement!.textContent ?? '')).includes(ID_NUMBER), 'the finding is shown masked');
  await idFinding.check();
  await drafter.getByLabel('删除的法定理由', { exact: true }).selectOption('thirdPartyRights');
  await Promise.all([drafter.waitForURL((u) => u.searchParams.get('done') === 'redacted'), drafter.getByRole('button', { name: '删除所选内容并生成副本' }).click()]);
  assert.equal(await drafter.locator('img[alt="第 1 页处理后的副本"]').evaluate((img) => (img as HTMLImageElement).naturalWidth > 0), true, 'the redacted page preview loads');

  await submit(drafter, `${record}/reply`, 'action-submitReply', '提交答复稿', 'submitReply', (f) => f.getByLabel('意见或理由').fill('拟部分公开，登记结果中的身份证号码已删除。'));
  await submit(officer, `${record}/reply`, 'action-approve', '审定答复', 'approve');
  const noticeNumber = (await t.services.requests.replies.get(t.fx.actor('officer'), requestId)).noticeNumber;
  assert.match(noticeNumber, /公开〔\d{4}〕\d+号/);
  await submit(officer, record, 'action-deliver', '登记送达', 'deliver');
  assert.match((await officer.locator('#delivery-title + p').textContent())!, /发布，请在本页下载/);

  // The citizen downloads the notice and the redacted file from /track.
  await citizen.goto(`${t.base}/track?code=${code}`);
  await citizen.getByLabel('联系电话后四位').fill('7788');
  await citizen.getByRole('button', { name: '查询' }).click();
  const downloads = citizen.locator('.track-downloads');
  assert.match((await downloads.textContent())!, /已作区分处理/);
  const [noticeDownload] = await Promise.all([citizen.waitForEvent('download'), downloads.locator('ul.download-list').first().getByRole('link', { name: '下载 PDF' }).first().click()]);
  const notice = await pdfText(noticeDownload);
  assert.ok(notice.includes(noticeNumber), 'the notice carries its number');
  assert.match(notice, /收到本答复之日起60日内向.+申请行政复议，或者在6个月内向.+提起行政诉讼/);
  const [fileDownload] = await Promise.all([citizen.waitForEvent('download'), downloads.getByRole('link', { name: '补偿登记结果.pdf' }).click()]);
  const file = await pdfText(fileDownload);
  assert.ok(file.includes(NAME), 'the downloaded file is the information provided');
  assert.ok(!file.includes(ID_NUMBER), 'the ID number is not in the redacted file');
  assert.ok(!(await citizen.content()).includes(ID_NUMBER), 'the tracking page shows no ID number');
});
