// Reply files, their redaction, the approval precondition of 第三十七条, delivery by each method
// and the /track downloads behind signed, expiring links.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FakeClock } from '../../src/core/time/clock.ts';
import { extractPdfText } from '../../src/modules/catalog/index.ts';
import { chinesePdf, ID_NUMBER, NAME, NOTICE_LINES } from '../privacy/redaction.fixtures.ts';
import { samplePng, sampleExe } from '../helpers/sample-files.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { online, setDay, toDrafting } from './request-helpers.ts';

const clock = new FakeClock('2025-10-20T02:00:00Z');
let pdf: Buffer;

const t = useServiceFixture({
  clock,
  setup: async () => {
    pdf = await chinesePdf([NOTICE_LINES]);
  },
});

const office = () => t.fx.actor('officer');
const drafter = () => t.fx.actor('drafter');

/** A request in drafting with a two-item reply: one granted, one partly granted. */
async function drafting(extra: Parameters<typeof online>[1] = {}) {
  setDay(clock, '2025-10-20');
  const { requestId } = await t.services.requests.apply(online(t.fx.agency.id, { deliveryMethod: 'onlineDownload', ...extra }), '203.0.113.9');
  await toDrafting(t.services, t.fx, requestId);
  const reply = await t.services.requests.replies.saveDraft(drafter(), requestId, {
    opinion: '经审查，现答复如下。',
    items: [
      { description: '沙河镇征收补偿安置方案', replyType: 'disclosed', decision: 'granted', explanation: '予以公开，见附件。' },
      { description: '沙河镇征收补偿登记结果', replyType: 'disclosed', decision: 'partlyGranted', explanation: '涉及他人个人信息的部分不予公开（第十五条、第三十七条）。' },
    ],
  });
  return { requestId, items: reply.items };
}

async function toApproved(requestId: string) {
  await t.services.requests.act(drafter(), requestId, 'submitReply', { note: '请审核' });
  return t.services.requests.act(office(), requestId, 'approve', { note: '' });
}

