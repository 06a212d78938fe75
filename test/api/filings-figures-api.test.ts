// The staff JSON API of the quarterly withholding filings (generate, read with masked names,
// review rows, mark filed) and of the annual report's figures (the CLI's JSON): shapes, role
// refusal before the body is read, another agency's filing 404.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FakeClock } from '../../src/core/time/clock.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { getJson, postJson, repliedRequest } from './api-helpers.ts';

let requestId = '';

const t = useHttpFixture({
  clock: new FakeClock('2026-07-06T02:00:00Z'),
  sessions: ['officer', 'confidentialityReviewer', 'leader', 'departmentHead', 'drafter', 'sysAdmin'],
  otherSessions: ['officer'],
  setup: async ({ services, fx, clock }) => {
    ({ requestId } = await repliedRequest(services, fx, clock, '2026-08-03', '王五'));
    clock.set('2026-10-12T02:00:00Z');
  },
});

interface FilingJson { id: string; status: string; rowCount: number; rows: { id: string; requestId: string; applicantNameMasked: string; reason: string; classificationLevel: string; confidentialityOpinion: string; reviewedBy: string }[]; xlsxUrl: string }

describe('withholding filings over the API', () => {
  let filingId = '';

  test('the office generates the quarter\'s filing: rows of the refusals, applicant names masked, export URLs', async () => {
    const res = await postJson(t.app, '/api/v1/staff/filings', t.as.officer, { year: 2026, quarter: 3 });
    assert.equal(res.statusCode, 200, res.body);
    const f = res.json() as FilingJson;
    filingId = f.id;
    assert.deepEqual([f.status, f.rowCount], ['draft', 1]);
    assert.deepEqual(f.rows.map((r) => [r.requestId, r.applicantNameMasked, r.reason, r.classificationLevel]), [[requestId, '王*', 'stateSecret', '']]);
    assert.ok(!res.body.includes('王五'), 'the full name stays out of the API');
    assert.equal(f.xlsxUrl, `/console/filings/${f.id}/export.xlsx`);
    assert.equal((await getJson(t.app, f.xlsxUrl, t.as.officer)).statusCode, 200);

    const list = await getJson(t.app, '/api/v1/staff/filings?year=2026', t.as.confidentialityReviewer);
    assert.equal(list.statusCode, 200, list.body);
    assert.deepEqual(list.json().items.map((x: { id: string; quarter: number; rowCount: number }) => [x.id, x.quarter, x.rowCount]), [[f.id, 3, 1]]);
    assert.deepEqual((await getJson(t.app, '/api/v1/staff/filings?year=2025', t.as.officer)).json().items, []);
    const one = await getJson(t.app, `/api/v1/staff/filings/${f.id}`, t.as.confidentialityReviewer);
    assert.equal(one.statusCode, 200);
    assert.deepEqual(one.json().rows.map((r: { id: string }) => r.id), f.rows.map((r) => r.id));
  });

  test('the confidentiality reviewer enters the level; the office marks it filed; then it is frozen', async () => {
    const f = (await getJson(t.app, `/api/v1/staff/filings/${filingId}`, t.as.officer)).json() as FilingJson;
    const rowUrl = `/api/v1/staff/filings/${filingId}/rows/${f.rows[0].id}`;
    const bad = await postJson(t.app, rowUrl, t.as.confidentialityReviewer, { classificationLevel: '绝密' });
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(bad.json().error.fields.map((x: { field: string }) => x.field), ['body.classificationLevel']);
    const notYet = await postJson(t.app, `/api/v1/staff/filings/${filingId}/filed`, t.as.officer, { filedOn: '2026-10-12', filedTo: '赣州市保密局' });
    assert.equal(notYet.json().error?.code, 'FILING_NOT_REVIEWED');
    const reviewed = await postJson(t.app, rowUrl, t.as.confidentialityReviewer, { classificationLevel: 'secret', confidentialityOpinion: '属于国家秘密，同意不予公开' });
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    assert.deepEqual([reviewed.json().rows[0].classificationLevel, reviewed.json().rows[0].confidentialityOpinion], ['secret', '属于国家秘密，同意不予公开']);
    assert.ok(reviewed.json().rows[0].reviewedBy);

    assert.equal((await postJson(t.app, `/api/v1/staff/filings/${filingId}/filed`, t.as.confidentialityReviewer, { filedOn: '2026-10-12', filedTo: '赣州市保密局' })).statusCode, 403);
    const filed = await postJson(t.app, `/api/v1/staff/filings/${filingId}/filed`, t.as.officer, { filedOn: '2026-10-12', filedTo: '赣州市保密局' });
    assert.equal(filed.statusCode, 200, filed.body);
    assert.deepEqual([filed.json().status, filed.json().filedOn, filed.json().filedTo], ['filed', '2026-10-12', '赣州市保密局']);
    const again = await postJson(t.app, rowUrl, t.as.officer, { classificationLevel: 'unclassified' });
    assert.equal(again.statusCode, 409);
    const audit = await t.services.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', filingId).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['filing.generate', 'filing.markFiled', 'filing.reviewRow']);
  });

  test('other roles are refused whatever they send; another agency\'s filing is 404', async () => {
    for (const who of [t.as.drafter, t.as.leader, t.as.sysAdmin]) {
      assert.equal((await getJson(t.app, '/api/v1/staff/filings', who)).statusCode, 403);
      assert.equal((await getJson(t.app, `/api/v1/staff/filings/${filingId}`, who)).statusCode, 403);
      assert.equal((await postJson(t.app, '/api/v1/staff/filings', who, {})).statusCode, 403);
    }
    assert.equal((await postJson(t.app, '/api/v1/staff/filings', t.as.confidentialityReviewer, { year: 2026, quarter: 3 })).statusCode, 403);
    assert.equal((await getJson(t.app, `/api/v1/staff/filings/${filingId}`, t.asOther.officer)).statusCode, 404);
    assert.equal((await postJson(t.app, `/api/v1/staff/filings/${filingId}/filed`, t.asOther.officer, {})).statusCode, 404);
    assert.equal((await postJson(t.app, `/api/v1/staff/filings/${filingId}/rows/x`, t.asOther.officer, {})).statusCode, 404);
    assert.deepEqual((await getJson(t.app, '/api/v1/staff/filings', t.asOther.officer)).json().items, []);
  });
});

