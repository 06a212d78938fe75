// Console requests pages over HTTP: the register (filters, export), officer entry with channel
// and receipt date, the record page (masked ID, audited reveal, only the permitted actions) and
// every action form from receipt to closing, plus extension, split and merge.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { form, get, type TestSession } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { VALID_ID, online } from '../requests/request-helpers.ts';

const XSS = '<script>alert(1)</script>';

describe('console requests pages', () => {
  const t = useHttpFixture({ sessions: ['officer', 'drafter'] });

  const apply = (extra = {}) => t.services.requests.apply(online(t.fx.agency.id, extra), '127.0.0.1');

  async function act(session: TestSession, id: string, verb: string, fields: Record<string, string | string[]> = {}) {
    const suffixed = Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${k}-${verb}`, v]));
    const res = await form(t.app, `/console/requests/${id}/act`, { verb, ...suffixed }, session);
    assert.equal(res.statusCode, 303, `${verb}: ${res.body.match(/class="error-summary"[\s\S]{0,400}/)?.[0] ?? res.body.slice(0, 300)}`);
    assert.equal(res.headers.location, `/console/requests/${id}?done=${verb}`);
  }

  test('the register lists, filters and exports with masked personal data', async () => {
    const r = await apply({ applicantName: `王${XSS}`, infoDescription: `请提供征地补偿安置方案 ${XSS}` });
    const list = await get(t.app, '/console/requests?status=open', t.as.officer);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(r.trackingCode));
    assert.ok(!list.body.includes(XSS), 'escaped in the list');
    const record = await get(t.app, `/console/requests/${r.requestId}`, t.as.officer);
    assert.ok(!record.body.includes(XSS) && record.body.includes('&lt;script'), 'escaped on the record page');
    assert.ok(list.body.includes('按期') || list.body.includes('即将到期'));
    const none = await get(t.app, '/console/requests?status=overdue', t.as.officer);
    assert.ok(!none.body.includes(r.trackingCode));
    const csv = await get(t.app, '/console/requests/export.csv?status=open', t.as.officer);
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.body.startsWith('\uFEFF查询码'));
    assert.ok(csv.body.includes(r.trackingCode));
    assert.ok(!csv.body.includes(VALID_ID) && !csv.body.includes('13812346333'), 'no ID or phone in exports');
    const xlsx = await get(t.app, '/console/requests/export.xlsx', t.as.officer);
    assert.equal(xlsx.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = JSON.stringify(wb.worksheets[0].getSheetValues());
    assert.ok(values.includes(r.trackingCode));
    assert.ok(!values.includes(VALID_ID));
    // Departments see their queue, not the register.
    assert.equal((await get(t.app, '/console/requests', t.as.drafter)).statusCode, 403);
  });

  test('an officer registers a postal application with its receipt date; errors keep the values', async () => {
    const page = await get(t.app, '/console/requests/new', t.as.officer);
    assert.ok(page.body.includes('第三十一条'));
    const fields = {
      channel: 'post', receivedOn: '2025-09-25', applicantType: 'person', applicantName: '李四', idType: 'residentId', idNumber: VALID_ID,
      phone: '13900001111', address: '赣州市章贡区', deliveryMethod: 'paper', infoDescription: '请提供某某村土地征收批复文件及附图。',
    };
    const bad = await form(t.app, '/console/requests/new', { ...fields, idNumber: `${VALID_ID.slice(0, 17)}0`.replace(/0$/, VALID_ID[17] === '0' ? '1' : '0') }, t.as.officer);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /<title>错误：/);
    assert.ok(bad.body.includes('李四') && bad.body.includes('某某村土地征收'));
    const ok = await form(t.app, '/console/requests/new', fields, t.as.officer);
    assert.equal(ok.statusCode, 303);
    const record = await get(t.app, String(ok.headers.location), t.as.officer);
    assert.ok(record.body.includes('信函申请') && record.body.includes('2025-09-25'));
  });

  test('the record page masks the ID, reveals it on request, and shows only permitted actions', async () => {
    const r = await apply();
    const page = await get(t.app, `/console/requests/${r.requestId}`, t.as.officer);
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes(VALID_ID));
    assert.ok(page.body.includes('action-accept') && page.body.includes('action-requestCorrection'));
    assert.ok(!page.body.includes('action-startDrafting') && !page.body.includes('action-approve'));
    assert.ok(page.body.includes('期限如何计算') || page.body.includes('期限规则'));
    const reveal = await form(t.app, `/console/requests/${r.requestId}/reveal`, {}, t.as.officer);
    assert.equal(reveal.statusCode, 200);
    assert.ok(reveal.body.includes(VALID_ID));
    const audit = await t.services.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', r.requestId).execute();
    assert.ok(audit.some((a) => /reveal/i.test(a.action)), JSON.stringify(audit));
    const denied = await form(t.app, `/console/requests/${r.requestId}/reveal`, {}, t.as.drafter);
    assert.ok([403, 404].includes(denied.statusCode) && !denied.body.includes(VALID_ID));
  });

  test('every lifecycle form: correction, acceptance, assignment, consultation, reply, approval, delivery, closing', async () => {
    const r = await apply();
    const id = r.requestId;
    const missingNote = await form(t.app, `/console/requests/${id}/act`, { verb: 'requestCorrection' }, t.as.officer);
    assert.equal(missingNote.statusCode, 422);
    assert.match(missingNote.body, /href="#note-requestCorrection"/);
    await act(t.as.officer, id, 'requestCorrection', { note: '请补充所需信息的文号或时间范围', correctionPeriodDays: '10' });
    await act(t.as.officer, id, 'receiveCorrection', { receivedOn: '2025-09-26', note: '' });
    await act(t.as.officer, id, 'accept');
    await act(t.as.officer, id, 'assign', { departmentIds: [t.fx.departments.planning.id] });
    const queue = await get(t.app, '/console/requests/queue', t.as.drafter);
    assert.ok(queue.body.includes(r.trackingCode));
    const forDrafter = await get(t.app, `/console/requests/${id}`, t.as.drafter);
    assert.ok(forDrafter.body.includes('action-startDrafting') && !forDrafter.body.includes('action-reassign'));
    await act(t.as.drafter, id, 'startDrafting');
    await act(t.as.drafter, id, 'startConsultation', { consultationKind: 'thirdParty', partyName: '某某房地产开发有限公司', note: '涉及第三方商业信息' });
    const paused = await get(t.app, `/console/requests/${id}`, t.as.officer);
    assert.ok(paused.body.includes('某某房地产开发有限公司'));
    await act(t.as.drafter, id, 'endConsultation', { note: '第三方同意公开' });
    await t.services.requests.replies.saveDraft(t.fx.actor('drafter'), id, { opinion: '', items: [{ description: '征收补偿安置方案', replyType: 'disclosed' }] });
    await act(t.as.drafter, id, 'submitReply', { note: '拟予以公开' });
    await act(t.as.officer, id, 'approve');
    await act(t.as.officer, id, 'deliver');
    await act(t.as.officer, id, 'close');
    const closed = await get(t.app, `/console/requests/${id}`, t.as.officer);
    assert.ok(closed.body.includes('已办结'));
    assert.ok(!closed.body.includes('class="form action-form'), 'no actions on a closed request');
    assert.ok(closed.body.includes('第三方同意公开') && closed.body.includes('拟予以公开'), 'timeline notes');
  });

  test('extension, split and merge forms', async () => {
    const r = await apply();
    await act(t.as.officer, r.requestId, 'accept');
    const badDays = await form(t.app, `/console/requests/${r.requestId}/extend`, { days: '25', reason: '需要调档' }, t.as.officer);
    assert.equal(badDays.statusCode, 422);
    assert.ok(badDays.body.includes('1 至 20 个工作日'));
    const ext = await form(t.app, `/console/requests/${r.requestId}/extend`, { days: '10', reason: '需要到档案馆调档' }, t.as.officer);
    assert.equal(ext.statusCode, 303);
    const after = await get(t.app, `/console/requests/${r.requestId}`, t.as.officer);
    assert.ok(after.body.includes('延长 10 个工作日') && !after.body.includes('action-extend'));
    const split = await form(t.app, `/console/requests/${r.requestId}/split`, { infoDescription: '另请提供该地块的规划许可文件及附图。', splitNote: '一事一申请' }, t.as.officer);
    assert.equal(split.statusCode, 303);
    assert.match(String(split.headers.location), /done=split$/);
    const dup = await apply();
    await act(t.as.officer, dup.requestId, 'merge', { mergeIntoTrackingCode: r.trackingCode, note: '重复申请' });
  });

  test('supervision and inbox pages open for an officer', async () => {
    const sup = await get(t.app, '/console/requests/supervision', t.as.officer);
    assert.equal(sup.statusCode, 200);
    const inbox = await get(t.app, '/console/inbox', t.as.officer);
    assert.equal(inbox.statusCode, 200);
    assert.ok(inbox.body.includes('消息提醒'));
  });
});
