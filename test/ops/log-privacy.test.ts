// The request logs of a whole /apply + /track journey (HTML form and JSON API, a rejected
// attempt, a wrong tracking lookup) carry request ids but none of the applicant's data.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loggableUrl } from '../../src/core/ops/logging.ts';
import { cookieFrom } from '../helpers/http.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { VALID_ID } from '../requests/request-helpers.ts';

const PERSON = {
  applicantName: '欧阳思琪', idNumber: VALID_ID, phone: '13907975521', email: 'ouyang.siqi@example.cn',
  address: '江西省赣州市章贡区章江路 88 号', postcode: '341000',
};

describe('logs without personal data', () => {
  const lines: string[] = [];
  const t = useHttpFixture({ appOptions: { logStream: { write: (line) => void lines.push(line) } } });

  test('loggableUrl drops query strings and hides tracking codes and download tokens', () => {
    assert.equal(loggableUrl('/track?code=ABC&phone=139', '/track'), '/track');
    assert.equal(loggableUrl('/apply/receipt/GK2025ABC?k=sig', '/apply/receipt/:trackingCode'), '/apply/receipt/:trackingCode');
    assert.equal(loggableUrl('/track/files/tok.en', '/track/files/*'), '/track/files/*');
    assert.equal(loggableUrl('/items/01ABC', '/items/:id'), '/items/01ABC');
  });

  test('an /apply + /track journey leaves request ids and statuses in the log, and no personal data', async () => {
    const remote = '10.9.0.1';
    const page = await t.app.inject({ method: 'GET', url: '/apply', remoteAddress: remote });
    const cookie = `gk_csrf=${cookieFrom(page, 'gk_csrf')}`;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
    const stamp = /name="formStamp" value="([^"]+)"/.exec(page.body)![1];
    t.clock.advanceMs(5_000);
    const fields: Record<string, string> = {
      formStamp: stamp, applicantKind: 'person', idType: 'residentId', ...PERSON,
      infoDescription: '请提供 2024 年沙河镇集体土地征收补偿安置方案及批复文件。', infoTitle: '征收补偿安置方案', infoDocNumber: '',
      purpose: '', deliveryMethod: 'email', feeWaiverReason: '', website: '',
    };
    const post = (f: Record<string, string>) => {
      const boundary = '----gongkaiLogTest';
      const body = Object.entries(f).map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
      return t.app.inject({
        method: 'POST', url: `/apply?_csrf=${encodeURIComponent(csrf)}`, remoteAddress: remote,
        headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.from(body),
      });
    };
    // A rejected attempt first (wrong e-mail), then the valid one.
    assert.equal((await post({ ...fields, email: 'not-an-email' })).statusCode, 422);
    const done = await post(fields);
    assert.equal(done.statusCode, 303, done.body.slice(0, 300));
    const location = String(done.headers.location);
    const trackingCode = decodeURIComponent(/\/apply\/receipt\/([^?]+)/.exec(location)![1]);
    assert.equal((await t.app.inject({ method: 'GET', url: location, remoteAddress: remote })).statusCode, 200);

    // The JSON API with the same person.
    const api = await t.app.inject({
      method: 'POST', url: '/api/v1/requests', remoteAddress: remote,
      headers: { 'content-type': 'application/json', 'idempotency-key': 'log-test-1' },
      payload: { applicantType: 'person', idType: 'residentId', legalRepresentative: '', agentName: '', agentIdNumber: '', ...PERSON,
        infoDescription: '请提供 2024 年沙河镇集体土地征收补偿安置方案及批复文件。', infoTitle: '', infoDocNumber: '', purpose: '',
        deliveryMethod: 'email', feeWaiverRequested: false, feeWaiverReason: '', agencyCode: t.fx.agency.code },
    });
    assert.equal(api.statusCode, 201, api.body.slice(0, 300));

    // /track: the link from the receipt, a wrong second factor, then the right one.
    const trackPage = await t.app.inject({ method: 'GET', url: `/track?code=${encodeURIComponent(trackingCode)}&phone=${PERSON.phone}`, remoteAddress: remote });
    assert.equal(trackPage.statusCode, 200);
    const trackCsrf = /name="_csrf" value="([^"]+)"/.exec(trackPage.body)![1];
    const trackCookie = `gk_csrf=${cookieFrom(trackPage, 'gk_csrf') ?? cookie.slice('gk_csrf='.length)}`;
    const track = (last4: string) => t.app.inject({
      method: 'POST', url: '/track', remoteAddress: remote,
      headers: { cookie: trackCookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: trackCsrf, code: trackingCode, phoneLast4: last4 }).toString(),
    });
    assert.equal((await track('0000')).statusCode, 422);
    const found = await track(PERSON.phone.slice(-4));
    assert.equal(found.statusCode, 200);
    assert.ok(found.body.includes(trackingCode));

    const log = lines.join('');
    const entries = lines.map((l) => JSON.parse(l) as { reqId?: string; msg?: string; res?: { statusCode: number }; req?: { url: string } });
    const completed = entries.filter((e) => e.msg === 'request completed');
    assert.ok(completed.length >= 8, `request completion lines: ${completed.length}`);
    assert.ok(completed.every((e) => typeof e.reqId === 'string' && e.reqId.length === 26), 'every line has its request id');
    assert.ok(completed.some((e) => e.res?.statusCode === 303) && completed.some((e) => e.res?.statusCode === 422));
    assert.ok(entries.some((e) => e.req?.url === '/apply/receipt/:trackingCode'));
    for (const [what, value] of [...Object.entries(PERSON).filter(([k]) => k !== 'postcode'), ['trackingCode', trackingCode], ['receipt token', new URL(location, 'http://x').searchParams.get('k')!]]) {
      assert.ok(!log.includes(value), `${what} appears in the log`);
    }
    assert.ok(!log.includes(encodeURIComponent(PERSON.email)) && !log.includes(encodeURIComponent(PERSON.applicantName)));
  });
});
