// Reply files, their redaction, the approval precondition of 第三十七条, delivery by each method
// and the /track downloads behind signed, expiring links.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FakeClock } from '../../src/core/time/clock.ts';
import { extractPdfText } from '../../src/modules/catalog/index.ts';
import { chinesePdf, ID_NUMBER, NAME, NOTICE_LINES } from '../privacy/redaction.fixtures.ts';
import { createFixture, type Fixture } from '../factories.ts';
import { samplePng, sampleExe } from '../helpers/sample-files.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';
import { online, setDay } from './request-helpers.ts';

let s: TestServices;
let fx: Fixture;
const clock = new FakeClock('2025-10-20T02:00:00Z');
let pdf: Buffer;

before(async () => {
  s = await createTestServices({ clock });
  fx = await createFixture(s);
  pdf = await chinesePdf([NOTICE_LINES]);
});
after(() => s.cleanup());

const office = () => fx.actor('officer');
const drafter = () => fx.actor('drafter');

/** A request in drafting with a two-item reply: one granted, one partly granted. */
async function drafting(extra: Parameters<typeof online>[1] = {}) {
  setDay(clock, '2025-10-20');
  const { requestId } = await s.requests.apply(online(fx.agency.id, { deliveryMethod: 'onlineDownload', ...extra }), '203.0.113.9');
  await s.requests.act(office(), requestId, 'accept', { note: '' });
  await s.requests.act(office(), requestId, 'assign', { note: '', departmentIds: [fx.departments.planning.id] });
  await s.requests.act(drafter(), requestId, 'startDrafting', { note: '' });
  const reply = await s.requests.replies.saveDraft(drafter(), requestId, {
    opinion: '经审查，现答复如下。',
    items: [
      { description: '沙河镇征收补偿安置方案', replyType: 'disclosed', decision: 'granted', explanation: '予以公开，见附件。' },
      { description: '沙河镇征收补偿登记结果', replyType: 'disclosed', decision: 'partlyGranted', explanation: '涉及他人个人信息的部分不予公开（第十五条、第三十七条）。' },
    ],
  });
  return { requestId, items: reply.items };
}

async function toApproved(requestId: string) {
  await s.requests.act(drafter(), requestId, 'submitReply', { note: '请审核' });
  return s.requests.act(office(), requestId, 'approve', { note: '' });
}

