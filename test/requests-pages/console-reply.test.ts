// The console reply page over HTTP: the department drafts items without JavaScript (add a row,
// errors keep what was typed), submits; the office sees the reported outcome and each item's
// basis, approves, and the notice number and its downloads appear.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { createFixture, type Fixture } from '../factories.ts';
import { form, get, loginAs, type TestSession } from '../helpers/http.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';
import { online } from '../requests/request-helpers.ts';

describe('console reply page', () => {
  let services: TestServices;
  let app: FastifyInstance;
  let fx: Fixture;
  let officer: TestSession;
  let drafter: TestSession;

  before(async () => {
    services = await createTestServices();
    app = await buildApp(services);
    fx = await createFixture(services);
    officer = await loginAs(app, fx.users.officer.username, fx.password);
    drafter = await loginAs(app, fx.users.drafter.username, fx.password);
  });
  after(async () => {
    await app.close();
    await services.cleanup();
  });

  async function drafting(): Promise<string> {
    const { requestId } = await services.requests.apply(online(fx.agency.id), '127.0.0.1');
    await services.requests.act(fx.actor('officer'), requestId, 'accept', { note: '' });
    await services.requests.act(fx.actor('officer'), requestId, 'assign', { note: '', departmentIds: [fx.departments.planning.id] });
    await services.requests.act(fx.actor('drafter'), requestId, 'startDrafting', { note: '' });
    return requestId;
  }

  test('draft, add a row, fix an error with the values kept, submit and approve', async () => {
    const id = await drafting();
    const url = `/console/requests/${id}/reply`;
    const page = await get(app, url, drafter);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="items\.0\.description"/);
    assert.ok(!page.body.includes('name="items.1.description"'));

    const first = { rows: '1', opinion: '经审查，答复如下。', 'items.0.description': '征收补偿安置方案', 'items.0.replyType': 'disclosed', 'items.0.decision': '' };
    const added = await form(app, url, { ...first, action: 'add' }, drafter);
    assert.equal(added.statusCode, 200);
    assert.match(added.body, /name="items\.1\.description"/);
    assert.match(added.body, /value="征收补偿安置方案"/);

    const second = { ...first, rows: '2', 'items.1.description': '征地会议纪要', 'items.1.replyType': 'notDisclosed', 'items.1.decision': '', 'items.1.explanation': '' };
    const failed = await form(app, url, { ...second, action: 'save' }, drafter);
    assert.equal(failed.statusCode, 422);
    assert.match(failed.body, /第 2 项：请选择不予公开的理由/);
    assert.match(failed.body, /value="征地会议纪要"/);
    assert.match(failed.body, /经审查，答复如下。/);
    assert.match(failed.body, /href="#items\.1\.decision"/);

    const fixed = { ...second, 'items.1.decision': 'refused:processInformation', 'items.1.explanation': '属于内部讨论记录' };
    const saved = await form(app, url, { ...fixed, action: 'save' }, drafter);
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `${url}?done=saved`);

    const submit = await form(app, `${url}/act`, { verb: 'submitReply', 'note-submitReply': '请审核' }, drafter);
    assert.equal(submit.statusCode, 303);

    const review = await get(app, url, officer);
    assert.match(review.body, /部分公开/);
    assert.match(review.body, /（二）部分公开/);
    assert.match(review.body, /第三十六条第（三）项/);
    assert.match(review.body, /action-approve/);
    const approved = await form(app, `${url}/act`, { verb: 'approve', 'note-approve': '' }, officer);
    assert.equal(approved.statusCode, 303);
    const done = await get(app, `${url}?done=approve`, officer);
    assert.match(done.body, /公开〔2025〕[1-9]\d*号/);
    assert.match(done.body, /href="\/console\/notices\/[0-9A-Z]+\.pdf"/);
    assert.ok(!done.body.includes('name="items.0.description"'), 'an approved reply is read-only');
  });

  test('approving without a draft shows the error on the page', async () => {
    const id = await drafting();
    const res = await form(app, `/console/requests/${id}/reply/act`, { verb: 'submitReply', 'note-submitReply': '请审核' }, drafter);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /答复至少要包括一项信息/);
    assert.match(res.body, /请审核/);
  });
});

describe('record corrections at intake (第四十一条)', () => {
  let services: TestServices;
  let app: FastifyInstance;
  let fx: Fixture;
  let officer: TestSession;

  before(async () => {
    services = await createTestServices();
    app = await buildApp(services);
    fx = await createFixture(services);
    officer = await loginAs(app, fx.users.officer.username, fx.password);
  });
  after(async () => {
    await app.close();
    await services.cleanup();
  });

  test('the register form offers the choice and the request keeps its kind', async () => {
    const page = await get(app, '/console/requests/new', officer);
    assert.match(page.body, /更正本人相关政府信息记录（第四十一条）/);
    const a = online(fx.agency.id);
    const res = await form(app, '/console/requests/new', {
      channel: 'counter', receivedOn: '2025-09-26', kind: 'recordCorrection', applicantType: a.applicantType, applicantName: a.applicantName,
      idType: a.idType, idNumber: a.idNumber, phone: a.phone, email: a.email, address: a.address, postcode: a.postcode,
      infoDescription: '本人宅基地使用权登记信息中的面积记载有误，请予以更正。', deliveryMethod: 'paper',
    }, officer);
    assert.equal(res.statusCode, 303, res.body.match(/class="error-summary"[\s\S]{0,400}/)?.[0]);
    const id = decodeURIComponent(String(res.headers.location).split('/')[3].split('?')[0]);
    assert.equal((await services.requests.get(fx.actor('officer'), id)).kind, 'recordCorrection');
  });
});
