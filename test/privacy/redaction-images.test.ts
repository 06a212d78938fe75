// Catalog attachments that are photos (JPEG, PNG) are redacted by area (区分处理, 条例 第三十七条):
// the confidentiality reviewer types the rectangle in pixels on the console page without
// JavaScript, applies it, and the later reviewers see the original and the copy side by side.
// The copy has the area black, the rest of the photo, and no EXIF/GPS or PNG text chunk; the
// portal, the public API and the item's metadata give the copy, never the original; the tamper
// fingerprint recorded at publication is the copy's; staff keep the original.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { advanceTo, createColumn, draftInput } from '../factories.ts';
import { anonymousSession, form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { assertPhotoWorkspace, decodeImage, hasPhotoMetadata, photoJpeg, photoPng } from './redaction-image.fixtures.ts';

const isBlack = (rgb: number[]) => Math.max(...rgb) <= 24;
const AREA = { page: '1', x: '100', y: '60', width: '80', height: '40', reason: 'thirdPartyRights' };

describe('redaction of catalog image attachments', () => {
  const photo = photoJpeg(320, 240);
  const scan = photoPng(64, 48);
  let itemId = '';
  let photoId = '';
  let scanId = '';

  const t = useHttpFixture({
    sessions: ['confidentialityReviewer', 'drafter', 'leader'],
    setup: async ({ services, fx }) => {
      const column = await createColumn(services, fx, '执法监察');
      const draft = await services.catalog.createDraft(fx.actor('drafter'), draftInput(column.id, { title: '违法用地查处情况公告' }));
      itemId = draft.id;
      photoId = (await services.catalog.addAttachment(fx.actor('drafter'), itemId, { filename: '现场照片.jpg', bytes: photo })).id;
      scanId = (await services.catalog.addAttachment(fx.actor('drafter'), itemId, { filename: '登记表扫描件.png', bytes: scan })).id;
      await advanceTo(services, fx, itemId, 'confidentialityReview');
    },
  });
  const base = (id: string) => `/console/items/${itemId}/attachments/${id}`;

  test('the workspace of a photo has the pixel area form and the gridded preview, no text forms', async () => {
    const record = await get(t.app, `/console/items/${itemId}`, t.as.confidentialityReviewer);
    assert.match(record.body, new RegExp(`href="${base(photoId)}/redact"`), 'the record page links the photo to its redaction page');
    const ws = await get(t.app, `${base(photoId)}/redact`, t.as.confidentialityReviewer);
    assert.equal(ws.statusCode, 200);
    assertPhotoWorkspace(ws.body, base(photoId));
    const preview = await get(t.app, `${base(photoId)}/pages/1.png`, t.as.confidentialityReviewer);
    assert.equal(preview.headers['content-type'], 'image/png');
    assert.equal(preview.rawPayload.subarray(1, 4).toString('latin1'), 'PNG');
    assert.equal((await get(t.app, `${base(photoId)}/pages/2.png`, t.as.confidentialityReviewer)).statusCode, 404);
  });

  test('wrong areas and text marks are refused with the input kept; other roles may not mark', async () => {
    const url = `${base(photoId)}/redact`;
    const byText = await form(t.app, `${url}/accept`, { text: '苏A12345', reason: 'thirdPartyRights' }, t.as.confidentialityReviewer);
    assert.equal(byText.statusCode, 422);
    assert.match(byText.body, /图片附件中没有可查找的文字，请在图片上按坐标标注要删除的区域/);
    const empty = await form(t.app, `${url}/areas`, { ...AREA, width: '0' }, t.as.confidentialityReviewer);
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /宽度和高度须大于 0/);
    assert.match(empty.body, /name="x" type="number" value="100"/, 'the input is kept');
    const outside = await form(t.app, `${url}/areas`, { ...AREA, x: '400' }, t.as.confidentialityReviewer);
    assert.equal(outside.statusCode, 422);
    assert.match(outside.body, /区域不在页面（图片）范围内/);
    const noReason = await form(t.app, `${url}/areas`, { ...AREA, reason: 'nonsense' }, t.as.confidentialityReviewer);
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /href="#areaReason">请选择删除的法定理由/);
    assert.equal((await form(t.app, `${url}/areas`, AREA, t.as.drafter)).statusCode, 403);
    assert.equal((await form(t.app, `${url}/areas`, AREA, t.as.leader)).statusCode, 403);
    assert.deepEqual((await t.services.redaction.workspace(t.fx.actor('confidentialityReviewer'), itemId, photoId)).areas, []);
  });

  test('the reviewer marks and applies; the copy is black inside, unchanged outside, without EXIF; both are audited', async () => {
    const url = `${base(photoId)}/redact`;
    const marked = await form(t.app, `${url}/areas`, AREA, t.as.confidentialityReviewer);
    assert.equal(marked.statusCode, 303, marked.body);
    const applied = await form(t.app, `${url}/apply`, {}, t.as.confidentialityReviewer);
    assert.equal(applied.statusCode, 303, applied.body);
    const page = await get(t.app, String(applied.headers.location), t.as.confidentialityReviewer);
    assert.match(page.body, /已应用删除/);
    assert.match(page.body, /区域（像素，左上角起）/);
    assert.match(page.body, /\(100, 60\)–\(180, 100\)/);
    assert.match(page.body, new RegExp(`src="${base(photoId)}/pages/1\\.png\\?copy=redacted&amp;v=`));

    const ws = await t.services.redaction.workspace(t.fx.actor('confidentialityReviewer'), itemId, photoId);
    assert.ok(ws.copy);
    const copy = await t.services.files.get(ws.copy.sha256);
    assert.deepEqual([copy[0], copy[1]], [0xff, 0xd8], 'still a JPEG');
    assert.ok(!hasPhotoMetadata(copy), 'no EXIF, no GPS text');
    const [o, c] = [decodeImage(photo), decodeImage(copy)];
    assert.deepEqual([c.width, c.height], [320, 240]);
    for (const [x, y] of [[100, 60], [140, 80], [179, 99]]) assert.ok(isBlack(c.at(x, y)), `(${x}, ${y}) is black`);
    for (const [x, y] of [[10, 10], [300, 220], [90, 80], [190, 80], [140, 110]]) {
      assert.ok(c.at(x, y).every((v, i) => Math.abs(v - o.at(x, y)[i]!) <= 12), `(${x}, ${y}) unchanged`);
    }
    const audit = await t.services.database.db.selectFrom('auditEvents').select(['action', 'summary']).where('subjectId', '=', photoId).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['redaction.areaAdded', 'redaction.applied']);
    assert.match(audit[1]!.summary, new RegExp(ws.copy.sha256));
  });

  test('a PNG scan: every pixel inside the area black, every other pixel exactly the original, the text chunk gone', async () => {
    const reviewer = t.fx.actor('confidentialityReviewer');
    await t.services.redaction.addArea(reviewer, itemId, scanId, { page: 1, x: 10, y: 8, width: 20, height: 12, reason: 'thirdPartyRights' });
    const info = await t.services.redaction.apply(reviewer, itemId, scanId);
    const out = await t.services.files.get(info.sha256);
    assert.ok(!hasPhotoMetadata(out));
    const [before, after] = [decodeImage(scan), decodeImage(out)];
    for (let y = 0; y < 48; y++) {
      for (let x = 0; x < 64; x++) {
        const inside = x >= 10 && x < 30 && y >= 8 && y < 20;
        assert.deepEqual(after.at(x, y), inside ? [0, 0, 0] : before.at(x, y), `(${x}, ${y})`);
      }
    }
  });

  test('the next reviewers see the original and the copy; once published the public gets only the copy, the fingerprint is the copy', async () => {
    await advanceTo(t.services, t.fx, itemId, 'leaderApproval');
    const ws = await get(t.app, `${base(photoId)}/redact`, t.as.leader);
    assert.equal(ws.statusCode, 200);
    assert.ok(ws.body.includes('alt="图片原件（红色为标注删除的区域，蓝线为坐标网格）"') && ws.body.includes('alt="图片删除后的副本"'), ws.body);
    assert.ok(!ws.body.includes('/redact/areas"'), 'the leader does not mark');
    const copyPreview = await get(t.app, `${base(photoId)}/pages/1.png?copy=redacted`, t.as.leader);
    assert.equal(copyPreview.headers['content-type'], 'image/png');
    assert.ok(isBlack(decodeImage(copyPreview.rawPayload).at(140, 80)), 'the copy preview shows the area removed');
    const log = await get(t.app, `/console/items/${itemId}/redactions`, t.as.leader);
    assert.ok(log.body.includes('现场照片.jpg') && log.body.includes('(100, 60)–(180, 100)'));

    await advanceTo(t.services, t.fx, itemId, 'published');
    const reviewer = t.fx.actor('confidentialityReviewer');
    const copies = new Map<string, string>();
    for (const id of [photoId, scanId]) copies.set(id, (await t.services.redaction.workspace(reviewer, itemId, id)).copy!.sha256);
    const visitor = await anonymousSession(t.app);
    for (const url of [`/attachments/${photoId}`, `/api/v1/attachments/${photoId}`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: visitor.cookie } });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['content-type'], 'image/jpeg');
      assert.ok(!res.rawPayload.equals(photo), `${url}: not the original`);
      assert.ok(!hasPhotoMetadata(res.rawPayload), `${url}: no EXIF`);
      assert.ok(isBlack(decodeImage(res.rawPayload).at(140, 80)), `${url}: the area is black`);
    }
    const api = await t.app.inject({ method: 'GET', url: `/api/v1/items/${itemId}` });
    const listed = (api.json() as { attachments: { id: string; sha256: string; size: number }[] }).attachments;
    for (const a of listed) assert.equal(a.sha256, copies.get(a.id), 'the public metadata names the copy');
    const fp = await t.services.database.db.selectFrom('publishedFingerprints').selectAll().where('itemId', '=', itemId).executeTakeFirstOrThrow();
    const recorded = new Map((JSON.parse(fp.attachments) as { attachmentId: string; sha256: string }[]).map((a) => [a.attachmentId, a.sha256]));
    assert.deepEqual(recorded, copies, 'publication fingerprints the copies');
    assert.equal((await t.services.tamper.check()).alerts, 0);
    const staff = await get(t.app, `/console/attachments/${photoId}`, t.as.confidentialityReviewer);
    assert.ok(staff.rawPayload.equals(photo), 'staff keep the original');
  });
});
