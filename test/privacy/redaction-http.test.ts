// The redaction console pages without JavaScript: an area typed by coordinates is added and
// logged; bad coordinates come back as field errors with the input kept; a drafter sees the
// workspace without forms and cannot post; page images are PNG; the item's record page says, per
// attachment, whether the portal serves a redacted copy and whether areas wait to be applied.
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

  test('the record page tells, per attachment, whether the portal serves the redacted copy', async () => {
    const column = await createColumn(t.services, t.fx, '征地信息二');
    const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(column.id, { title: '补偿登记结果公告' }));
    const redacted = await t.services.catalog.addAttachment(t.fx.actor('drafter'), draft.id, { filename: '登记表.pdf', bytes: await chinesePdf([NOTICE_LINES]) });
    const plain = await t.services.catalog.addAttachment(t.fx.actor('drafter'), draft.id, { filename: '说明.pdf', bytes: await chinesePdf([['补偿标准说明']]) });
    await advanceTo(t.services, t.fx, draft.id, 'confidentialityReview');
    const base = `/console/items/${draft.id}/attachments/${redacted.id}/redact`;
    const li = async (attachmentId: string) => {
      const page = await get(t.app, `/console/items/${draft.id}`, t.as.drafter);
      assert.equal(page.statusCode, 200);
      const m = new RegExp(`<li><a href="/console/attachments/${attachmentId}">.*?</li>`).exec(page.body);
      assert.ok(m, page.body);
      return m[0];
    };
    const COPY = '已删除处理，公开的是处理后的副本';

    assert.doesNotMatch(await li(redacted.id), new RegExp(COPY));
    assert.match(await li(redacted.id), new RegExp(`<a href="${base}">删除处理</a>`));

    const area = { page: '1', x: '72', y: '60', width: '300', height: '20', reason: 'thirdPartyRights' };
    assert.equal((await form(t.app, `${base}/areas`, area, t.as.confidentialityReviewer)).statusCode, 303);
    const marked = await li(redacted.id);
    assert.doesNotMatch(marked, new RegExp(COPY));
    assert.match(marked, /1 处删除区域待应用，应用前公开的是原件/);

    assert.equal((await form(t.app, `${base}/apply`, {}, t.as.confidentialityReviewer)).statusCode, 303);
    const applied = await li(redacted.id);
    assert.match(applied, new RegExp(COPY));
    assert.match(applied, /（1 处，王保密 于 [^）]+ 应用）/);
    assert.match(applied, new RegExp(`<a href="${base}">查看删除处理</a>`));
    assert.doesNotMatch(applied, /待应用/);
    // The other attachment is untouched: the portal will serve its original.
    assert.doesNotMatch(await li(plain.id), new RegExp(COPY));

    assert.equal((await form(t.app, `${base}/areas`, { ...area, y: '100' }, t.as.confidentialityReviewer)).statusCode, 303);
    const again = await li(redacted.id);
    assert.match(again, new RegExp(COPY));
    assert.match(again, /1 处删除区域待应用，应用后更新公开副本/);

    // The service answers the work roles only (三员分立: the administrators read no items).
    const states = await t.services.redaction.attachmentStates(t.fx.actor('leader'), draft.id);
    assert.equal(states[redacted.id]?.copy?.areaCount, 1);
    assert.deepEqual(states[plain.id], { copy: null, pendingAreas: 0 });
    await assert.rejects(t.services.redaction.attachmentStates(t.fx.actor('sysAdmin'), draft.id), { status: 403 });
    await assert.rejects(t.services.redaction.attachmentStates(t.fx.otherActor('leader'), draft.id), { status: 404 });
  });
});
