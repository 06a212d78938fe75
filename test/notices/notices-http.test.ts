// Console pages for notices: the template list and remedy settings, editing a template with its
// placeholder check and preview, and downloading an issued notice (staff of its agency only).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../../src/core/audit/audit.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { form, get } from '../helpers/http.ts';
import { pdfText } from '../helpers/documents.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('console notices', () => {
  const t = useHttpFixture({ sessions: ['officer'], clock: new FakeClock('2026-11-22T02:00:00Z') });

  test('the officer sees every template and the remedy sentence, and can set the court', async () => {
    const page = await get(t.app, '/console/notices/templates', t.as.officer);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /答复书（部分公开）/);
    assert.match(page.body, /征求第三方意见函/);
    assert.match(page.body, /向赣州市人民政府申请行政复议/);
    const saved = await form(t.app, '/console/notices/remedy', { reconsiderationBody: '', litigationCourt: '赣州市章贡区人民法院' }, t.as.officer);
    assert.equal(saved.statusCode, 303);
    const after = await get(t.app, '/console/notices/templates?saved=1', t.as.officer);
    assert.match(after.body, /在6个月内向赣州市章贡区人民法院提起行政诉讼/);
  });

  test('editing a template: an unknown placeholder is shown next to the field, a valid one is saved and previewed', async () => {
    const url = '/console/notices/templates/extension';
    const edit = await get(t.app, url, t.as.officer);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /\{extensionReason\}/);
    assert.match(edit.body, /预览（示例内容，不占用文号）/);
    const bad = await form(t.app, url, { action: 'save', title: '延期告知书', body: '因{reason}延期。' }, t.as.officer);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /不认识的占位符：\{reason\}/);
    assert.match(bad.body, /因\{reason\}延期。/, 'what was typed is kept');
    const preview = await form(t.app, url, { action: 'preview', title: '延期告知书', body: '因{extensionReason}，答复期限延长至{replyDueOn}。' }, t.as.officer);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /因所申请信息涉及多个部门，需要进一步调查核实，答复期限延长至2026年11月30日。/);
    const ok = await form(t.app, url, { action: 'save', title: '延期告知书', body: '因{extensionReason}，答复期限延长至{replyDueOn}。' }, t.as.officer);
    assert.equal(ok.statusCode, 303);
    const pdf = await get(t.app, `${url}/preview.pdf`, t.as.officer);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(pdfText(pdf.rawPayload).replace(/\s+/g, ''), /延期告知书/);
  });

  test('a drafter may read templates but not change them', async () => {
    const drafter = await t.signIn('drafter');
    const page = await get(t.app, '/console/notices/templates/receipt', drafter);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /name="action" value="save"/);
    assert.match(page.body, /预览（示例内容，不占用文号）/);
    const post = await form(t.app, '/console/notices/templates/receipt', { action: 'save', title: '回执', body: '{trackingCode}' }, drafter);
    assert.equal(post.statusCode, 403);
    assert.equal((await get(t.app, '/console/notices/templates/nonsense', t.as.officer)).statusCode, 404);
  });

  test('an issued notice downloads as PDF and DOCX for its agency only', async () => {
    const n = await t.services.database.db.transaction().execute((trx) => t.services.notices.issue(trx, systemActor('测试'), {
      agencyId: t.fx.agency.id, requestId: null, kind: 'receipt', recipient: '张三',
      values: { applicantName: '张三', trackingCode: 'GK2026-0009', receivedOn: '2026-11-20', infoDescription: '征收补偿方案', replyDueOn: '2026-12-18' },
    }));
    const pdf = await get(t.app, `/console/notices/${n.id}.pdf`, t.as.officer);
    assert.equal(pdf.statusCode, 200);
    assert.match(String(pdf.headers['content-disposition']), /filename\*=UTF-8''/);
    assert.ok(pdfText(pdf.rawPayload).replace(/\s+/g, '').includes(n.number));
    const docx = await get(t.app, `/console/notices/${n.id}.docx`, t.as.officer);
    assert.equal(docx.statusCode, 200);
    assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
    const stranger = await t.signInOther('officer');
    assert.equal((await get(t.app, `/console/notices/${n.id}.pdf`, stranger)).statusCode, 404);
  });
});
