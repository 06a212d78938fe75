// /track after delivery: the reply notice and the redacted file as links that work for 24 hours;
// forged links are 404, expired ones 410, and the original of a partly granted file never goes out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../src/core/time/clock.ts';
import { extractPdfText } from '../../src/modules/catalog/index.ts';
import { chinesePdf, ID_NUMBER, NOTICE_LINES } from '../privacy/redaction.fixtures.ts';
import { anonymousSession, form } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { partlyGrantedDraft, setDay } from '../requests/request-helpers.ts';

const clock = new FakeClock('2025-10-20T02:00:00Z');

const t = useHttpFixture({ clock });

test('the applicant downloads the notice and the redacted file from /track', async () => {
  setDay(clock, '2025-10-20');
  const office = t.fx.actor('officer');
  const drafter = t.fx.actor('drafter');
  const { requestId, trackingCode, draft } = await partlyGrantedDraft(t.services, t.fx, { description: '征收补偿登记结果', explanation: '他人个人信息不予公开（第十五条）。' });
  const fileId = await t.services.replyFiles.upload(drafter, requestId, { filename: '登记结果.pdf', bytes: await chinesePdf([NOTICE_LINES]), replyItemId: draft.items[0].id });
  await t.services.replyFiles.redact(drafter, requestId, fileId, { texts: [{ text: ID_NUMBER }], reason: 'thirdPartyRights' });
  await t.services.requests.act(drafter, requestId, 'submitReply', { note: '请审核' });
  await t.services.requests.act(office, requestId, 'approve', { note: '' });
  await t.services.requests.act(office, requestId, 'deliver', { note: '' });

  const session = await anonymousSession(t.app);
  const page = await form(t.app, '/track', { code: trackingCode, phoneLast4: '6333' }, session);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /答复告知书/);
  assert.match(page.body, /已作区分处理/);
  const links = [...page.body.matchAll(/href="(\/track\/files\/[^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  const fileLink = links.find((l) => l.startsWith('/track/files/file.'));
  // The reply notice is listed first, above the other notices (the receipt).
  const pdfLink = links.find((l) => l.includes('/noticePdf.'));
  assert.ok(fileLink && pdfLink, 'links for the file and the notice');

  const file = await t.app.inject({ method: 'GET', url: fileLink });
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['cache-control'], 'no-store');
  assert.ok(!(await extractPdfText(file.rawPayload)).includes(ID_NUMBER), 'the redacted copy, not the original');
  const notice = await t.app.inject({ method: 'GET', url: pdfLink });
  assert.equal(notice.statusCode, 200);
  assert.equal(notice.headers['content-type'], 'application/pdf');
  const noticeText = (await extractPdfText(notice.rawPayload)).replace(/\s+/g, '');
  assert.match(noticeText, /公开〔2025〕2号/);
  assert.match(noticeText, /行政复议/);

  const forged = fileLink.replace(/\.[^.]+$/, `.${'A'.repeat(43)}`);
  assert.equal((await t.app.inject({ method: 'GET', url: forged })).statusCode, 404);
  assert.equal((await t.app.inject({ method: 'GET', url: '/track/files/nonsense' })).statusCode, 404);
  clock.advanceMs(24 * 3600 * 1000 + 1000);
  assert.equal((await t.app.inject({ method: 'GET', url: fileLink })).statusCode, 410);
});