describe('reply files and redaction (第三十七条)', () => {
  test('files are checked by content; only the handling department uploads while drafting', async () => {
    const { requestId, items } = await drafting();
    await assert.rejects(t.services.replyFiles.upload(drafter(), requestId, { filename: 'a.pdf', bytes: sampleExe(), replyItemId: null }), { code: 'REPLY_FILE_INVALID' });
    await assert.rejects(t.services.replyFiles.upload(drafter(), requestId, { filename: 'a.pdf', bytes: pdf, replyItemId: 'nope' }), { code: 'REPLY_FILE_INVALID' });
    await assert.rejects(t.services.replyFiles.upload(t.fx.actor('confidentialityReviewer'), requestId, { filename: 'a.pdf', bytes: pdf, replyItemId: null }), { status: 403 });
    await assert.rejects(t.services.replyFiles.upload(t.fx.otherActor('drafter'), requestId, { filename: 'a.pdf', bytes: pdf, replyItemId: null }), { status: 404 });
    const id = await t.services.replyFiles.upload(drafter(), requestId, { filename: '../登记结果.pdf', bytes: pdf, replyItemId: items[1].id });
    const [view] = await t.services.replyFiles.list(office(), requestId);
    assert.equal(view.id, id);
    assert.equal(view.filename, '登记结果.pdf');
    assert.equal(view.release, 'needsRedaction');
    assert.match(view.itemLabel, /^2\. 沙河镇征收补偿登记结果（部分公开）/);
  });

  test('approval is refused while a file of a partly granted item has no redacted copy; redaction removes the text', async () => {
    const { requestId, items } = await drafting();
    const fileId = await t.services.replyFiles.upload(drafter(), requestId, { filename: '登记结果.pdf', bytes: pdf, replyItemId: items[1].id });
    const pngId = await t.services.replyFiles.upload(drafter(), requestId, { filename: '方案.png', bytes: samplePng, replyItemId: items[0].id });
    await t.services.requests.act(drafter(), requestId, 'submitReply', { note: '请审核' });
    await assert.rejects(t.services.requests.act(office(), requestId, 'approve', { note: '' }), (err: { status: number; code: string; message: string }) => {
      assert.equal(err.status, 409);
      assert.equal(err.code, 'REPLY_FILE_NOT_REDACTED');
      assert.match(err.message, /登记结果\.pdf/);
      return true;
    });

    const findings = await t.services.replyFiles.findings(office(), requestId, fileId);
    const id = findings.find((f) => f.type === 'idCard');
    assert.ok(id, 'the ID number is detected');
    assert.notEqual(id.masked, ID_NUMBER);
    await assert.rejects(t.services.replyFiles.redact(office(), requestId, fileId, { texts: [{ text: id.text }], reason: 'nonsense' }), { code: 'REPLY_FILE_INVALID' });
    await assert.rejects(t.services.replyFiles.redact(office(), requestId, fileId, { texts: [{ text: '不存在的文字' }], reason: 'thirdPartyRights' }), { status: 422 });
    await t.services.replyFiles.redact(office(), requestId, fileId, { texts: [{ text: id.text, type: 'idCard' }], reason: 'thirdPartyRights' });

    const redacted = await t.services.replyFiles.download(office(), requestId, fileId, 'redacted');
    const text = await extractPdfText(redacted.bytes);
    assert.ok(!text.includes(ID_NUMBER), 'the ID number is removed from the text layer');
    assert.ok(text.includes(NAME), 'only what was marked is removed');
    assert.ok((await extractPdfText((await t.services.replyFiles.download(office(), requestId, fileId, 'original')).bytes)).includes(ID_NUMBER), 'the original is kept');
    const png = await t.services.replyFiles.pageImage(office(), requestId, fileId, 1, 'redacted');
    assert.equal(png.subarray(1, 4).toString(), 'PNG');

    const views = await t.services.replyFiles.list(office(), requestId);
    assert.deepEqual(views.map((v) => [v.id, v.release]), [[fileId, 'redacted'], [pngId, 'original']]);
    assert.equal(views[0].redactions[0].reason, 'thirdPartyRights');
    assert.ok(!views[0].redactions[0].preview.includes(ID_NUMBER));
    const audit = await t.services.database.db.selectFrom('auditEvents').select(['action', 'summary']).where('action', '=', 'replyFile.redacted').execute();
    assert.equal(audit.length, 1);
    assert.ok(!audit[0].summary.includes(ID_NUMBER), 'the audit log never repeats the removed data');

    const approved = await t.services.requests.act(office(), requestId, 'approve', { note: '' });
    assert.equal(approved.status, 'approved');
    assert.equal(approved.outcome, 'partlyGranted');
  });
});

