// Stored annual reports: created with a narrative pre-filled from the figures, edited, refused
// while the template is unfinished, submitted as an item of the 年报 column into review, and
// published with that item (then listed for the portal with its DOCX and PDF).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../src/core/audit/audit.ts';
import { AppError } from '../src/core/errors.ts';
import type { SessionUser, StaffActor } from '../src/modules/accounts/index.ts';
import { createColumn, createFixture, type Fixture } from './factories.ts';
import { createTestServices, type TestServices } from './helpers/test-services.ts';
import { buildApp } from '../src/app.ts';
import { form, get, loginAs } from './helpers/http.ts';

let services: TestServices;
let fx: Fixture;
let officeDrafter: StaffActor;
let officeHead: StaffActor;

async function officeUser(username: string, roles: SessionUser['roles']): Promise<StaffActor> {
  const created = await services.accounts.createUser(systemActor('测试'), {
    agencyId: fx.agency.id, departmentId: fx.departments.office.id, username, displayName: username, password: fx.password,
    roles, isPrincipalLeader: false, mustChangePassword: false,
  });
  return { user: { id: created.id, username, displayName: username, agencyId: fx.agency.id, departmentId: fx.departments.office.id, roles, isPrincipalLeader: false, mustChangePassword: false }, ip: '127.0.0.1' };
}

before(async () => {
  services = await createTestServices();
  fx = await createFixture(services);
  officeDrafter = await officeUser('reportwriter', ['drafter', 'officer']);
  officeHead = await officeUser('officehead', ['departmentHead']);
  await createColumn(services, fx, '公开年报', { code: 'gknb', departmentIds: [fx.departments.office.id] });
});
after(() => services.cleanup());

const rejects = (p: Promise<unknown>, status: number, code?: string) =>
  assert.rejects(p, (err: unknown) => err instanceof AppError && err.status === status && (!code || err.code === code));