describe('reply files and redaction (第三十七条)', () => {
  test('files are checked by content; only the handling department uploads while drafting', async () => {
    const { requestId, items } = await drafting();
    await assert.rejects(s.replyFiles.upload(drafter(), requestId, { filename: 'a.pdf', bytes: sampleExe(), replyItemId: null }), { code: 'REPLY_FILE_INVALID' });
    await assert.rejects(s.replyFiles.upload(drafter(), requestId, { filename: 'a.pdf', bytes: pdf, replyItemId: 'nope' }), { code: 'REPLY_FILE_INVALID' });
    await assert.rejects(s.replyFiles.upload(fx.actor('confidentialityReviewer'), requestId, { filename: 'a.pdf', bytes: pdf, replyItemId: null }), { status: 403 });
    await assert.rejects(s.replyFiles.upload(fx.otherActor('drafter'), requestId, { filename: 'a.pdf', bytes: pdf, replyItemId: null }), { status: 404 });
    const id = await s.replyFiles.upload(drafter(), requestId, { filename: '../登记结果.pdf', bytes: pdf, replyItemId: items[1].id });
    const [view] = await s.replyFiles.list(office(), requestId);
    assert.equal(view.id, id);
    assert.equal(view.filename, '登记结果.pdf');
    assert.equal(view.release, 'needsRedaction');
    assert.match(view.itemLabel, /^2\. 沙河镇征收补偿登记结果（部分公开）/);
  });

  test('approval is refused while a file of a partly granted item has no redacted copy; redaction removes the text', async () => {
    const { requestId, items } = await drafting();
    const fileId = await s.replyFiles.upload(drafter(), requestId, { filename: '登记结果.pdf', bytes: pdf, replyItemId: items[1].id });
    const pngId = await s.replyFiles.upload(drafter(), requestId, { filename: '方案.png', bytes: samplePng, replyItemId: items[0].id });
    await s.requests.act(drafter(), requestId, 'submitReply', { note: '请审核' });
    await assert.rejects(s.requests.act(office(), requestId, 'approve', { note: '' }), (err: { status: number; code: string; message: string }) => {
      assert.equal(err.status, 409);
      assert.equal(err.code, 'REPLY_FILE_NOT_REDACTED');
      assert.match(err.message, /登记结果\.pdf/);
      return true;
    });

    const findings = await s.replyFiles.findings(office(), requestId, fileId);
    const id = findings.find((f) => f.type === 'idCard');
    assert.ok(id, 'the ID number is detected');
    assert.notEqual(id.masked, ID_NUMBER);
    await assert.rejects(s.replyFiles.redact(office(), requestId, fileId, { texts: [{ text: id.text }], reason: 'nonsense' }), { code: 'REPLY_FILE_INVALID' });
    await assert.rejects(s.replyFiles.redact(office(), requestId, fileId, { texts: [{ text: '不存在的文字' }], reason: 'thirdPartyRights' }), { status: 422 });
    await s.replyFiles.redact(office(), requestId, fileId, { texts: [{ text: id.text, type: 'idCard' }], reason: 'thirdPartyRights' });

    const redacted = await s.replyFiles.download(office(), requestId, fileId, 'redacted');
    const text = await extractPdfText(redacted.bytes);
    assert.ok(!text.includes(ID_NUMBER), 'the ID number is removed from the text layer');
    assert.ok(text.includes(NAME), 'only what was marked is removed');
    assert.ok((await extractPdfText((await s.replyFiles.download(office(), requestId, fileId, 'original')).bytes)).includes(ID_NUMBER), 'the original is kept');
    const png = await s.replyFiles.pageImage(office(), requestId, fileId, 1, 'redacted');
    assert.equal(png.subarray(1, 4).toString(), 'PNG');

    const views = await s.replyFiles.list(office(), requestId);
    assert.deepEqual(views.map((v) => [v.id, v.release]), [[fileId, 'redacted'], [pngId, 'original']]);
    assert.equal(views[0].redactions[0].reason, 'thirdPartyRights');
    assert.ok(!views[0].redactions[0].preview.includes(ID_NUMBER));
    const audit = await s.database.db.selectFrom('auditEvents').select(['action', 'summary']).where('action', '=', 'replyFile.redacted').execute();
    assert.equal(audit.length, 1);
    assert.ok(!audit[0].summary.includes(ID_NUMBER), 'the audit log never repeats the removed data');

    const approved = await s.requests.act(office(), requestId, 'approve', { note: '' });
    assert.equal(approved.status, 'approved');
    assert.equal(approved.outcome, 'partlyGranted');
  });
});

