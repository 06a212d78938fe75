// Console /console/messages over HTTP: the inbox with the 3-month date, routing, the department's
// draft, the office's approval and invalid marking, with only the allowed actions shown; another
// department's message is 404 until published (its existence is private) and 403 after.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('console 在线咨询和局长信箱', () => {
  let n = 0;

  const t = useHttpFixture({ sessions: ['officer', 'drafter', 'confidentialityReviewer'], otherSessions: ['officer'] });

  async function message(subject: string) {
    const r = await t.services.participation.submit({
      agencyId: t.fx.agency.id, idempotencyKey: `console-key-${++n}-abcdef`, kind: 'mailbox', askerName: '赵六', phone: '13700002222', email: '',
      subject, content: '建议在村口设置土地利用规划公示栏，方便群众查看。', consentToPublish: true,
    }, '10.0.0.9');
    return (await t.services.database.db.selectFrom('messages').select('id').where('trackingCode', '=', r.trackingCode).executeTakeFirstOrThrow()).id;
  }

  test('route, draft and approve through the forms', async () => {
    const id = await message('规划公示栏建议');
    const inbox = await get(t.app, '/console/messages', t.as.officer);
    assert.equal(inbox.statusCode, 200);
    assert.match(inbox.body, /规划公示栏建议/);
    assert.match(inbox.body, /2025-12-25/, 'the 3-month date is shown');
    assert.match(inbox.body, /未答复的有效留言 1 条/);
    const page = await get(t.app, `/console/messages/${id}`, t.as.officer);
    assert.match(page.body, /137\*\*\*\*2222/);
    assert.doesNotMatch(page.body, /13700002222/);
    assert.equal((await get(t.app, `/console/messages/${id}`, t.as.drafter)).statusCode, 404, 'not yet routed to the department');

    assert.equal((await form(t.app, `/console/messages/${id}/route`, { departmentId: t.fx.departments.planning.id }, t.as.officer)).statusCode, 303);
    const record = await get(t.app, `/console/messages/${id}`, t.as.drafter);
    assert.equal(record.statusCode, 200);
    assert.doesNotMatch(record.body, /审核通过并答复/);
    const empty = await form(t.app, `/console/messages/${id}/draft`, { answer: '' }, t.as.drafter);
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /请填写答复内容/);
    assert.equal((await form(t.app, `/console/messages/${id}/draft`, { answer: '感谢建议，已安排设置公示栏。' }, t.as.drafter)).statusCode, 303);
    assert.equal((await form(t.app, `/console/messages/${id}/approve`, {}, t.as.drafter)).statusCode, 403);
    assert.equal((await form(t.app, `/console/messages/${id}/approve`, {}, t.as.officer)).statusCode, 303);
    const done = await t.services.participation.get(t.fx.actor('officer'), id);
    assert.equal(done.status, 'answered');
    assert.equal(done.published, 1);
    const actions = await t.services.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', id).orderBy('seq').execute();
    assert.deepEqual(actions.map((a) => a.action), ['message.submit', 'message.route', 'message.draft', 'message.approve']);
  });

  test("another department's message: 404 while unpublished, 403 once published; another agency's always 404", async () => {
    const id = await message('耕地保护宣传建议');
    const url = `/console/messages/${id}`;
    assert.equal((await form(t.app, `${url}/route`, { departmentId: t.fx.departments.farmland.id }, t.as.officer)).statusCode, 303);
    // The planning department's drafter: the message is routed to the farmland department.
    assert.equal((await get(t.app, url, t.as.drafter)).statusCode, 404, 'an unpublished letter is not disclosed');
    assert.equal((await form(t.app, `${url}/draft`, { answer: '答复' }, t.as.drafter)).statusCode, 404);
    assert.equal((await get(t.app, url, t.as.confidentialityReviewer)).statusCode, 403, 'a role that reads no messages');

    await t.services.participation.draft(t.fx.actor('officer'), id, { answer: '感谢建议，已纳入宣传计划。' });
    await t.services.participation.approve(t.fx.actor('officer'), id);
    assert.equal((await t.services.participation.get(t.fx.actor('officer'), id)).published, 1);
    const refused = await get(t.app, url, t.as.drafter);
    assert.equal(refused.statusCode, 403, 'a published message exists publicly, but is not this department\'s');
    assert.doesNotMatch(refused.body, /耕地保护宣传建议|赵六/);
    await assert.rejects(t.services.participation.get(t.fx.actor('drafter'), id), { status: 403 });
    assert.equal((await get(t.app, url, t.asOther.officer)).statusCode, 404, "another agency's message is missing");
    await assert.rejects(t.services.participation.get(t.fx.otherActor('officer'), id), { status: 404 });
    assert.equal((await get(t.app, url, t.as.officer)).statusCode, 200);
  });

  test('mark invalid needs a reason and is shown with it', async () => {
    const id = await message('广告信息');
    const res = await form(t.app, `/console/messages/${id}/invalid`, { reason: '' }, t.as.officer);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：/);
    assert.equal((await form(t.app, `/console/messages/${id}/invalid`, { reason: '商业广告' }, t.as.officer)).statusCode, 303);
    const list = await get(t.app, '/console/messages?status=invalid', t.as.officer);
    assert.match(list.body, /广告信息/);
  });
});