describe('annual reports', () => {
  test('create pre-fills the narrative from the figures; only past years; leaders may view, not edit', async () => {
    const report = await services.annualReports.create(officeDrafter, 2024);
    assert.equal(report.status, 'draft');
    assert.equal(report.format, '2021');
    assert.equal(report.title, '赣州市自然资源局2024年政府信息公开工作年度报告');
    assert.match(report.narrative.overview, /全年新收政府信息公开申请0件/);
    assert.match(report.narrative.other, /未收取信息处理费/);
    assert.equal((await services.annualReports.create(officeDrafter, 2024)).id, report.id, 'one report per year');
    await rejects(services.annualReports.create(officeDrafter, 2025), 422);
    await rejects(services.annualReports.create(fx.actor('drafter'), 2023), 403);
    const seen = await services.annualReports.get(fx.actor('leader'), report.id);
    assert.equal(seen.figures.table3.length, 25);
    await rejects(services.annualReports.saveNarrative(fx.actor('leader'), report.id, report.narrative), 403);
    await rejects(services.annualReports.get(fx.otherActor('officer'), report.id), 404);
    const list = await services.annualReports.list(fx.actor('leader'));
    assert.deepEqual(list.map((l) => l.year), [2024, 2023, 2022, 2021, 2020, 2019]);
    assert.equal(list[0].report?.id, report.id);
  });

  test('manual figures are stored per cell and shown as 手工填报 in table 二; bad numbers are refused', async () => {
    const { id } = await services.annualReports.create(officeDrafter, 2024);
    await rejects(services.annualReports.saveManual(officeDrafter, id, { 'licensing.decisions': '十二' }), 422);
    await services.annualReports.saveManual(officeDrafter, id, { 'licensing.decisions': '12', 'fees.amount': '0.35' });
    const { report, figures } = await services.annualReports.get(officeDrafter, id);
    assert.equal(report.manual['licensing.decisions'], 12);
    assert.equal(report.manual['penalty.decisions'], null);
    const licensing = figures.table2.flatMap((s) => s.rows).find((r) => r.label === '行政许可')!;
    assert.deepEqual(licensing.values, [12]);
    assert.deepEqual(licensing.manual, [true]);
  });

  test('submission needs the narrative written, then goes to review in the 年报 column and publishes with the item', async () => {
    const { id } = await services.annualReports.create(officeDrafter, 2024);
    await rejects(services.annualReports.submit(officeDrafter, id), 422, 'VALIDATION_FAILED');
    await services.annualReports.saveNarrative(officeDrafter, id, {
      overview: '2024年，本机关全面推进政府信息公开工作。\n全年新收政府信息公开申请0件。',
      problems: '一是公开内容的解读还不够深入。\n下一步将加强政策解读。',
      other: '2024年，本机关未收取信息处理费。',
    });
    await rejects(services.annualReports.submit(fx.actor('officer'), id), 403);
    const submitted = await services.annualReports.submit(officeDrafter, id);
    assert.equal(submitted.status, 'inReview');
    assert.equal(submitted.itemStatus, 'departmentReview');
    const item = await services.catalog.getForStaff(officeDrafter, submitted.catalogItemId!);
    assert.equal(item.columnName, '公开年报');
    assert.equal(item.title, '赣州市自然资源局2024年政府信息公开工作年度报告');
    assert.match(item.bodyHtml, /<th scope="rowgroup" rowspan="22">三、本年度办理结果<\/th>/);
    assert.deepEqual(item.attachments.map((a) => a.filename).sort(), ['赣州市自然资源局2024年政府信息公开工作年度报告.docx', '赣州市自然资源局2024年政府信息公开工作年度报告.pdf']);
    await rejects(services.annualReports.saveNarrative(officeDrafter, id, submitted.narrative), 409, 'REPORT_NOT_DRAFT');
    assert.deepEqual(await services.annualReports.publishedReports(fx.agency.id), []);

    const itemId = submitted.catalogItemId!;
    await services.review.act(officeHead, itemId, 'approve', { opinion: '同意', basis: '' });
    await services.review.act(fx.actor('confidentialityReviewer'), itemId, 'approve', { opinion: '同意', basis: '' });
    await services.review.act(fx.actor('leader'), itemId, 'approve', { opinion: '同意', basis: '' });
    await services.review.act(fx.actor('officer'), itemId, 'publish', { opinion: '', basis: '' });

    const { report, figures } = await services.annualReports.get(fx.actor('leader'), id);
    assert.equal(report.status, 'published');
    assert.equal(figures.year, 2024, 'the snapshot taken at submission');
    const published = await services.annualReports.publishedReports(fx.agency.id);
    assert.equal(published.length, 1);
    assert.equal(published[0].year, 2024);
    assert.equal(published[0].itemId, itemId);
    assert.ok(published[0].docxAttachmentId && published[0].pdfAttachmentId);
  });
});

describe('annual report pages', () => {
  test('console list, report page with checks, preview and downloads; portal /reports lists the published report', async () => {
    const app = await buildApp(services);
    try {
      const session = await loginAs(app, 'reportwriter', fx.password);
      const list = await get(app, '/console/reports', session);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /2024年/);
      assert.match(list.body, /已发布/);
      const created = await form(app, '/console/reports', { year: '2023' }, session);
      assert.equal(created.statusCode, 303);
      const page = await get(app, created.headers.location as string, session);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /三项校验.*均已通过/);
      assert.match(page.body, /手工填报/);
      assert.match(page.body, /<th scope="colgroup" colspan="5">法人或其他组织<\/th>/);
      const bad = await form(app, `${created.headers.location as string}/manual`, { 'licensing.decisions': 'abc' }, session);
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /<title>错误：/);
      const docx = await get(app, `${created.headers.location as string}/download.docx`, session);
      assert.equal(docx.statusCode, 200);
      assert.match(String(docx.headers['content-type']), /wordprocessingml/);
      assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');

      const portal = await app.inject({ method: 'GET', url: `/reports?agency=${fx.agency.code}` });
      assert.equal(portal.statusCode, 200);
      const [published] = await services.annualReports.publishedReports(fx.agency.id);
      assert.match(portal.body, new RegExp(`href="/items/${published.itemId}"`));
      assert.match(portal.body, new RegExp(`href="/attachments/${published.pdfAttachmentId}"`));
      assert.match(portal.body, /赣州市自然资源局2024年政府信息公开工作年度报告/);
      const pdf = await app.inject({ method: 'GET', url: `/attachments/${published.pdfAttachmentId}` });
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    } finally {
      await app.close();
    }
  });
});