describe('delivery', () => {
  test('paper post needs the tracking number; pick-up needs who signed; e-mail needs an address', async () => {
    const { requestId } = await drafting({ deliveryMethod: 'paper' });
    await toApproved(requestId);
    await assert.rejects(t.services.requests.act(office(), requestId, 'deliver', { note: '' }), { status: 422 });
    await assert.rejects(t.services.requests.act(office(), requestId, 'deliver', { note: '', delivery: { method: 'pickUp' } }), { status: 422 });
    await assert.rejects(t.services.requests.act(office(), requestId, 'deliver', { note: '', delivery: { method: 'paper', trackingNumber: 'EM1234', deliveredOn: '2025-10-21' } }), { status: 422 });
    const d = await t.services.requests.act(office(), requestId, 'deliver', { note: '', delivery: { trackingNumber: 'em123456789cn' } });
    assert.equal(d.status, 'delivered');
    const view = await t.services.delivery.deliveryOf(office(), requestId);
    assert.equal(view?.method, 'paper');
    assert.equal(view?.trackingNumber, 'EM123456789CN');
    assert.match(view?.text ?? '', /邮寄送达，邮寄单号 EM123456789CN/);

    const noEmail = await drafting({ deliveryMethod: 'paper', email: '' });
    await toApproved(noEmail.requestId);
    await assert.rejects(t.services.requests.act(office(), noEmail.requestId, 'deliver', { note: '', delivery: { method: 'email' } }), { status: 422 });
    const pickedUp = await t.services.requests.act(office(), noEmail.requestId, 'deliver', { note: '', delivery: { method: 'pickUp', recipientNote: '申请人本人' } });
    assert.equal(pickedUp.status, 'delivered');
  });

  test('e-mail delivery writes a text-only outbox e-mail with the /track link and no attachment', async () => {
    const { requestId } = await drafting({ deliveryMethod: 'email' });
    await toApproved(requestId);
    await t.services.requests.act(office(), requestId, 'deliver', { note: '' });
    const mail = await t.services.database.db.selectFrom('outboxEmails').selectAll().where('subject', 'like', '政府信息公开申请答复%').executeTakeFirstOrThrow();
    assert.equal(mail.toAddress, 'wang@example.cn');
    assert.match(mail.body, /\/track\?code=/);
  });

  test('/track downloads: reply files only after delivery, the redacted copy only, links signed and expiring', async () => {
    const { requestId, items } = await drafting();
    const fileId = await t.services.replyFiles.upload(drafter(), requestId, { filename: '登记结果.pdf', bytes: pdf, replyItemId: items[1].id });
    await t.services.replyFiles.redact(drafter(), requestId, fileId, { texts: [{ text: ID_NUMBER }], reason: 'thirdPartyRights' });
    const detail = await toApproved(requestId);
    assert.equal((await t.services.delivery.trackDownloads(detail.trackingCode)).files.length, 0, 'nothing before delivery');
    await t.services.requests.act(office(), requestId, 'deliver', { note: '' });

    const downloads = await t.services.delivery.trackDownloads(detail.trackingCode);
    assert.match(downloads.delivery?.text ?? '', /发布，请在本页下载/);
    assert.equal(downloads.files.length, 1);
    assert.equal(downloads.files[0].redacted, true);
    const reply = downloads.notices.find((n) => n.isReply);
    assert.ok(reply, 'the reply notice is listed');
    const token = downloads.files[0].path.replace('/track/files/', '');
    const got = await t.services.delivery.openDownload(token, '203.0.113.9');
    assert.ok(!(await extractPdfText(got.bytes)).includes(ID_NUMBER));
    const noticePdf = await t.services.delivery.openDownload(reply.pdfPath.replace('/track/files/', ''), '203.0.113.9');
    assert.equal(noticePdf.bytes.subarray(0, 5).toString(), '%PDF-');

    const parts = token.split('.');
    await assert.rejects(t.services.delivery.openDownload([...parts.slice(0, 4), 'A'.repeat(43)].join('.'), '203.0.113.9'), { status: 404 });
    clock.advanceMs(24 * 3600 * 1000);
    await assert.rejects(t.services.delivery.openDownload(token, '203.0.113.9'), { status: 410, code: 'DOWNLOAD_EXPIRED' });

    const delivery = await t.services.delivery.deliveryOf(office(), requestId);
    assert.ok(delivery?.firstDownloadedAt, 'the first download is logged');
    const events = await t.services.database.db.selectFrom('requestEvents').select('kind').where('requestId', '=', requestId).where('kind', '=', 'firstDownload').execute();
    assert.equal(events.length, 1);
    const audits = await t.services.database.db.selectFrom('auditEvents').select('summary').where('action', '=', 'reply.downloaded').where('subjectId', '=', requestId).execute();
    assert.equal(audits.length, 2);
    assert.ok(audits.every((a) => !a.summary.includes('王') && !a.summary.includes('203.0')));
  });
});
