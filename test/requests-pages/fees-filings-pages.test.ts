// Console pages of fees, challenges and withholding filings over HTTP: the fee page (preview,
// notice form with errors that keep typed values, roles), the leader's waiver decision, the
// challenge form's errors, and a filing generated, opened and exported.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FakeClock } from '../../src/core/time/clock.ts';
import { form, get } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { online, setDay } from '../requests/request-helpers.ts';

describe('console fee, challenge and filing pages', () => {
  const clock = new FakeClock('2025-11-03T02:00:00Z');
  const ids: string[] = [];

  const t = useHttpFixture({
    sessions: ['officer', 'leader', 'drafter'],
    clock,
    // The sessions are signed in after setup, on the day of the test (sessions expire with the clock).
    setup: async ({ services, fx }) => {
      for (let n = 0; n < 11; n++) {
        clock.advanceMs(60_000);
        ids.push((await services.requests.apply(online(fx.agency.id), '127.0.0.1')).requestId);
      }
      setDay(clock, '2025-11-10');
      for (const id of [ids[10], ids[0]]) {
        await services.requests.act(fx.actor('officer'), id, 'accept', { note: '' });
        await services.requests.act(fx.actor('officer'), id, 'assign', { note: '', departmentIds: [fx.departments.planning.id] });
        await services.requests.act(fx.actor('drafter'), id, 'startDrafting', { note: '' });
      }
    },
  });

  test('the fee page shows the tier, previews, and sends the notice; errors keep what was typed', async () => {
    const url = `/console/requests/${ids[10]}/fee`;
    const page = await get(t.app, url, t.as.officer);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /本月第 11 件申请，每件 100 元/);
    assert.match(page.body, /发出收费通知/);
    assert.match((await get(t.app, `${url}?basis=perPage&pages=101`, t.as.officer)).body, /应收 720 元/);
    assert.equal((await get(t.app, url, t.as.drafter)).statusCode, 403);

    const bad = await form(t.app, `${url}/notice`, { paymentMethod: '银行转账至财政非税收入账户' }, t.as.officer);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /请选择收费方式/);
    assert.match(bad.body, /银行转账至财政非税收入账户/);

    const ok = await form(t.app, `${url}/notice`, { basis: 'perRequest', paymentMethod: '银行转账至财政非税收入账户' }, t.as.officer);
    assert.equal(ok.statusCode, 303);
    const after = await get(t.app, url, t.as.officer);
    assert.match(after.body, /缴费期限至 2025-12-08/);
    assert.match(after.body, /登记已缴费/);
    const record = await get(t.app, `/console/requests/${ids[10]}`, t.as.officer);
    assert.match(record.body, /待缴纳信息处理费（暂停计时）/);
    assert.doesNotMatch(record.body, /name="verb" value="recordPayment"/);
  });

  test('a leader decides a waiver the office proposed', async () => {
    const url = `/console/requests/${ids[0]}/fee`;
    assert.equal((await form(t.app, `${url}/waiver`, { reason: '' }, t.as.officer)).statusCode, 422);
    assert.equal((await form(t.app, `${url}/waiver`, { reason: '申请人系低保户' }, t.as.officer)).statusCode, 303);
    const page = await get(t.app, url, t.as.leader);
    assert.match(page.body, /减免决定/);
    const missing = await form(t.app, `${url}/waiver-decision`, { decisionReason: '属实' }, t.as.leader);
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /请选择同意减免或不予减免/);
    assert.equal((await form(t.app, `${url}/waiver-decision`, { approve: '1', decisionReason: '经核实属实' }, t.as.leader)).statusCode, 303);
    assert.match((await get(t.app, url, t.as.officer)).body, /已批准减免/);
  });

  test('the challenge form reports errors next to the fields', async () => {
    const url = `/console/requests/${ids[0]}/challenges`;
    assert.equal((await get(t.app, url, t.as.officer)).statusCode, 200);
    const res = await form(t.app, url, { kind: 'litigation', body: '章贡区人民法院', filedOn: '2025-11-10', result: 'pending' }, t.as.officer);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /行政诉讼请选择直接起诉或复议后起诉/);
    assert.match(res.body, /章贡区人民法院/);
    assert.equal((await get(t.app, '/console/challenges?year=2025', t.as.leader)).statusCode, 200);
  });

  test('a challenge is decided on its own request only', async () => {
    // A challenge needs a decision that ended the request: a withdrawal is one (otherHandling).
    await t.services.requests.act(t.fx.actor('officer'), ids[1], 'withdraw', { note: '申请人撤回' });
    const url = `/console/requests/${ids[1]}/challenges`;
    assert.equal((await form(t.app, url, { kind: 'reconsideration', body: '示例市人民政府', filedOn: '2025-11-10', result: 'pending' }, t.as.officer)).statusCode, 303);
    const [c] = await t.services.requests.challenges.listForRequest(t.fx.actor('officer'), ids[1]);
    const decision = { [`decidedOn-${c.id}`]: '2025-11-10', [`result-${c.id}`]: 'upheld', [`note-${c.id}`]: '' };
    const elsewhere = await form(t.app, `/console/requests/${ids[2]}/challenges/${c.id}/decide`, decision, t.as.officer);
    assert.equal(elsewhere.statusCode, 404);
    assert.equal((await form(t.app, `${url}/${c.id}/decide`, decision, t.as.officer)).statusCode, 303);
    const [decided] = await t.services.requests.challenges.listForRequest(t.fx.actor('officer'), ids[1]);
    assert.deepEqual([decided.result, decided.decidedOn], ['upheld', '2025-11-10']);
  });

  test('a filing is generated, shown and exported; the nav has it for officers', async () => {
    const home = await get(t.app, '/console', t.as.officer);
    assert.match(home.body, /href="\/console\/filings"/);
    const created = await form(t.app, '/console/filings', { year: '2025', quarter: '4' }, t.as.officer);
    assert.equal(created.statusCode, 303);
    const location = String(created.headers.location).split('?')[0];
    const page = await get(t.app, location, t.as.officer);
    assert.match(page.body, /赣州市自然资源局2025年第四季度不予公开政府信息备案表/);
    const xlsx = await get(t.app, `${location}/export.xlsx`, t.as.officer);
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const docx = await get(t.app, `${location}/export.docx`, t.as.officer);
    assert.equal(docx.statusCode, 200);
    assert.equal((await get(t.app, '/console/filings', t.as.drafter)).statusCode, 403);
    const bad = await form(t.app, '/console/filings', { year: '20', quarter: '4' }, t.as.officer);
    assert.equal(bad.statusCode, 422);
  });
});