describe('GET /api/v1/staff/reports/annual/:year/figures', () => {
  test('the same JSON as `gongkai report annual --format json`, for the office, leaders and department heads', async () => {
    const res = await getJson(t.app, '/api/v1/staff/reports/annual/2026/figures', t.as.officer);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const { figures } = await t.services.annualReports.forExport(t.fx.agency.id, 2026);
    assert.deepEqual(body, JSON.parse(JSON.stringify(figures)));
    assert.deepEqual([body.agencyId, body.year, body.format], [t.fx.agency.id, 2026, '2021']);
    const row = (key: string) => body.table3.find((r: { key: string }) => r.key === key).values;
    // Replied but not yet delivered: received this year and carried into the next.
    assert.deepEqual([row('received')[0], row('total')[6], row('carriedOut')[6]], [1, 0, 1]);
    assert.equal(body.table4.length, 3);
    assert.ok(body.checks.every((c: { ok: boolean }) => c.ok));
    for (const who of [t.as.leader, t.as.departmentHead]) assert.equal((await getJson(t.app, '/api/v1/staff/reports/annual/2026/figures', who)).statusCode, 200);
  });

  test('other roles 403 whatever the year; a malformed or early year 422; another agency sees its own figures', async () => {
    for (const who of [t.as.drafter, t.as.confidentialityReviewer, t.as.sysAdmin])
      for (const year of ['2026', 'abcd']) assert.equal((await getJson(t.app, `/api/v1/staff/reports/annual/${year}/figures`, who)).statusCode, 403);
    for (const year of ['abcd', '2018', '20260']) {
      const res = await getJson(t.app, `/api/v1/staff/reports/annual/${year}/figures`, t.as.officer);
      assert.equal(res.statusCode, 422, year);
      assert.equal(res.json().error.fields[0].field, 'params.year');
    }
    const theirs = (await getJson(t.app, '/api/v1/staff/reports/annual/2026/figures', t.asOther.officer)).json();
    assert.equal(theirs.agencyId, t.fx.otherAgency.id);
    assert.equal(theirs.table3.find((r: { key: string }) => r.key === 'received').values[6], 0);
  });
});
