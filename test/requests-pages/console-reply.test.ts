// The console reply page over HTTP: the department drafts items without JavaScript (add a row,
// errors keep what was typed), submits; the office sees the reported outcome and each item's
// basis, approves, and the notice number and its downloads appear.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { online } from '../requests/request-helpers.ts';

describe('console reply page', () => {
  const t = useHttpFixture({ sessions: ['officer', 'drafter'] });

  async function drafting(): Promise<string> {
    const { requestId } = await t.services.requests.apply(online(t.fx.agency.id), '127.0.0.1');
    await t.services.requests.act(t.fx.actor('officer'), requestId, 'accept', { note: '' });
    await t.services.requests.act(t.fx.actor('officer'), requestId, 'assign', { note: '', departmentIds: [t.fx.departments.planning.id] });
    await t.services.requests.act(t.fx.actor('drafter'), requestId, 'startDrafting', { note: '' });
    return requestId;
  }

  test('draft, add a row, fix an error with the values kept, submit and approve', async () => {
    const id = await drafting();
    const url = `/console/requests/${id}/reply`;
    const page = await get(t.app, url, t.as.drafter);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="items\.0\.description"/);
    assert.ok(!page.body.includes('name="items.1.description"'));

    const first = { rows: '1', opinion: '经审查，答复如下。', 'items.0.description': '征收补偿安置方案', 'items.0.replyType': 'disclosed', 'items.0.decision': '' };
    const added = await form(t.app, url, { ...first, action: 'add' }, t.as.drafter);
    assert.equal(added.statusCode, 200);
    assert.match(added.body, /name="items\.1\.description"/);
    assert.match(added.body, /value="征收补偿安置方案"/);

    const second = { ...first, rows: '2', 'items.1.description': '征地会议纪要', 'items.1.replyType': 'notDisclosed', 'items.1.decision': '', 'items.1.explanation': '' };
    const failed = await form(t.app, url, { ...second, action: 'save' }, t.as.drafter);
    assert.equal(failed.statusCode, 422);
    assert.match(failed.body, /第 2 项：请选择不予公开的理由/);
    assert.match(failed.body, /value="征地会议纪要"/);
    assert.match(failed.body, /经审查，答复如下。/);
    assert.match(failed.body, /href="#items\.1\.decision"/);

    const fixed = { ...second, 'items.1.decision': 'refused:processInformation', 'items.1.explanation': '属于内部讨论记录' };
    const saved = await form(t.app, url, { ...fixed, action: 'save' }, t.as.drafter);
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${url}?done=saved`);

    const submit = await form(t.app, `${url}/act`, { verb: 'submitReply', 'note-submitReply': '请审核' }, t.as.drafter);
    assert.equal(submit.statusCode, 303);

    const review = await get(t.app, url, t.as.officer);
    assert.match(review.body, /部分公开/);
    assert.match(review.body, /（二）部分公开/);
    assert.match(review.body, /第三十六条第（三）项/);
    assert.match(review.body, /action-approve/);
    const approved = await form(t.app, `${url}/act`, { verb: 'approve', 'note-approve': '' }, t.as.officer);
    assert.equal(approved.statusCode, 303);
    const done = await get(t.app, `${url}?done=approve`, t.as.officer);
    assert.match(done.body, /公开〔2025〕[1-9]\d*号/);
    assert.match(done.body, /href="\/console\/notices\/[0-9A-Z]+\.pdf"/);
    assert.ok(!done.body.includes('name="items.0.description"'), 'an approved reply is read-only');
  });

  test('approving without a draft shows the error on the page', async () => {
    const id = await drafting();
    const res = await form(t.app, `/console/requests/${id}/reply/act`, { verb: 'submitReply', 'note-submitReply': '请审核' }, t.as.drafter);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /答复至少要包括一项信息/);
    assert.match(res.body, /请审核/);
  });
});

describe('record corrections at intake (第四十一条)', () => {
  const t = useHttpFixture({ sessions: ['officer'] });

  test('the register form offers the choice and the request keeps its kind', async () => {
    const page = await get(t.app, '/console/requests/new', t.as.officer);
    assert.match(page.body, /更正本人相关政府信息记录（第四十一条）/);
    const a = online(t.fx.agency.id);
    const res = await form(t.app, '/console/requests/new', {
      channel: 'counter', receivedOn: '2025-09-26', kind: 'recordCorrection', applicantType: a.applicantType, applicantName: a.applicantName,
      idType: a.idType, idNumber: a.idNumber, phone: a.phone, email: a.email, address: a.address, postcode: a.postcode,
      infoDescription: '本人宅基地使用权登记信息中的面积记载有误，请予以更正。', deliveryMethod: 'paper',
    }, t.as.officer);
    assert.equal(res.statusCode, 303, res.body.match(/class="error-summary"[\s\S]{0,400}/)?.[0]);
    const id = decodeURIComponent(String(res.headers.location).split('/')[3].split('?')[0]);
    assert.equal((await t.services.requests.get(t.fx.actor('officer'), id)).kind, 'recordCorrection');
  });
});
