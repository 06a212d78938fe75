// The console side of screening: the confidentiality reviewer sees the findings on the record
// page and masks or keeps them with POST forms (CSRF), then approves; the lexicon page is the
// sysAdmin's. The published portal page carries only the masked values.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { advanceTo, createColumn, draftInput } from '../factories.ts';
import { form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('privacy screening in the console', () => {
  let columnId: string;

  const t = useHttpFixture({
    sessions: ['confidentialityReviewer', 'sysAdmin'],
    setup: async ({ services, fx }) => {
      columnId = (await createColumn(services, fx)).id;
    },
  });

  test('the reviewer masks and keeps findings from the record page, then approves', async () => {
    const draft = await t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, { bodyHtml: '<p>申请人：赵德明，手机13912345678。</p>' }));
    await advanceTo(t.services, t.fx, draft.id, 'confidentialityReview');
    const page = await get(t.app, `/console/items/${draft.id}`, t.as.confidentialityReviewer);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /个人信息与敏感词检查（2 处，待处理 2 处）/);
    const ids = [...page.body.matchAll(/action="\/console\/items\/[0-9A-Z]+\/findings\/([0-9A-Z]+)"/g)].map((m) => m[1]!);
    const [nameId, phoneId] = [...new Set(ids)];
    assert.ok(nameId && phoneId);

    const refused = await form(t.app, `/console/items/${draft.id}/act`, { verb: 'approve', opinion: '', basis: '' }, t.as.confidentialityReviewer);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /未处理/);

    const noCsrf = await form(t.app, `/console/items/${draft.id}/findings/${phoneId}`, { decision: 'masked' }, t.as.confidentialityReviewer, { csrf: false });
    assert.equal(noCsrf.statusCode, 403);
    const noReason = await form(t.app, `/console/items/${draft.id}/findings/${nameId}`, { decision: 'kept', reason: '' }, t.as.confidentialityReviewer);
    assert.equal(noReason.statusCode, 303);
    const shown = await get(t.app, String(noReason.headers.location).replace(/#.*$/, ''), t.as.confidentialityReviewer);
    assert.match(shown.body, /保留须说明理由/);

    assert.equal((await form(t.app, `/console/items/${draft.id}/findings/${nameId}`, { decision: 'masked' }, t.as.confidentialityReviewer)).statusCode, 303);
    assert.equal((await form(t.app, `/console/items/${draft.id}/findings/${phoneId}`, { decision: 'kept', reason: '单位公开电话' }, t.as.confidentialityReviewer)).statusCode, 303);
    const approved = await form(t.app, `/console/items/${draft.id}/act`, { verb: 'approve', opinion: '同意', basis: '' }, t.as.confidentialityReviewer);
    assert.equal(approved.statusCode, 303);
    await advanceTo(t.services, t.fx, draft.id, 'published');
    const portal = await t.app.inject({ method: 'GET', url: `/items/${draft.id}` });
    assert.equal(portal.statusCode, 200);
    assert.ok(!portal.body.includes('赵德明') && portal.body.includes('赵**'));
    assert.ok(portal.body.includes('13912345678'), 'kept with a reason');
    const published = await t.services.catalog.getPublished(draft.id);
    assert.equal(published?.bodyText, '申请人：赵**，手机13912345678。');
  });

  test('the lexicon page: only the sysAdmin, add and remove through forms', async () => {
    assert.equal((await get(t.app, '/console/lexicon', t.as.confidentialityReviewer)).statusCode, 403);
    const added = await form(t.app, '/console/lexicon', { word: '内部 资料', category: '涉密' }, t.as.sysAdmin);
    assert.equal(added.statusCode, 303);
    const list = await get(t.app, '/console/lexicon?done=added', t.as.sysAdmin);
    assert.match(list.body, /内部 资料/);
    const dup = await form(t.app, '/console/lexicon', { word: '内部资料', category: '涉密' }, t.as.sysAdmin);
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /已在词库中/);
    const id = /action="\/console\/lexicon\/([0-9A-Z]+)\/remove"/.exec(list.body)![1]!;
    assert.equal((await form(t.app, `/console/lexicon/${id}/remove`, {}, t.as.sysAdmin)).statusCode, 303);
    assert.doesNotMatch((await get(t.app, '/console/lexicon', t.as.sysAdmin)).body, /内部 资料/);
  });
});
