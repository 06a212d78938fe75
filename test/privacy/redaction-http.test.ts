// The redaction console pages without JavaScript: an area typed by coordinates is added and
// logged; bad coordinates come back as field errors with the input kept; a drafter sees the
// workspace without forms and cannot post; page images are PNG.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { advanceTo, createColumn, draftInput } from '../factories.ts';
import { form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { chinesePdf, NOTICE_LINES } from './redaction.fixtures.ts';

describe('redaction console pages', () => {
  let url: string;

  const t = useHttpFixture({
    sessions: ['confidentialityReviewer', 'drafter'],
    setup: async ({ services, fx }) => {
      const column = await createColumn(services, fx, '征地信息');
      const draft = await services.catalog.createDraft(fx.actor('drafter'), draftInput(column.id));
      const att = await services.catalog.addAttachment(fx.actor('drafter'), draft.id, { filename: '登记表.pdf', bytes: await chinesePdf([NOTICE_LINES]) });
      await advanceTo(services, fx, draft.id, 'confidentialityReview');
      url = `/console/items/${draft.id}/attachments/${att.id}`;
    },
  });

  test('an area by coordinates is added and shown in the log with its ground', async () => {
    const res = await form(t.app, `${url}/redact/areas`, { page: '1', x: '72', y: '60', width: '300', height: '20', reason: 'processInformation' }, t.as.confidentialityReviewer);
    assert.equal(res.statusCode, 303, res.body);
    const page = await get(t.app, `${url}/redact`, t.as.confidentialityReviewer);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('属于过程性信息') && page.body.includes('(72, 60)–(372, 80)'), page.body);
    const log = await get(t.app, `/console/items/${url.split('/')[3]}/redactions`, t.as.confidentialityReviewer);
    assert.ok(log.body.includes('属于过程性信息'));
  });

  test('bad coordinates are field errors and the typed values stay', async () => {
    const res = await form(t.app, `${url}/redact/areas`, { page: '1', x: '72', y: 'abc', width: '0', height: '20', reason: 'thirdPartyRights' }, t.as.confidentialityReviewer);
    assert.equal(res.statusCode, 422);
    assert.ok(res.body.includes('上边距 y') && res.body.includes('value="72"'), res.body);
  });

  test('a drafter sees no forms and may not add areas; page images are PNG', async () => {
    const page = await get(t.app, `${url}/redact`, t.as.drafter);
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes('/redact/areas"') && !page.body.includes('>应用删除</button>'));
    const res = await form(t.app, `${url}/redact/areas`, { page: '1', x: '1', y: '1', width: '10', height: '10', reason: 'thirdPartyRights' }, t.as.drafter);
    assert.equal(res.statusCode, 403);
    const png = await get(t.app, `${url}/pages/1.png`, t.as.drafter);
    assert.equal(png.headers['content-type'], 'image/png');
    assert.equal(png.rawPayload.subarray(1, 4).toString('latin1'), 'PNG');
  });
});
