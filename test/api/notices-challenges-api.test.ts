// The staff JSON API of a request's notices and of challenges (行政复议 / 行政诉讼): shapes, the
// masked addressee in lists, role refusal before the body is read, another agency's records 404,
// and the OpenAPI document describing every new endpoint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemActor } from '../../src/core/audit/audit.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { online } from '../requests/request-helpers.ts';
import { getJson, postJson, repliedRequest } from './api-helpers.ts';

let requestId = '';
let trackingCode = '';
let unanswered = '';

const t = useHttpFixture({
  clock: new FakeClock('2026-07-06T02:00:00Z'),
  sessions: ['officer', 'leader', 'drafter', 'sysAdmin'],
  otherSessions: ['officer'],
  setup: async ({ services, fx, clock }) => {
    ({ requestId, trackingCode } = await repliedRequest(services, fx, clock, '2026-07-08', '李四'));
    unanswered = (await services.requests.apply(online(fx.agency.id), '203.0.113.9')).requestId;
    clock.set('2026-10-12T02:00:00Z');
  },
});

describe('GET /api/v1/staff/requests/:id/notices and /api/v1/staff/notices/:id', () => {
  test('lists the request\'s notices with masked addressee and download URLs; one notice carries its text', async () => {
    const res = await getJson(t.app, `/api/v1/staff/requests/${requestId}/notices`, t.as.officer);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as { id: string; kind: string; kindLabel: string; number: string; recipientMasked: string; pdfUrl: string; docxUrl: string; requestId: string }[];
    assert.ok(items.length >= 1);
    const reply = items.find((n) => n.kind === 'reply.refused');
    assert.ok(reply, `no reply notice among ${items.map((n) => n.kind).join(', ')}`);
    assert.equal(reply.requestId, requestId);
    assert.equal(reply.recipientMasked, '李*');
    assert.match(reply.number, /公开〔2026〕\d+号$/);
    assert.ok(!res.body.includes('李四'), 'a list never carries the full name');
    assert.equal(reply.docxUrl, `/console/notices/${reply.id}.docx`);
    const docx = await getJson(t.app, reply.docxUrl, t.as.officer);
    assert.equal(docx.statusCode, 200);
    assert.equal(docx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');

    const one = await getJson(t.app, `/api/v1/staff/notices/${reply.id}`, t.as.officer);
    assert.equal(one.statusCode, 200, one.body);
    assert.equal(one.json().recipient, '李四');
    assert.equal(one.json().number, reply.number);
    assert.match(one.json().body, /国土空间规划涉密图件/);
    // A notice is read by those who may read its request (notices.policy): not by the administrators of 三员分立.
    assert.equal((await getJson(t.app, `/api/v1/staff/notices/${reply.id}`, t.as.sysAdmin)).statusCode, 403);
  });

  test('a drafter outside the handling department is refused the request\'s notices; another agency gets 404; anonymous 401', async () => {
    const other = await getJson(t.app, `/api/v1/staff/requests/${requestId}/notices`, t.asOther.officer);
    assert.equal(other.statusCode, 404);
    const items = (await getJson(t.app, `/api/v1/staff/requests/${requestId}/notices`, t.as.officer)).json().items as { id: string }[];
    assert.equal((await getJson(t.app, `/api/v1/staff/notices/${items[0].id}`, t.asOther.officer)).statusCode, 404);
    assert.equal((await getJson(t.app, `/api/v1/staff/requests/${unanswered}/notices`, t.as.drafter)).statusCode, 403);
    // Each notice of that request too, as its download on the console.
    const receipt = await t.services.database.db.transaction().execute((trx) => t.services.notices.issue(trx, systemActor('测试'), {
      agencyId: t.fx.agency.id, requestId: unanswered, kind: 'receipt', recipient: '张三',
      values: { applicantName: '张三', trackingCode: 'GK2026-0009', receivedOn: '2026-10-12', infoDescription: '征收补偿方案', replyDueOn: '2026-11-09' },
    }));
    assert.equal((await getJson(t.app, `/api/v1/staff/notices/${receipt.id}`, t.as.officer)).statusCode, 200);
    assert.equal((await getJson(t.app, `/api/v1/staff/notices/${receipt.id}`, t.as.drafter)).statusCode, 403);
    assert.equal((await getJson(t.app, `/console/notices/${receipt.id}.docx`, t.as.drafter)).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/staff/notices/${items[0].id}` })).statusCode, 401);
    assert.equal((await getJson(t.app, '/api/v1/staff/notices/01JZZZZZZZZZZZZZZZZZZZZZZZ', t.as.officer)).statusCode, 404);
  });
});

describe('challenges: record, list, decide', () => {
  const challenge = { kind: 'reconsideration', body: '赣州市人民政府', filedOn: '2026-09-01', result: 'pending', caseNumber: '', note: '' };

  test('the office records a reconsideration; the request and the agency list it; the leader reads it', async () => {
    const created = await postJson(t.app, `/api/v1/staff/requests/${requestId}/challenges`, t.as.officer, challenge);
    assert.equal(created.statusCode, 201, created.body);
    const c = created.json();
    assert.deepEqual([c.requestId, c.trackingCode, c.kind, c.kindLabel, c.result, c.resultLabel, c.decidedOn, c.litigationPath], [requestId, trackingCode, 'reconsideration', '行政复议', 'pending', '尚未审结', null, null]);
    const list = await getJson(t.app, `/api/v1/staff/requests/${requestId}/challenges`, t.as.leader);
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(list.json().items.map((x: { id: string }) => x.id), [c.id]);
    assert.deepEqual((await getJson(t.app, '/api/v1/staff/challenges?year=2026', t.as.officer)).json().items.map((x: { id: string }) => x.id), [c.id]);
    assert.deepEqual((await getJson(t.app, '/api/v1/staff/challenges?year=2025', t.as.officer)).json().items, []);
    assert.equal((await getJson(t.app, '/api/v1/staff/challenges?year=abc', t.as.officer)).statusCode, 422);
  });

  test('the decision is recorded against the request\'s own challenge; cross-field rules answer 422 by field', async () => {
    const [c] = (await getJson(t.app, `/api/v1/staff/requests/${requestId}/challenges`, t.as.officer)).json().items as { id: string }[];
    const url = `/api/v1/staff/requests/${requestId}/challenges/${c.id}/decision`;
    const inconsistent = await postJson(t.app, url, t.as.officer, { decidedOn: '2026-10-09', result: 'pending' });
    assert.equal(inconsistent.statusCode, 422);
    assert.deepEqual(inconsistent.json().error.fields.map((f: { field: string }) => f.field), ['body.result']);
    const decided = await postJson(t.app, url, t.as.officer, { decidedOn: '2026-10-09', result: 'upheld', caseNumber: '赣府复〔2026〕8号', note: '维持' });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.deepEqual([decided.json().result, decided.json().decidedOn, decided.json().caseNumber], ['upheld', '2026-10-09', '赣府复〔2026〕8号']);
    // The challenge named under another request of the agency is not found there.
    const wrongRequest = await postJson(t.app, `/api/v1/staff/requests/${unanswered}/challenges/${c.id}/decision`, t.as.officer, { decidedOn: '2026-10-09', result: 'upheld' });
    assert.equal(wrongRequest.statusCode, 404);
    const audit = await t.services.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', c.id).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['request.challenge.decide', 'request.challenge.record']);
  });

  test('refusals: a leader or drafter may not record (403 whatever the body), another agency 404, an unanswered request 409', async () => {
    for (const body of [{}, challenge]) {
      assert.equal((await postJson(t.app, `/api/v1/staff/requests/${requestId}/challenges`, t.as.leader, body)).statusCode, 403);
      assert.equal((await postJson(t.app, `/api/v1/staff/requests/${requestId}/challenges`, t.as.drafter, body)).statusCode, 403);
      assert.equal((await postJson(t.app, `/api/v1/staff/requests/${requestId}/challenges`, t.asOther.officer, body)).statusCode, 404);
    }
    assert.equal((await getJson(t.app, `/api/v1/staff/requests/${requestId}/challenges`, t.as.drafter)).statusCode, 403);
    assert.equal((await getJson(t.app, `/api/v1/staff/requests/${requestId}/challenges`, t.asOther.officer)).statusCode, 404);
    assert.deepEqual((await getJson(t.app, '/api/v1/staff/challenges', t.asOther.officer)).json().items, []);
    const early = await postJson(t.app, `/api/v1/staff/requests/${unanswered}/challenges`, t.as.officer, challenge);
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, 'REQUEST_NOT_ANSWERED');
    const invalid = await postJson(t.app, `/api/v1/staff/requests/${requestId}/challenges`, t.as.officer, { ...challenge, kind: 'litigation' });
    assert.equal(invalid.statusCode, 422);
    assert.deepEqual(invalid.json().error.fields.map((f: { field: string }) => f.field), ['body.litigationPath']);
  });
});

describe('the OpenAPI document', () => {
  test('describes every new staff endpoint with its parameters, body and response', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { security: unknown[]; parameters: { name: string }[]; requestBody?: unknown; responses: Record<string, { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } }> }>> };
    const expected: [string, string, string[]][] = [
      ['/api/v1/staff/requests/{id}/notices', 'get', ['items']],
      ['/api/v1/staff/notices/{id}', 'get', ['number', 'recipient', 'body', 'pdfUrl', 'docxUrl']],
      ['/api/v1/staff/challenges', 'get', ['items']],
      ['/api/v1/staff/requests/{id}/challenges', 'get', ['items']],
      ['/api/v1/staff/requests/{id}/challenges', 'post', ['kind', 'result', 'filedOn']],
      ['/api/v1/staff/requests/{id}/challenges/{challengeId}/decision', 'post', ['result', 'decidedOn']],
      ['/api/v1/staff/filings', 'get', ['items']],
      ['/api/v1/staff/filings', 'post', ['rows', 'xlsxUrl']],
      ['/api/v1/staff/filings/{id}', 'get', ['rows', 'xlsxUrl', 'docxUrl']],
      ['/api/v1/staff/filings/{id}/rows/{rowId}', 'post', ['rows']],
      ['/api/v1/staff/filings/{id}/filed', 'post', ['filedOn', 'filedTo']],
      ['/api/v1/staff/reports/annual/{year}/figures', 'get', ['table2', 'table3', 'table4', 'checks']],
    ];
    for (const [path, method, fields] of expected) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method.toUpperCase()} ${path} missing from the OpenAPI document`);
      assert.deepEqual(op.security, [{ session: [] }]);
      const ok = Object.entries(op.responses).find(([code]) => code !== 'default')![1];
      const props = Object.keys(ok.content['application/json'].schema.properties ?? {});
      for (const f of fields) assert.ok(props.includes(f), `${method.toUpperCase()} ${path} response lacks ${f}`);
      if (method === 'post') assert.ok(op.requestBody, `${path} has no request body`);
      for (const name of path.match(/\{(\w+)\}/g) ?? []) assert.ok(op.parameters.some((p) => `{${p.name}}` === name), `${path} lacks parameter ${name}`);
    }
    assert.ok(doc.paths['/api/v1/staff/challenges'].get.parameters.some((p) => p.name === 'year'));
    // Lists never describe the full name.
    const filingRow = JSON.stringify(doc.paths['/api/v1/staff/filings/{id}'].get.responses['200']);
    assert.ok(filingRow.includes('applicantNameMasked') && !filingRow.includes('"applicantName"'));
  });
});