describe('delivery', () => {
  test('paper post needs the tracking number; pick-up needs who signed; e-mail needs an address', async () => {
    const { requestId } = await drafting({ deliveryMethod: 'paper' });
    await toApproved(requestId);
    await assert.rejects(s.requests.act(office(), requestId, 'deliver', { note: '' }), { status: 422 });
    await assert.rejects(s.requests.act(office(), requestId, 'deliver', { note: '', delivery: { method: 'pickUp' } }), { status: 422 });
    await assert.rejects(s.requests.act(office(), requestId, 'deliver', { note: '', delivery: { method: 'paper', trackingNumber: 'EM1234', deliveredOn: '2025-10-21' } }), { status: 422 });
    const d = await s.requests.act(office(), requestId, 'deliver', { note: '', delivery: { trackingNumber: 'em123456789cn' } });
    assert.equal(d.status, 'delivered');
    const view = await s.delivery.deliveryOf(office(), requestId);
    assert.equal(view?.method, 'paper');
    assert.equal(view?.trackingNumber, 'EM123456789CN');
    assert.match(view?.text ?? '', /邮寄送达，邮寄单号 EM123456789CN/);

    const noEmail = await drafting({ deliveryMethod: 'paper', email: '' });
    await toApproved(noEmail.requestId);
    await assert.rejects(s.requests.act(office(), noEmail.requestId, 'deliver', { note: '', delivery: { method: 'email' } }), { status: 422 });
    const pickedUp = await s.requests.act(office(), noEmail.requestId, 'deliver', { note: '', delivery: { method: 'pickUp', recipientNote: '申请人本人' } });
    assert.equal(pickedUp.status, 'delivered');
  });

  test('e-mail delivery writes a text-only outbox e-mail with the /track link and no attachment', async () => {
    const { requestId } = await drafting({ deliveryMethod: 'email' });
    await toApproved(requestId);
    await s.requests.act(office(), requestId, 'deliver', { note: '' });
    const mail = await s.database.db.selectFrom('outboxEmails').selectAll().where('subject', 'like', '政府信息公开申请答复%').executeTakeFirstOrThrow();
    assert.equal(mail.toAddress, 'wang@example.cn');
    assert.match(mail.body, /\/track\?code=/);
  });

  test('/track downloads: reply files only after delivery, the redacted copy only, links signed and expiring', async () => {
    const { requestId, items } = await drafting();
    const fileId = await s.replyFiles.upload(drafter(), requestId, { filename: '登记结果.pdf', bytes: pdf, replyItemId: items[1].id });
    await s.replyFiles.redact(drafter(), requestId, fileId, { texts: [{ text: ID_NUMBER }], reason: 'thirdPartyRights' });
    const detail = await toApproved(requestId);
    assert.equal((await s.delivery.trackDownloads(detail.trackingCode)).files.length, 0, 'nothing before delivery');
    await s.requests.act(office(), requestId, 'deliver', { note: '' });

    const downloads = await s.delivery.trackDownloads(detail.trackingCode);
    assert.match(downloads.delivery?.text ?? '', /发布，请在本页下载/);
    assert.equal(downloads.files.length, 1);
    assert.equal(downloads.files[0].redacted, true);
    const reply = downloads.notices.find((n) => n.isReply);
    assert.ok(reply, 'the reply notice is listed');
    const token = downloads.files[0].path.replace('/track/files/', '');
    const got = await s.delivery.openDownload(token, '203.0.113.9');
    assert.ok(!(await extractPdfText(got.bytes)).includes(ID_NUMBER));
    const noticePdf = await s.delivery.openDownload(reply.pdfPath.replace('/track/files/', ''), '203.0.113.9');
    assert.equal(noticePdf.bytes.subarray(0, 5).toString(), '%PDF-');

    const parts = token.split('.');
    await assert.rejects(s.delivery.openDownload([...parts.slice(0, 4), 'A'.repeat(43)].join('.'), '203.0.113.9'), { status: 404 });
    clock.advanceMs(24 * 3600 * 1000);
    await assert.rejects(s.delivery.openDownload(token, '203.0.113.9'), { status: 410, code: 'DOWNLOAD_EXPIRED' });

    const delivery = await s.delivery.deliveryOf(office(), requestId);
    assert.ok(delivery?.firstDownloadedAt, 'the first download is logged');
    const events = await s.database.db.selectFrom('requestEvents').select('kind').where('requestId', '=', requestId).where('kind', '=', 'firstDownload').execute();
    assert.equal(events.length, 1);
    const audits = await s.database.db.selectFrom('auditEvents').select('summary').where('action', '=', 'reply.downloaded').where('subjectId', '=', requestId).execute();
    assert.equal(audits.length, 2);
    assert.ok(audits.every((a) => !a.summary.includes('王') && !a.summary.includes('203.0')));
  });
});
