// The console side of screening: the confidentiality reviewer sees the findings on the record
// page and masks or keeps them with POST forms (CSRF), then approves; the lexicon page is the
// sysAdmin's. The published portal page carries only the masked values.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { advanceTo, createColumn, createFixture, draftInput, type Fixture } from '../factories.ts';
import { form, get, loginAs, type TestSession } from '../helpers/http.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

describe('privacy screening in the console', () => {
  let s: TestServices;
  let app: FastifyInstance;
  let fx: Fixture;
  let reviewer: TestSession;
  let admin: TestSession;
  let columnId: string;

  before(async () => {
    s = await createTestServices();
    fx = await createFixture(s);
    app = await buildApp(s);
    columnId = (await createColumn(s, fx)).id;
    reviewer = await loginAs(app, fx.users.confidentialityReviewer.username, fx.password);
    admin = await loginAs(app, fx.users.sysAdmin.username, fx.password);
  });
  after(async () => {
    await app.close();
    await s.cleanup();
  });

  test('the reviewer masks and keeps findings from the record page, then approves', async () => {
    const draft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(columnId, { bodyHtml: '<p>申请人：赵德明，手机13912345678。</p>' }));
    await advanceTo(s, fx, draft.id, 'confidentialityReview');
    const page = await get(app, `/console/items/${draft.id}`, reviewer);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /个人信息与敏感词检查（2 处，待处理 2 处）/);
    const ids = [...page.body.matchAll(/action="\/console\/items\/[0-9A-Z]+\/findings\/([0-9A-Z]+)"/g)].map((m) => m[1]!);
    const [nameId, phoneId] = [...new Set(ids)];
    assert.ok(nameId && phoneId);

    const refused = await form(app, `/console/items/${draft.id}/act`, { verb: 'approve', opinion: '', basis: '' }, reviewer);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /未处理/);

    const noCsrf = await form(app, `/console/items/${draft.id}/findings/${phoneId}`, { decision: 'masked' }, reviewer, { csrf: false });
    assert.equal(noCsrf.statusCode, 403);
    const noReason = await form(app, `/console/items/${draft.id}/findings/${nameId}`, { decision: 'kept', reason: '' }, reviewer);
    assert.equal(noReason.statusCode, 303);
    const shown = await get(app, String(noReason.headers.location).replace(/#.*$/, ''), reviewer);
    assert.match(shown.body, /保留须说明理由/);

    assert.equal((await form(app, `/console/items/${draft.id}/findings/${nameId}`, { decision: 'masked' }, reviewer)).statusCode, 303);
    assert.equal((await form(app, `/console/items/${draft.id}/findings/${phoneId}`, { decision: 'kept', reason: '单位公开电话' }, reviewer)).statusCode, 303);
    const approved = await form(app, `/console/items/${draft.id}/act`, { verb: 'approve', opinion: '同意', basis: '' }, reviewer);
    assert.equal(approved.statusCode, 303);
    await advanceTo(s, fx, draft.id, 'published');
    const portal = await app.inject({ method: 'GET', url: `/items/${draft.id}` });
    assert.equal(portal.statusCode, 200);
    assert.ok(!portal.body.includes('赵德明') && portal.body.includes('赵**'));
    assert.ok(portal.body.includes('13912345678'), 'kept with a reason');
    const published = await s.catalog.getPublished(draft.id);
    assert.equal(published?.bodyText, '申请人：赵**，手机13912345678。');
  });

  test('the lexicon page: only the sysAdmin, add and remove through forms', async () => {
    assert.equal((await get(app, '/console/lexicon', reviewer)).statusCode, 403);
    const added = await form(app, '/console/lexicon', { word: '内部 资料', category: '涉密' }, admin);
    assert.equal(added.statusCode, 303);
    const list = await get(app, '/console/lexicon?done=added', admin);
    assert.match(list.body, /内部 资料/);
    const dup = await form(app, '/console/lexicon', { word: '内部资料', category: '涉密' }, admin);
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /已在词库中/);
    const id = /action="\/console\/lexicon\/([0-9A-Z]+)\/remove"/.exec(list.body)![1]!;
    assert.equal((await form(app, `/console/lexicon/${id}/remove`, {}, admin)).statusCode, 303);
    assert.doesNotMatch((await get(app, '/console/lexicon', admin)).body, /内部 资料/);
  });
});
