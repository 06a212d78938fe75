// Browser journey for privacy (条例 第十五条, 第三十七条): an item carrying a person's name and ID
// number in its body and in its PDF attachment is submitted; the confidentiality reviewer sees
// the findings, masks them, redacts the PDF's finding areas in the console (page images, 应用删除),
// approves; after publication the public page and the downloaded PDF carry only masked values
// (the PDF's text layer no longer holds the originals at all).
// scripts/test.mjs runs this file only when Chromium is installed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { extractPdfText } from '../../src/modules/catalog/index.ts';
import { advanceTo, createColumn, draftInput } from '../factories.ts';
import { useBrowserFixture } from '../helpers/browser.ts';
import { chinesePdf, ID_NUMBER, MOBILE, NAME, NOTICE_LINES } from '../privacy/redaction.fixtures.ts';

let itemId: string;
let attachmentId: string;

const t = useBrowserFixture({
  setup: async ({ services, fx }) => {
    const column = await createColumn(services, fx, '征地信息');
    const draft = await services.catalog.createDraft(fx.actor('drafter'), draftInput(column.id, {
      title: '东风村征地补偿登记结果公告（隐私浏览器测试）',
      bodyHtml: `<p>被征收人：${NAME}，身份证号：${ID_NUMBER}。</p><p>补偿金额按区片综合地价执行。</p>`,
    }));
    itemId = draft.id;
    attachmentId = (await services.catalog.addAttachment(fx.actor('drafter'), itemId, { filename: '补偿登记表.pdf', bytes: await chinesePdf([NOTICE_LINES]) })).id;
    await advanceTo(services, fx, itemId, 'confidentialityReview');
  },
});

const imageLoaded = (page: Page, alt: string) =>
  page.getByAltText(alt).evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);

describe('privacy journey in the browser', () => {
  test('the reviewer masks and redacts; the public page and the downloaded PDF carry only masked values', async () => {
    const reviewer = await t.signIn('confidentialityReviewer');
    await reviewer.goto(`${t.base}/console/items/${itemId}`);
    await Promise.all([reviewer.waitForURL(/\/redact$/), reviewer.getByRole('link', { name: '删除处理' }).first().click()]);

    // The findings of the attachment are shown masked, never in clear.
    const findings = reviewer.locator('form[action$="/redact/accept"]').first();
    await assert.doesNotReject(findings.getByText('3204**********6334').waitFor());
    assert.ok(!(await findings.innerText()).includes(ID_NUMBER));
    assert.equal(await imageLoaded(reviewer, '第 1 页原件（红色为标注删除的区域）'), true);

    await findings.getByLabel('删除理由').selectOption('thirdPartyRights');
    await Promise.all([reviewer.waitForURL((u) => u.searchParams.get('done') === 'marked'), findings.getByRole('button', { name: '标为删除区域' }).click()]);
    const rows = reviewer.locator('#areas-title + table tbody tr');
    assert.ok((await rows.count()) >= 3, 'name, ID number and phone areas are listed');
    assert.ok(await reviewer.getByRole('cell', { name: '3204**********6334' }).isVisible());

    await Promise.all([reviewer.waitForURL((u) => u.searchParams.get('done') === 'applied'), reviewer.getByRole('button', { name: '应用删除' }).click()]);
    await reviewer.getByAltText('第 1 页删除后的副本').waitFor();
    assert.equal(await imageLoaded(reviewer, '第 1 页删除后的副本'), true);

    // The reviewer masks every finding (body and attachment) with the record page's buttons.
    await reviewer.goto(`${t.base}/console/items/${itemId}`);
    for (let i = 0; i < 30; i++) {
      const mask = reviewer.getByRole('button', { name: /^遮盖为/ }).first();
      if ((await mask.count()) === 0) break;
      await Promise.all([reviewer.waitForURL((u) => u.searchParams.get('done') === 'finding'), mask.click()]);
    }
    assert.equal(await reviewer.getByRole('button', { name: /^遮盖为/ }).count(), 0, 'every finding decided');
    const decided = await t.services.privacy.findingsOf(t.fx.actor('confidentialityReviewer'), itemId);
    assert.ok(decided.length > 0 && decided.every((f) => f.decision === 'masked'));

    await reviewer.goto(`${t.base}/console/items/${itemId}`);
    const approve = reviewer.locator('form.action-approve');
    await approve.getByLabel('意见').fill('个人信息已遮盖，附件已删除处理，同意公开。');
    await Promise.all([reviewer.waitForURL((u) => u.searchParams.get('done') === 'approve'), approve.getByRole('button', { name: '审核通过' }).click()]);

    // The printable log lists the areas with masked previews and the legal ground.
    await reviewer.goto(`${t.base}/console/items/${itemId}/redactions`);
    const log = await reviewer.locator('main').innerText();
    assert.ok(log.includes('3204**********6334') && log.includes('保护第三方合法权益') && !log.includes(ID_NUMBER), log);
    await reviewer.context().close();

    await advanceTo(t.services, t.fx, itemId, 'published');
    const visitor = await t.newPage();
    await visitor.goto(`${t.base}/items/${itemId}`);
    const publicText = await visitor.locator('main').innerText();
    assert.ok(!publicText.includes(NAME) && !publicText.includes(ID_NUMBER), publicText);
    assert.ok(publicText.includes('3204**********6334'), publicText);
    const href = await visitor.getByRole('link', { name: /补偿登记表/ }).getAttribute('href');
    assert.ok(href);
    const download = await fetch(new URL(href, t.base));
    assert.equal(download.status, 200);
    const pdfText = await extractPdfText(Buffer.from(await download.arrayBuffer()));
    for (const removed of [NAME, ID_NUMBER, MOBILE]) assert.ok(!pdfText.includes(removed), pdfText);
    assert.ok(pdfText.includes('补偿金额按区片综合地价执行'), pdfText);
    await visitor.context().close();
    assert.ok(attachmentId);
  });
});
