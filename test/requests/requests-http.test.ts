// The requests API through app.inject: the public application (idempotent, rate-limited,
// hostile input answered with field errors and never a 500), tracking, and the staff endpoints.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { application, VALID_ID, WRONG_CHECKSUM_ID } from './request-helpers.ts';

let ipCounter = 0;

const t = useHttpFixture();

/** Each call from its own address unless one is given (the rate limit is per address). */
function post(body: unknown, opts: { key?: string; ip?: string; raw?: Buffer } = {}) {
  return t.app.inject({
    method: 'POST', url: '/api/v1/requests', remoteAddress: opts.ip ?? `198.51.100.${++ipCounter % 250}`,
    headers: { 'content-type': 'application/json', ...(opts.key ? { 'idempotency-key': opts.key } : {}) },
    payload: opts.raw ?? JSON.stringify(body),
  });
}

const body = (extra: Record<string, unknown> = {}) => ({ ...application(), agencyCode: t.fx.agency.code, ...extra });
const fieldsOf = (res: { json(): unknown }) => ((res.json() as { error: { fields: { field: string; message: string }[] } }).error.fields ?? []).map((f) => f.field);

describe('requests API', () => {
  test('POST /api/v1/requests answers 201 with the tracking code; the same key returns the same receipt', async () => {
    const first = await post(body(), { key: 'double-click-0001' });
    assert.equal(first.statusCode, 201, first.body);
    const receipt = first.json();
    assert.equal(receipt.receivedOn, '2025-09-26');
    assert.equal(receipt.replyDueOn, '2025-10-30');
    const second = await post(body({ infoDescription: '重复点击时内容也许不同，但仍是同一份申请。' }), { key: 'double-click-0001' });
    assert.equal(second.statusCode, 201);
    assert.equal(second.json().trackingCode, receipt.trackingCode);
    const n = await t.services.database.db.selectFrom('requests').select((eb) => eb.fn.countAll().as('n')).where('idempotencyKey', '=', 'double-click-0001').executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 1);
  });

  test('20 concurrent submissions with one key create one request', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => post(body({ idempotencyKey: 'concurrent-key-0001' }))));
    assert.ok(results.every((r) => r.statusCode === 201), results.map((r) => r.statusCode).join(','));
    assert.equal(new Set(results.map((r) => r.json().trackingCode)).size, 1);
    const rows = await t.services.database.db.selectFrom('requests').select('id').where('idempotencyKey', '=', 'concurrent-key-0001').execute();
    assert.equal(rows.length, 1);
    const events = await t.services.database.db.selectFrom('requestEvents').select('id').where('requestId', '=', rows[0].id).execute();
    assert.equal(events.length, 1);
  });

  test('hostile input gets field errors, never a 500', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['oversized description', { infoDescription: '征'.repeat(2001) }, 'body.infoDescription'],
      ['oversized name', { applicantName: 'x'.repeat(101) }, 'body.applicantName'],
      ['wrong ID checksum', { idNumber: WRONG_CHECKSUM_ID }, 'body.idNumber'],
      ['15-digit old ID', { idNumber: '320402800101633' }, 'body.idNumber'],
      ['bad credit code', { applicantType: 'business', idType: 'creditCode', idNumber: '91360700MA35XXXXX1' }, 'body.idNumber'],
      ['SQL fragment as ID', { idNumber: "'; drop table requests;--" }, 'body.idNumber'],
      ['control characters', { applicantName: '王\u0000小明' }, 'body.applicantName'],
      ['bad phone', { phone: '12345' }, 'body.phone'],
      ['agent without ID', { agentName: '李律师' }, 'body.agentIdNumber'],
      ['short description', { infoDescription: '太短' }, 'body.infoDescription'],
      ['unknown delivery method', { deliveryMethod: 'pigeon' }, 'body.deliveryMethod'],
      ['email delivery without email', { email: '' }, 'body.email'],
      ['number instead of text', { applicantName: 12345 }, 'body.applicantName'],
    ];
    for (const [name, extra, field] of cases) {
      const res = await post(body(extra));
      assert.equal(res.statusCode, 422, `${name}: ${res.body}`);
      assert.ok(fieldsOf(res).includes(field), `${name}: ${res.body}`);
    }
    // Invalid UTF-8 bytes inside a JSON string.
    const json = Buffer.from(JSON.stringify(body({ applicantName: 'AB' })));
    const at = json.indexOf('"AB"') + 1;
    json[at] = 0xff;
    json[at + 1] = 0xfe;
    const bad = await post(null, { raw: json });
    assert.equal(bad.statusCode, 422, bad.body);
    assert.ok(fieldsOf(bad).includes('body.applicantName'));
    assert.equal((await post(null, { raw: Buffer.from('{"applicantName": ') })).statusCode, 400);
    assert.equal((await post(null, { raw: Buffer.from(JSON.stringify(body({ purpose: 'x'.repeat(3 * 1024 * 1024) }))) })).statusCode, 413);
    // Script tags and SQL in free text are data: stored as typed, escaped where shown.
    const ok = await post(body({ infoDescription: "<script>alert(1)</script>'; drop table requests;-- 请提供文件" }));
    assert.equal(ok.statusCode, 201);
    const row = await t.services.database.db.selectFrom('requests').select('infoDescription').where('trackingCode', '=', ok.json().trackingCode).executeTakeFirstOrThrow();
    assert.equal(row.infoDescription, "<script>alert(1)</script>'; drop table requests;-- 请提供文件");
  });

  test('the ID number is stored encrypted: never in clear in requests or audit_events', async () => {
    const res = await post(body());
    assert.equal(res.statusCode, 201);
    const rows = await t.services.database.db.selectFrom('requests').selectAll().execute();
    for (const r of rows) assert.ok(!JSON.stringify(r).includes(VALID_ID));
    const audit = await t.services.database.db.selectFrom('auditEvents').selectAll().execute();
    assert.ok(audit.length > 0);
    for (const a of audit) assert.ok(!JSON.stringify(a).includes(VALID_ID));
  });

  test('tracking shows only applicant-visible steps and refuses a wrong phone with the same error', async () => {
    const res = await post(body());
    const code = res.json().trackingCode as string;
    const ok = await t.app.inject({ method: 'GET', url: `/api/v1/requests/track?code=${code}&phone=6333` });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json().steps.map((x: { label: string }) => x.label), ['已收到您的申请']);
    const wrongPhone = await t.app.inject({ method: 'GET', url: `/api/v1/requests/track?code=${code}&phone=1234` });
    const wrongCode = await t.app.inject({ method: 'GET', url: '/api/v1/requests/track?code=AAAA-BBBB-CCCC&phone=6333' });
    const garbage = await t.app.inject({ method: 'GET', url: `/api/v1/requests/track?code=${encodeURIComponent("' or 1=1--")}&phone=6333` });
    for (const r of [wrongPhone, wrongCode, garbage]) {
      assert.equal(r.statusCode, 404);
      assert.equal(r.json().error.code, 'TRACKING_NOT_FOUND');
    }
    assert.equal(wrongPhone.json().error.message, wrongCode.json().error.message);
  });

  test('staff endpoints: register list, act, extension, split, supervision; CSRF and sign-in required', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/staff/requests' })).statusCode, 401);
    const officer = await t.signIn('officer');
    const headers = { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'application/json' };
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/staff/requests?status=open&pageSize=5', headers: { cookie: officer.cookie } });
    assert.equal(list.statusCode, 200, list.body);
    const id = list.json().items[0].id as string;
    const noCsrf = await t.app.inject({ method: 'POST', url: `/api/v1/staff/requests/${id}/actions/accept`, headers: { cookie: officer.cookie, 'content-type': 'application/json' }, payload: '{}' });
    assert.equal(noCsrf.statusCode, 403);
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/staff/requests/${id}/actions/accept`, headers, payload: '{"note":""}' });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.equal(accepted.json().status, 'accepted');
    assert.ok(accepted.json().availableVerbs.includes('assign'));
    const illegal = await t.app.inject({ method: 'POST', url: `/api/v1/staff/requests/${id}/actions/approve`, headers, payload: '{}' });
    assert.equal(illegal.statusCode, 409);
    const unknownVerb = await t.app.inject({ method: 'POST', url: `/api/v1/staff/requests/${id}/actions/explode`, headers, payload: '{}' });
    assert.equal(unknownVerb.statusCode, 422);
    const ext = await t.app.inject({ method: 'POST', url: `/api/v1/staff/requests/${id}/extension`, headers, payload: JSON.stringify({ days: 10, reason: '信息量大' }) });
    assert.equal(ext.statusCode, 200, ext.body);
    assert.equal(ext.json().extensionDays, 10);
    const split = await t.app.inject({ method: 'POST', url: `/api/v1/staff/requests/${id}/split`, headers, payload: JSON.stringify({ infoDescription: '另一事项：请提供征地公告原文。', note: '一事一申请' }) });
    assert.equal(split.statusCode, 200, split.body);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/staff/requests/${id}`, headers: { cookie: officer.cookie } });
    assert.equal(detail.statusCode, 200);
    assert.ok(detail.json().timeline.some((e: { kind: string }) => e.kind === 'split'));
    assert.ok(!detail.body.includes(VALID_ID));
    const reveal = await t.app.inject({ method: 'POST', url: `/api/v1/staff/requests/${id}/id-number`, headers, payload: '{}' });
    assert.equal(reveal.json().idNumber, VALID_ID);
    const registered = await t.app.inject({ method: 'POST', url: '/api/v1/staff/requests', headers, payload: JSON.stringify({ ...application(), channel: 'counter', receivedOn: '2025-09-26' }) });
    assert.equal(registered.statusCode, 201, registered.body);
    const supervision = await t.app.inject({ method: 'GET', url: '/api/v1/staff/requests/supervision', headers: { cookie: officer.cookie } });
    assert.equal(supervision.statusCode, 200);
    assert.deepEqual(supervision.json().agencies, []);
    const other = await t.signInOther('officer');
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/staff/requests/${id}`, headers: { cookie: other.cookie } })).statusCode, 404);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of ['/api/v1/requests', '/api/v1/requests/track', '/api/v1/staff/requests/{id}/actions/{verb}', '/api/v1/staff/requests/{id}/extension'])
      assert.ok(doc.paths[p], p);
  });

  test('the public POST is rate-limited per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) codes.push((await post(body(), { ip: '192.0.2.77' })).statusCode);
    assert.deepEqual(codes.slice(0, 20), Array(20).fill(201));
    assert.equal(codes[21], 429);
  });
});
