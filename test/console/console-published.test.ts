// Console pages for published items: the officer's revise and repeal forms, and the deadline
// explanation on the record page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('console: published items', () => {
  let itemId: string;

  const t = useHttpFixture({
    sessions: ['officer'],
    setup: async ({ services, fx }) => {
      const column = await services.catalog.createColumn(fx.actor('officer'), {
        parentId: null, code: 'notices', name: '通知公告', description: '', sortOrder: 1, updateIntervalDays: null, departmentIds: [],
      });
      const item = await services.catalog.createDraft(fx.actor('drafter'), {
        columnId: column.id, title: '关于开展耕地保护检查的通知', docNumber: '', issuers: ['赣州市自然资源局'], writtenOn: '2025-09-22', topic: '',
        summary: '', bodyHtml: '<p>通知正文</p>', disclosureMode: 'proactive', disclosureModeReason: '', scope: 'public', validity: 'inForce',
        isMajor: false, interpretsItemIds: [],
      });
      itemId = item.id;
      const steps = [['drafter', 'submit'], ['departmentHead', 'approve'], ['confidentialityReviewer', 'approve'], ['leader', 'approve'], ['officer', 'publish']] as const;
      for (const [who, verb] of steps) await services.review.act(fx.actor(who), itemId, verb, { opinion: '同意', basis: '' });
    },
  });

  test('the officer sees revise, repeal and takedown; a drafter sees none of them', async () => {
    const page = await get(t.app, `/console/items/${itemId}`, t.as.officer);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/console\/items\/[0-9A-Z]+\/revise">修订/);
    assert.match(page.body, /action="\/console\/items\/[0-9A-Z]+\/repeal"/);
    assert.match(page.body, /name="verb" value="takedown"/);
    const drafter = await t.signIn('drafter');
    const seen = await get(t.app, `/console/items/${itemId}`, drafter);
    assert.doesNotMatch(seen.body, /\/revise"|\/repeal"|value="takedown"/);
    assert.equal((await get(t.app, `/console/items/${itemId}/revise`, drafter)).statusCode, 403);
  });

  test('revising needs a reason and keeps the typed fields', async () => {
    const editor = await get(t.app, `/console/items/${itemId}/revise`, t.as.officer);
    assert.match(editor.body, /value="关于开展耕地保护检查的通知"/);
    const fields = { columnId: (await t.services.catalog.getForStaff(t.fx.actor('officer'), itemId)).columnId, title: '关于开展耕地保护检查的通知（修订）', disclosureMode: 'proactive', scope: 'public', validity: 'inForce', issuers: '赣州市自然资源局' };
    const missing = await form(t.app, `/console/items/${itemId}/revise`, { ...fields, reviseReason: '' }, t.as.officer);
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /href="#reviseReason">请填写修订原因/);
    assert.match(missing.body, /value="关于开展耕地保护检查的通知（修订）"/);
    const ok = await form(t.app, `/console/items/${itemId}/revise`, { ...fields, reviseReason: '更正标题' }, t.as.officer);
    assert.equal(ok.statusCode, 303);
    const item = await t.services.catalog.getForStaff(t.fx.actor('officer'), itemId);
    assert.equal(item.title, '关于开展耕地保护检查的通知（修订）');
    assert.equal(item.version, 2);
  });

  test('repeal: errors by the fields, then the repeal-notice deadline with its explanation', async () => {
    const bad = await form(t.app, `/console/items/${itemId}/repeal`, { repealedOn: '2025-13-01', reason: '' }, t.as.officer);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#repealedOn">/);
    assert.match(bad.body, /href="#reason">请填写废止原因/);
    const ok = await form(t.app, `/console/items/${itemId}/repeal`, { repealedOn: '2025-09-26', reason: '上位法修订' }, t.as.officer);
    assert.equal(ok.statusCode, 303);
    const page = await get(t.app, String(ok.headers.location), t.as.officer);
    assert.match(page.body, /已废止；废止说明须在 10 个工作日内公开/);
    assert.match(page.body, /废止说明公开期限/);
    // 2025-09-26 + 10 working days, over the National Day holiday and the 10-11 adjusted workday.
    assert.match(page.body, /废止日期 2025-09-26；10 个工作日；其间节假日 2025-10-01\.\.08/);
    assert.doesNotMatch(page.body, /action="\/console\/items\/[0-9A-Z]+\/repeal"/);
  });
});
