// Reply files in the console over HTTP (条例 第三十七条): the department uploads the information
// provided (types and size stated, wrong files refused by content with the error by the field),
// redacts a detected ID number on the file's redaction page without JavaScript, sees page images
// and downloads both copies; the office approves, records a postal delivery, and the record page
// shows it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../src/core/time/clock.ts';
import { extractPdfText } from '../../src/modules/catalog/index.ts';
import { chinesePdf, ID_NUMBER, NAME, NOTICE_LINES } from '../privacy/redaction.fixtures.ts';
import { form, get, multipartForm } from '../helpers/http.ts';
import { sampleExe } from '../helpers/sample-files.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { online, setDay } from '../requests/request-helpers.ts';

describe('console reply files', () => {
  const clock = new FakeClock('2025-10-20T02:00:00Z');
  let pdf: Buffer;

  const t = useHttpFixture({
    sessions: ['officer', 'drafter'],
    clock,
    setup: async () => {
      pdf = await chinesePdf([NOTICE_LINES]);
    },
  });

  /** A request in drafting with a granted item and a partly granted one. */
  async function drafting() {
    setDay(clock, '2025-10-20');
    const { requestId } = await t.services.requests.apply(online(t.fx.agency.id, { deliveryMethod: 'paper' }), '203.0.113.9');
    await t.services.requests.act(t.fx.actor('officer'), requestId, 'accept', { note: '' });
    await t.services.requests.act(t.fx.actor('officer'), requestId, 'assign', { note: '', departmentIds: [t.fx.departments.planning.id] });
    await t.services.requests.act(t.fx.actor('drafter'), requestId, 'startDrafting', { note: '' });
    const reply = await t.services.requests.replies.saveDraft(t.fx.actor('drafter'), requestId, {
      opinion: '',
      items: [
        { description: '征收补偿安置方案', replyType: 'disclosed', decision: 'granted', explanation: '予以公开。' },
        { description: '征收补偿登记结果', replyType: 'disclosed', decision: 'partlyGranted', explanation: '他人个人信息不予公开（第十五条）。' },
      ],
    });
    return { requestId, items: reply.items };
  }

  test('upload with the rules stated, wrong files refused by the field, removal', async () => {
    const { requestId, items } = await drafting();
    const url = `/console/requests/${requestId}/files`;
    const page = await get(t.app, url, t.as.drafter);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.match(page.body, /action="[^"]*\/files\?_csrf=/);
    assert.match(page.body, /PDF、Word（DOCX）、JPG 或 PNG 文件，单个文件不超过 \d+ MB/);
    assert.match(page.body, new RegExp(`<option value="${items[1].id}"[^>]*>2\\. 征收补偿登记结果`));

    const none = await multipartForm(t.app, url, { replyItemId: '' }, [], t.as.drafter);
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /<title>错误：/);
    assert.match(none.body, /href="#file">请选择要上传的文件/);

    const exe = await multipartForm(t.app, url, { replyItemId: items[1].id }, [{ field: 'file', filename: '登记结果.pdf', bytes: sampleExe() }], t.as.drafter);
    assert.equal(exe.statusCode, 422);
    assert.match(exe.body, /不是 PDF、DOCX、JPG 或 PNG 格式/);
    assert.match(exe.body, new RegExp(`<option value="${items[1].id}" selected`), 'the chosen item is kept');

    // The office may look but not upload while the department drafts.
    const refused = await multipartForm(t.app, url, {}, [{ field: 'file', filename: 'a.pdf', bytes: pdf }], t.as.officer);
    assert.equal(refused.statusCode, 403);

    const ok = await multipartForm(t.app, url, { replyItemId: '' }, [{ field: 'file', filename: '其他.pdf', bytes: pdf }], t.as.drafter);
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `${url}?done=uploaded`);
    const listed = await get(t.app, url, t.as.drafter);
    assert.match(listed.body, /其他\.pdf/);
    assert.match(listed.body, /整份答复/);
    const [file] = await t.services.replyFiles.list(t.fx.actor('drafter'), requestId);
    const removed = await form(t.app, `${url}/${file.id}/delete`, {}, t.as.drafter);
    assert.equal(removed.statusCode, 303);
    assert.ok(!(await get(t.app, url, t.as.drafter)).body.includes('其他.pdf'));
  });

  test('redact a detected ID number, see the pages, download both copies; the record page shows the delivery', async () => {
    const { requestId, items } = await drafting();
    const url = `/console/requests/${requestId}/files`;
    const up = await multipartForm(t.app, url, { replyItemId: items[1].id }, [{ field: 'file', filename: '登记结果.pdf', bytes: pdf, type: 'application/pdf' }], t.as.drafter);
    assert.equal(up.statusCode, 303);
    const list = await get(t.app, url, t.as.drafter);
    assert.match(list.body, /须作区分处理/);
    assert.match(list.body, /2\. 征收补偿登记结果（部分公开）/);
    const [file] = await t.services.replyFiles.list(t.fx.actor('drafter'), requestId);
    const base = `${url}/${file.id}`;

    const ws = await get(t.app, `${base}/redact`, t.as.drafter);
    assert.equal(ws.statusCode, 200);
    assert.equal(ws.headers['cache-control'], 'no-store');
    assert.match(ws.body, /身份证号码：[^<]*\*/, 'the finding is shown masked');
    assert.match(ws.body, /name="reason"/);
    assert.match(ws.body, new RegExp(`src="${base}/pages/1\\.png"`));

    const empty = await form(t.app, `${base}/redact`, { reason: 'thirdPartyRights' }, t.as.drafter);
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /href="#text">请勾选检测到的个人信息，或填写要删除的文字/);
    const missing = await form(t.app, `${base}/redact`, { reason: 'thirdPartyRights', text: '不存在的文字' }, t.as.drafter);
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /value="不存在的文字"/, 'the typed text is kept');

    const done = await form(t.app, `${base}/redact`, { finding: `idCard:${ID_NUMBER}`, reason: 'thirdPartyRights' }, t.as.drafter);
    assert.equal(done.statusCode, 303);
    const after = await get(t.app, String(done.headers.location), t.as.drafter);
    assert.match(after.body, /已删除所选内容/);
    assert.match(after.body, /<td>3204\*+6334<\/td><td>1<\/td><td>保护第三方合法权益/);
    assert.match(after.body, /身份证号码：3204\*+6334（已删除）/);
    assert.match(after.body, new RegExp(`src="${base}/pages/1\\.png\\?copy=redacted`));

    const image = await get(t.app, `${base}/pages/1.png?copy=redacted`, t.as.drafter);
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.equal((await get(t.app, `${base}/pages/9.png`, t.as.drafter)).statusCode, 404);

    const redacted = await get(t.app, `${base}/download?copy=redacted`, t.as.drafter);
    assert.equal(redacted.statusCode, 200);
    const text = await extractPdfText(redacted.rawPayload);
    assert.ok(!text.includes(ID_NUMBER), 'the ID number is gone from the redacted copy');
    assert.ok(text.includes(NAME), 'only what was ticked is removed');
    const original = await get(t.app, `${base}/download`, t.as.officer);
    assert.ok((await extractPdfText(original.rawPayload)).includes(ID_NUMBER), 'staff still have the original');
    assert.match(String(original.headers['content-disposition']), /attachment/);
    assert.match((await get(t.app, url, t.as.drafter)).body, /提供区分处理后的副本/);

    await t.services.requests.act(t.fx.actor('drafter'), requestId, 'submitReply', { note: '请审核' });
    await t.services.requests.act(t.fx.actor('officer'), requestId, 'approve', { note: '' });
    const record = `/console/requests/${requestId}`;
    const noNumber = await form(t.app, `${record}/act`, { verb: 'deliver', 'deliveryMethod-deliver': 'paper', 'trackingNumber-deliver': '', 'note-deliver': '' }, t.as.officer);
    assert.equal(noNumber.statusCode, 422);
    const delivered = await form(t.app, `${record}/act`, { verb: 'deliver', 'deliveryMethod-deliver': 'paper', 'trackingNumber-deliver': 'EMS1234567890', 'note-deliver': '' }, t.as.officer);
    assert.equal(delivered.statusCode, 303);
    const shown = await get(t.app, record, t.as.officer);
    assert.match(shown.body, /<h2 id="delivery-title">送达<\/h2>/);
    assert.match(shown.body, /邮寄送达，邮寄单号 EMS1234567890/);
    assert.match(shown.body, new RegExp(`href="${url}"`));
  });
});
