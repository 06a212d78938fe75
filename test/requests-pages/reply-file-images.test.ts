// A photo as the information provided with a partly granted reply (条例 第三十七条): approval
// waits for its redacted copy; the office marks an area by coordinates on the console page
// without JavaScript; the copy has the area black, the rest of the photo, and no EXIF (GPS);
// a mark can be taken back; the applicant's /track download gives the redacted photo only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../src/core/time/clock.ts';
import { assertPhotoWorkspace, decodeImage, hasPhotoMetadata, photoJpeg } from '../privacy/redaction-image.fixtures.ts';
import { anonymousSession, form, get, multipartForm } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { partlyGrantedDraft, setDay } from '../requests/request-helpers.ts';

const clock = new FakeClock('2025-10-20T02:00:00Z');
const t = useHttpFixture({ sessions: ['officer', 'drafter'], clock });

const isBlack = (rgb: number[]) => Math.max(...rgb) <= 24;

test('a photo is redacted by area, approved, and reaches the applicant only redacted', async () => {
  setDay(clock, '2025-10-20');
  const office = t.fx.actor('officer');
  const drafter = t.fx.actor('drafter');
  const { requestId, trackingCode, draft } = await partlyGrantedDraft(t.services, t.fx, { description: '违法用地现场照片', explanation: '照片中的车牌号码等个人信息不予公开（第十五条）。' });
  const url = `/console/requests/${requestId}/files`;
  const photo = photoJpeg(320, 240);
  const up = await multipartForm(t.app, url, { replyItemId: draft.items[0].id }, [{ field: 'file', filename: '现场照片.jpg', bytes: photo, type: 'image/jpeg' }], t.as.drafter);
  assert.equal(up.statusCode, 303);
  const [file] = await t.services.replyFiles.list(drafter, requestId);
  assert.equal(file.release, 'needsRedaction');
  assert.equal(file.redactable, true);
  const base = `${url}/${file.id}`;
  assert.match((await get(t.app, url, t.as.drafter)).body, new RegExp(`href="${base}/redact"`), 'the list links the photo to its redaction page');

  await t.services.requests.act(drafter, requestId, 'submitReply', { note: '请审核' });
  await assert.rejects(t.services.requests.act(office, requestId, 'approve', { note: '' }), { code: 'REPLY_FILE_NOT_REDACTED' });

  // The office checks the draft: the page has the area form (no text form) and the gridded image.
  const ws = await get(t.app, `${base}/redact`, t.as.officer);
  assert.equal(ws.statusCode, 200);
  assertPhotoWorkspace(ws.body, base);
  const preview = await get(t.app, `${base}/pages/1.png`, t.as.officer);
  assert.equal(preview.statusCode, 200);
  assert.equal(preview.headers['content-type'], 'image/png');
  assert.equal((await get(t.app, `${base}/pages/2.png`, t.as.officer)).statusCode, 404);

  const byText = await form(t.app, `${base}/redact`, { text: '苏A12345', reason: 'thirdPartyRights' }, t.as.officer);
  assert.equal(byText.statusCode, 422);
  assert.match(byText.body, /图片材料中没有可查找的文字，请在图片上按坐标标注要删除的区域/);
  const empty = await form(t.app, `${base}/redact/areas`, { page: '1', x: '100', y: '60', width: '0', height: '40', reason: 'thirdPartyRights' }, t.as.officer);
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /宽度和高度须大于 0/);
  assert.match(empty.body, /name="x" type="number" value="100"/, 'the input is kept');
  const outside = await form(t.app, `${base}/redact/areas`, { page: '1', x: '400', y: '10', width: '20', height: '20', reason: 'thirdPartyRights' }, t.as.officer);
  assert.equal(outside.statusCode, 422);
  const noReason = await form(t.app, `${base}/redact/areas`, { page: '1', x: '100', y: '60', width: '80', height: '40', reason: 'nonsense' }, t.as.officer);
  assert.equal(noReason.statusCode, 422);
  assert.match(noReason.body, /href="#areaReason">请选择删除的法定理由/);

  // A wrong area, taken back: no copy is left, and approval waits again.
  const wrong = await form(t.app, `${base}/redact/areas`, { page: '1', x: '0', y: '0', width: '10', height: '10', reason: 'thirdPartyRights' }, t.as.officer);
  assert.equal(wrong.statusCode, 303);
  const [marked] = await t.services.replyFiles.list(office, requestId);
  assert.equal(marked.release, 'redacted');
  const undo = await form(t.app, `${base}/redact/marks/${marked.redactions[0].id}/delete`, {}, t.as.officer);
  assert.equal(undo.statusCode, 303);
  const [undone] = await t.services.replyFiles.list(office, requestId);
  assert.deepEqual([undone.release, undone.redacted, undone.redactions.length], ['needsRedaction', null, 0]);

  const done = await form(t.app, `${base}/redact/areas`, { page: '1', x: '100', y: '60', width: '80', height: '40', reason: 'thirdPartyRights' }, t.as.officer);
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, `${base}/redact?done=area`);
  const after = await get(t.app, String(done.headers.location), t.as.officer);
  assert.match(after.body, /已删除所标注的区域/);
  assert.match(after.body, /<td>—<\/td><td>1<\/td><td>保护第三方合法权益[^<]*<\/td><td>\(100, 60\)–\(180, 100\)<\/td>/);
  assert.match(after.body, new RegExp(`src="${base}/pages/1\\.png\\?copy=redacted`));

  const copy = await get(t.app, `${base}/download?copy=redacted`, t.as.officer);
  assert.equal(copy.statusCode, 200);
  assert.equal(copy.headers['content-type'], 'image/jpeg');
  assert.ok(!hasPhotoMetadata(copy.rawPayload), 'no EXIF, no GPS text');
  const [o, c] = [decodeImage(photo), decodeImage(copy.rawPayload)];
  assert.deepEqual([c.width, c.height], [320, 240]);
  for (const [x, y] of [[104, 64], [140, 80], [176, 96]]) assert.ok(isBlack(c.at(x, y)), `(${x}, ${y}) is black`);
  for (const [x, y] of [[10, 10], [300, 220], [90, 80], [190, 80], [140, 110]]) assert.ok(c.at(x, y).every((v, i) => Math.abs(v - o.at(x, y)[i]!) <= 12), `(${x}, ${y}) unchanged`);
  assert.ok(hasPhotoMetadata((await get(t.app, `${base}/download`, t.as.officer)).rawPayload), 'staff keep the original');

  await t.services.requests.act(office, requestId, 'approve', { note: '' });
  await t.services.requests.act(office, requestId, 'deliver', { note: '' });
  const session = await anonymousSession(t.app);
  const track = await form(t.app, '/track', { code: trackingCode, phoneLast4: '6333' }, session);
  assert.equal(track.statusCode, 200);
  const link = [...track.body.matchAll(/href="(\/track\/files\/file\.[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'))[0];
  assert.ok(link, 'a download link for the photo');
  const got = await t.app.inject({ method: 'GET', url: link });
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'image/jpeg');
  assert.ok(got.rawPayload.equals(copy.rawPayload), 'the applicant gets the redacted copy');
  assert.ok(!hasPhotoMetadata(got.rawPayload));
  assert.ok(isBlack(decodeImage(got.rawPayload).at(140, 80)));
});
