// Portal /apply and /track over HTTP: the receipt, the GOV.UK error pattern with everything kept,
// the honeypot, the minimum fill time, idempotent double submission, hostile input, and the
// tracking lookup with its second factor.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cookieFrom, encodeForm, type TestSession } from '../helpers/http.ts';
import { sampleExe, samplePdf } from '../helpers/sample-files.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';
import { VALID_ID, WRONG_CHECKSUM_ID } from '../requests/request-helpers.ts';

const XSS = '<script>alert(1)</script>';

export function applyFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    applicantKind: 'person', applicantName: '王小明', idType: 'residentId', idNumber: VALID_ID,
    phone: '13812346333', email: 'wang@example.cn', address: '江西省赣州市章贡区红旗大道 1 号', postcode: '341000',
    infoDescription: '请提供 2024 年沙河镇集体土地征收补偿安置方案及批复文件。', infoTitle: '征收补偿安置方案', infoDocNumber: '',
    purpose: '', deliveryMethod: 'email', feeWaiverReason: '', website: '',
    ...overrides,
  };
}

describe('portal /apply and /track', () => {
  let ip = 0;

  const t = useHttpFixture();

  /** Opens the form as a new visitor (own IP, so the per-IP limit does not interfere). */
  async function openForm(): Promise<{ session: TestSession; stamp: string; remote: string }> {
    const remote = `10.0.0.${++ip}`;
    const page = await t.app.inject({ method: 'GET', url: '/apply', remoteAddress: remote });
    assert.equal(page.statusCode, 200);
    const token = cookieFrom(page, 'gk_csrf')!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
    const stamp = /name="formStamp" value="([^"]+)"/.exec(page.body)![1];
    return { session: { cookie: `gk_csrf=${token}`, csrf }, stamp, remote };
  }

  type Files = { field: string; filename: string; bytes: Buffer; type?: string }[];

  /** A multipart POST to /apply from the visitor's own address (the form's CSRF token in the URL). */
  function postApply(fields: Record<string, string>, files: Files, session: TestSession, remote: string) {
    const boundary = '----gongkaiApplyTest';
    const chunks: Buffer[] = [];
    for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    for (const f of files) {
      chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\ncontent-type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return t.app.inject({
      method: 'POST', url: `/apply?_csrf=${encodeURIComponent(session.csrf)}`, remoteAddress: remote,
      headers: { cookie: session.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(chunks),
    });
  }

  async function submit(fields: Record<string, string>, opts: { wait?: boolean; files?: Files } = {}) {
    const { session, stamp, remote } = await openForm();
    if (opts.wait !== false) t.clock.advanceMs(5_000);
    const res = await postApply({ formStamp: stamp, ...fields }, opts.files ?? [], session, remote);
    return { res, session, stamp, remote };
  }

  const requestCount = async () => Number((await t.services.database.db.selectFrom('requests').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('the form shows every section, the hints and the hidden controls', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/apply' });
    assert.equal(res.statusCode, 200);
    for (const text of ['申请人信息', '代理人', '联系方式', '所需信息', '获取方式', '减免费用', '个人信息保护', '法律服务机构', '360702199001011234', '文件名称、文号或者便于行政机关查询的其他特征性描述']) {
      assert.ok(res.body.includes(text), text);
    }
    assert.match(res.body, /class="hp-field" aria-hidden="true"/);
    assert.match(res.body, /name="website" value tabindex="-1" autocomplete="off"/);
  });

  test('a valid application gets a tracking code and a printable receipt with the due dates', async () => {
    const { res } = await submit(applyFields(), { files: [{ field: 'idScan', filename: 'id.pdf', bytes: samplePdf(['ID']), type: 'application/pdf' }] });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const location = String(res.headers.location);
    const m = /^\/apply\/receipt\/([0-9A-Z-]+)\?k=/.exec(location);
    assert.ok(m, location);
    const receipt = await t.app.inject({ method: 'GET', url: location });
    assert.equal(receipt.statusCode, 200);
    assert.ok(receipt.body.includes(m[1]));
    assert.ok(receipt.body.includes('2025年9月26日'), 'received date');
    assert.ok(receipt.body.includes('第三十三条') && receipt.body.includes('第三十条'));
    assert.ok(receipt.body.includes('href="/track?code='));
    // A forged or edited token shows nothing.
    const forged = await t.app.inject({ method: 'GET', url: location.replace(/k=.{5}/, 'k=AAAAA') });
    assert.equal(forged.statusCode, 404);
    // The ID scan is kept with the request, by content hash, and staff can open it.
    const row = await t.services.database.db.selectFrom('requests').select('id').where('trackingCode', '=', m[1]).executeTakeFirstOrThrow();
    const files = await t.services.database.db.selectFrom('requestAttachments').selectAll().where('requestId', '=', row.id).execute();
    assert.equal(files.length, 1);
    assert.equal(files[0].purpose, 'idScan');
    assert.equal(files[0].mediaType, 'application/pdf');
    const stored = await t.services.requests.attachment(t.fx.actor('officer'), row.id, files[0].id);
    assert.equal(stored.filename, 'id.pdf');
    assert.ok(stored.bytes.subarray(0, 5).toString() === '%PDF-');
  });

  test('a file that is not really a PDF, JPG or PNG is a field error, with everything else kept', async () => {
    const before = await requestCount();
    const { res } = await submit(applyFields({ purpose: '核对补偿标准' }), { files: [{ field: 'idScan', filename: 'id.pdf', bytes: sampleExe(), type: 'application/pdf' }] });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：/);
    assert.match(res.body, /href="#files"/);
    assert.match(res.body, /id="files-error"[\s\S]*?不是 PDF、JPG 或 PNG/);
    assert.ok(res.body.includes('核对补偿标准'));
    assert.ok(res.body.includes('重新选择'), 'the applicant is told to choose the files again');
    assert.equal(await requestCount(), before);
  });

  test('a wrong ID checksum: error summary, title 错误：, message by the field, everything kept', async () => {
    const before = await requestCount();
    const { res } = await submit(applyFields({ idNumber: WRONG_CHECKSUM_ID, purpose: '核对补偿标准' }), { files: [{ field: 'idScan', filename: 'id.pdf', bytes: samplePdf(['ID']) }] });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：/);
    assert.match(res.body, /class="error-summary"[^>]*>[\s\S]*href="#idNumber"/);
    assert.match(res.body, /id="idNumber-error"/);
    for (const kept of [WRONG_CHECKSUM_ID, '王小明', '13812346333', '沙河镇集体土地征收', '核对补偿标准']) assert.ok(res.body.includes(kept), kept);
    assert.match(res.body, /value="email" checked/);
    assert.ok(res.body.includes('重新选择'), 'files must be chosen again');
    assert.equal(await requestCount(), before);
  });

  test('the honeypot and a too-fast submission are refused with a message and create nothing', async () => {
    const before = await requestCount();
    const bot = await submit(applyFields({ website: 'http://spam.example' }));
    assert.equal(bot.res.statusCode, 422);
    assert.ok(bot.res.body.includes('隐藏字段'));
    const fast = await submit(applyFields(), { wait: false });
    assert.equal(fast.res.statusCode, 422);
    assert.ok(fast.res.body.includes('提交过快'));
    assert.ok(fast.res.body.includes('王小明'), 'values kept');
    // Two hours later the same form is too old.
    const { session, stamp, remote } = await openForm();
    t.clock.advanceMs(3 * 60 * 60 * 1000);
    const old = await postApply({ formStamp: stamp, ...applyFields() }, [], session, remote);
    assert.equal(old.statusCode, 422);
    assert.ok(old.body.includes('超过 2 小时'));
    assert.equal(await requestCount(), before);
  });

  test('the same form posted twice creates one request and shows the same receipt', async () => {
    const before = await requestCount();
    const first = await submit(applyFields());
    const second = await postApply({ formStamp: first.stamp, ...applyFields() }, [], first.session, first.remote);
    assert.equal(first.res.statusCode, 303);
    assert.equal(second.statusCode, 303);
    assert.equal(second.headers.location, first.res.headers.location);
    assert.equal(await requestCount(), before + 1);
  });

  test('hostile input: a 10 MB field, a 10 MB file part and a 10 MB post get clear answers, never a 500', async () => {
    const huge = await submit(applyFields({ infoDescription: 'x'.repeat(10 * 1024 * 1024) }));
    assert.equal(huge.res.statusCode, 422);
    assert.match(huge.res.body, /id="infoDescription-error"[\s\S]*?内容过长/);
    // A 10 MB scan is within the default 20 MB limit: accepted and stored, never a 500.
    const big = await submit(applyFields(), { files: [{ field: 'idScan', filename: 'big.pdf', bytes: Buffer.concat([samplePdf(['ID']), Buffer.alloc(10 * 1024 * 1024)]) }] });
    assert.equal(big.res.statusCode, 303);
    const { session, remote } = await openForm();
    const urlencoded = await t.app.inject({
      method: 'POST', url: '/apply', remoteAddress: remote, headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: encodeForm({ _csrf: session.csrf, infoDescription: 'x'.repeat(10 * 1024 * 1024) }),
    });
    assert.equal(urlencoded.statusCode, 413);
    assert.ok(urlencoded.body.includes('过大'));
    const sql = await submit(applyFields({ applicantName: "王'; drop table requests; --", infoDescription: `${XSS} 请提供征地补偿方案的批复文件` }));
    assert.equal(sql.res.statusCode, 303);
  });

  test('the per-IP rate limit answers 429 with a readable page', async () => {
    const { session } = await openForm();
    let last;
    for (let i = 0; i < 11; i++) last = await postApply(applyFields(), [], session, '10.9.9.9');
    assert.equal(last!.statusCode, 429);
    assert.ok(last!.body.includes('请求过于频繁'));
  });

  test('/track shows the status for the right code and phone digits, one generic error otherwise', async () => {
    const receipt = await t.services.requests.apply({ ...(await import('../requests/request-helpers.ts')).online(t.fx.agency.id) }, '127.0.0.1');
    const { session } = await openForm();
    const post = (code: string, phoneLast4: string) =>
      t.app.inject({ method: 'POST', url: '/track', remoteAddress: '10.1.0.1', headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: encodeForm({ _csrf: session.csrf, code, phoneLast4 }) });
    const ok = await post(receipt.trackingCode.toLowerCase(), '6333');
    assert.equal(ok.statusCode, 200);
    assert.ok(ok.body.includes('已收到，待形式审查'));
    assert.ok(ok.body.includes(t.fx.agency.name));
    assert.ok(!ok.body.includes('王小明') && !ok.body.includes(VALID_ID), 'no personal data');
    const wrongDigits = await post(receipt.trackingCode, '1234');
    const wrongCode = await post('ABCD-EFGH-JKMN', '6333');
    assert.equal(wrongDigits.statusCode, 422);
    assert.equal(wrongCode.statusCode, 422);
    for (const res of [wrongDigits, wrongCode]) {
      assert.match(res.body, /<title>错误：/);
      assert.ok(res.body.includes('查询码或联系电话后四位不正确'));
    }
    const noCsrf = await t.app.inject({ method: 'POST', url: '/track', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: encodeForm({ code: receipt.trackingCode, phoneLast4: '6333' }) });
    assert.equal(noCsrf.statusCode, 403);
  });
});
