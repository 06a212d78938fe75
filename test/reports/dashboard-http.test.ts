// The console pages over HTTP: the dashboard shows its figures, a chart image (SVG) and the same
// numbers in a table; the assessment page, its XLSX and the rule form; the freshness page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createColumn } from '../factories.ts';
import { form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { insertItem, insertRequest } from './report-data.ts';

describe('dashboard, assessment and freshness pages', () => {
  const t = useHttpFixture({
    sessions: ['officer', 'drafter'],
    setup: async ({ services, fx }) => {
      const { planning } = fx.departments;
      await insertRequest(services, fx.agency.id, { status: 'drafting', receivedOn: '2025-09-02', replyDueOn: '2025-09-25', leadDepartmentId: planning.id });
      await insertRequest(services, fx.agency.id, { status: 'drafting', receivedOn: '2025-09-03', replyDueOn: '2025-09-26', leadDepartmentId: planning.id });
      await insertRequest(services, fx.agency.id, { status: 'assigned', receivedOn: '2025-08-03', replyDueOn: '2025-10-20', leadDepartmentId: planning.id });
      const column = await createColumn(services, fx, '工作动态', { updateIntervalDays: 14 });
      await insertItem(services, fx.agency.id, column.id, planning.id, { status: 'published', publishedOn: '2025-09-01', publishDueOn: '2025-08-25' });
    },
  });

  test('the dashboard has the figures, an SVG chart image and its numbers in a table', async () => {
    const res = await get(t.app, '/console/dashboard', t.as.officer);
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<dd id="fig-open">3<\/dd>/);
    assert.match(html, /<dd id="fig-due-week">1<\/dd>/);
    assert.match(html, /<dd id="fig-overdue">1<\/dd>/);
    const img = /<img class="chart-image" src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html);
    assert.ok(img, 'a chart image');
    assert.match(Buffer.from(img[1], 'base64').toString('utf8'), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const table = /<table class="table chart-table" id="chart-departments-table">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    assert.match(table, /<caption[^>]*>各承办单位办理中的申请<\/caption>/);
    assert.match(table, /<th scope="row">国土空间规划科<\/th><td class="num">3<\/td><td class="num">1<\/td><td class="num">1<\/td>/);
    const monthly = /id="chart-monthly-table">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    assert.match(monthly, /<th scope="row">2025-09<\/th><td class="num">2<\/td><td class="num">0<\/td><td class="num">1<\/td>/);
    assert.doesNotMatch(html, /<svg/, 'no inline SVG (its style attributes would break the CSP)');
    assert.equal((await get(t.app, '/console/dashboard', t.as.drafter)).statusCode, 403);
    assert.match((await get(t.app, '/console', t.as.officer)).body, /href="\/console\/dashboard"/);
  });

  test('the assessment page, its XLSX and the rule form (saved, audited; errors shown by the field)', async () => {
    const page = await get(t.app, '/console/assessment?period=2025-09', t.as.officer);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<th scope="row">国土空间规划科<\/th><td class="num">1<\/td><td class="num">1<\/td>/);
    const xlsx = await get(t.app, '/console/assessment.xlsx?period=2025-09', t.as.officer);
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('考核')!.getSheetValues().filter(Boolean).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    assert.deepEqual(rows.find((r) => r[0] === '国土空间规划科')?.slice(0, 3), ['国土空间规划科', 1, 1]);
    const fields = { period: '2025-09', baseScore: '100', perLateItem: '3', perLateReply: '5', perIgnoredReminder: '1', perTenPercentSentBack: '1', perTenPercentReturned: '1' };
    const bad = await form(t.app, '/console/assessment/rule', { ...fields, perLateItem: 'abc' }, t.as.officer);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /<title>错误：/);
    const ok = await form(t.app, '/console/assessment/rule', fields, t.as.officer);
    assert.equal(ok.statusCode, 303);
    const after = await get(t.app, '/console/assessment?period=2025-09', t.as.officer);
    assert.match(after.body, /<td class="num">3<\/td><td class="num"><strong>97<\/strong><\/td>/);
  });

  test('the freshness page lists the due-soon column with its department and the inspection table', async () => {
    const res = await get(t.app, '/console/freshness', t.as.drafter);
    assert.equal(res.statusCode, 200);
    const attention = /id="attention-table">([\s\S]*?)<\/table>/.exec(res.body)?.[1] ?? '';
    assert.match(attention, /工作动态[\s\S]*已超期未更新[\s\S]*国土空间规划科/);
    assert.match(res.body, /id="inspection-table"/);
  });
});
