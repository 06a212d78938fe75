// Notices: numbering per agency and year (no leading zeros, distinct under concurrency), template
// placeholders checked at save and at issue, the remedy sentence per agency level, every kind.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemActor } from '../../src/core/audit/audit.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { AppError } from '../../src/core/errors.ts';
import { allowedPlaceholders, CALLER_PLACEHOLDERS, NOTICE_KINDS, PLACEHOLDER_LABELS, REMEDY_KINDS, remedySentence, type IssueNoticeInput, type NoticeKind } from '../../src/modules/notices/index.ts';
import { AGENCY_PLACEHOLDERS, DEFAULT_TEMPLATES } from '../../src/modules/notices/notice-templates.defaults.ts';
import { SAMPLE_VALUES } from '../../src/modules/notices/notice-render.ts';
import { templateProblems } from '../../src/modules/notices/notice-template.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { online } from '../requests/request-helpers.ts';

const VALUES: Record<string, string> = {
  applicantName: '张三', trackingCode: 'GK2026-0007', receivedOn: '2026-11-02', infoDescription: '某地块征收补偿方案',
  decisions: '一、所申请信息予以公开。', replyDueOn: '2026-11-30', correctionItems: '请明确信息名称。', correctionDueOn: '2026-11-20',
  extensionReason: '需要调查核实', consultationDueOn: '2026-11-25', feeBasis: '按件计收', feeAmount: '人民币100元',
  paymentDueOn: '2026-12-21', paymentMethod: '银行转账', paidOn: '2026-11-22',
};

describe('notices', () => {
  const clock = new FakeClock('2026-11-22T02:00:00Z');
  const actor = systemActor('测试');
  const t = useServiceFixture({ clock });

  const input = (kind: NoticeKind, extra: Partial<IssueNoticeInput> = {}): IssueNoticeInput =>
    ({ agencyId: t.fx.agency.id, requestId: null, kind, recipient: '张三', values: VALUES, ...extra });
  const issue = (i: IssueNoticeInput) => t.services.database.db.transaction().execute((trx) => t.services.notices.issue(trx, actor, i));

  test('numbers run per agency and per year, without leading zeros', async () => {
    const a1 = await issue(input('receipt'));
    const a2 = await issue(input('reply.granted'));
    const b1 = await issue(input('receipt', { agencyId: t.fx.otherAgency.id }));
    assert.equal(a1.number, `${t.fx.agency.shortName}公开〔2026〕1号`);
    assert.equal(a2.number, `${t.fx.agency.shortName}公开〔2026〕2号`);
    assert.equal(b1.number, `${t.fx.otherAgency.shortName}公开〔2026〕1号`);
    clock.set(new Date('2027-01-04T02:00:00Z'));
    try {
      const next = await issue(input('receipt'));
      assert.equal(next.number, `${t.fx.agency.shortName}公开〔2027〕1号`);
      assert.equal(next.issuedOn, '2027-01-04');
    } finally {
      clock.set(new Date('2026-11-22T02:00:00Z'));
    }
    const many = [];
    for (let i = 0; i < 8; i++) many.push(await issue(input('receipt')));
    assert.equal(many.at(-1)!.number, `${t.fx.agency.shortName}公开〔2026〕10号`);
  });

  test('concurrent issues get distinct numbers', async () => {
    const agency = t.fx.otherAgency.id;
    const results = await Promise.all(Array.from({ length: 12 }, () => issue(input('receipt', { agencyId: agency }))));
    const numbers = new Set(results.map((r) => r.number));
    assert.equal(numbers.size, 12);
    const serials = results.map((r) => Number(/〕(\d+)号$/.exec(r.number)![1])).sort((x, y) => x - y);
    assert.deepEqual(serials, Array.from({ length: 12 }, (_, i) => i + 2));
  });

  test('every kind issues with its values filled, and deciding kinds carry the remedy', async () => {
    for (const kind of NOTICE_KINDS) {
      const values = Object.fromEntries(CALLER_PLACEHOLDERS[kind].filter((p) => p in VALUES).map((p) => [p, VALUES[p]!]));
      const n = await issue(input(kind, { values }));
      assert.doesNotMatch(n.body + n.title, /\{[A-Za-z]+\}/, kind);
      assert.equal(n.body.includes('行政复议'), REMEDY_KINDS.includes(kind), kind);
      assert.match(n.body, /某地块征收补偿方案/, kind);
    }
    const reply = await issue(input('reply.refused'));
    assert.match(reply.body, /于2026年11月2日收到/);
    assert.match(reply.body, /第三十六条第（三）项/);
    assert.match(reply.body, new RegExp(`60日内向赣州市人民政府申请行政复议，或者在6个月内向人民法院提起行政诉讼`));
  });

  test('a missing value is an error that names it; nothing is numbered', async () => {
    const { decisions: _omit, ...rest } = VALUES;
    await assert.rejects(issue(input('reply.granted', { values: rest })), (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.equal(err.code, 'NOTICE_VALUE_MISSING');
      assert.match(err.message, /\{decisions\}/);
      return true;
    });
    await assert.rejects(issue(input('reply.granted', { values: { ...VALUES, decisions: '  ' } })), /decisions/);
    const before = await t.services.database.db.selectFrom('noticeCounters').select('lastNumber').where('agencyId', '=', t.fx.agency.id).where('year', '=', 2026).executeTakeFirstOrThrow();
    const n = await issue(input('receipt'));
    assert.ok(n.number.endsWith(`〕${before.lastNumber + 1}号`));
  });

  test('templates: unknown placeholders are rejected with the allowed list; an edit applies and is audited', async () => {
    const officer = t.fx.actor('officer');
    await assert.rejects(t.services.notices.templates.update(officer, 'receipt', { title: '回执', body: '您好{nickName}，{trackingCode}' }), (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.equal(err.status, 422);
      const msg = err.fields.map((f) => f.message).join('');
      assert.match(msg, /\{nickName\}/);
      assert.match(msg, /\{trackingCode\}/);
      return true;
    });
    await assert.rejects(t.services.notices.templates.update(officer, 'reply.granted', { title: '答复书', body: '{decisions}' }), (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.match(err.fields.map((f) => f.message).join(''), /\{remedy\}/);
      return true;
    });
    await assert.rejects(t.services.notices.templates.update(t.fx.actor('drafter'), 'receipt', { title: '回执', body: '{trackingCode}' }), /权限|只有/);
    const saved = await t.services.notices.templates.update(officer, 'receipt', { title: '登记回执', body: '申请{trackingCode}已登记，{replyDueOn}前答复。' });
    assert.equal(saved.customised, true);
    const n = await issue(input('receipt'));
    assert.equal(n.title, '登记回执');
    assert.equal(n.body, '申请GK2026-0007已登记，2026年11月30日前答复。');
    const other = await issue(input('receipt', { agencyId: t.fx.otherAgency.id }));
    assert.equal(other.title, '政府信息公开申请登记回执');
    const audit = await t.services.database.db.selectFrom('auditEvents').select('action').where('action', '=', 'notice.template.update').execute();
    assert.equal(audit.length, 1);
    const reset = await t.services.notices.templates.reset(officer, 'receipt');
    assert.equal(reset.customised, false);
    const list = await t.services.notices.templates.list(officer);
    assert.equal(list.length, NOTICE_KINDS.length);
  });

  test('remedy: a county bureau goes to the county government, a city bureau to the city government; settings override', async () => {
    assert.match(remedySentence({ name: '瑞金市自然资源局' }), /向瑞金市人民政府申请行政复议/);
    assert.match(remedySentence({ name: '赣州市章贡区自然资源局' }), /向赣州市章贡区人民政府申请行政复议/);
    assert.match(remedySentence({ name: '于都县自然资源局' }), /向于都县人民政府申请行政复议/);
    assert.match(remedySentence({ name: '江西省自然资源厅' }), /向江西省人民政府申请行政复议/);
    const officer = t.fx.actor('officer');
    const current = await t.services.notices.remedy.get(officer);
    assert.equal(current.defaults.reconsiderationBody, '赣州市人民政府');
    await t.services.notices.remedy.update(officer, { reconsiderationBody: '赣州市人民政府', litigationCourt: '赣州市章贡区人民法院' });
    const n = await issue(input('reply.notProcessed'));
    assert.match(n.body, /或者在6个月内向赣州市章贡区人民法院提起行政诉讼。/);
    await t.services.notices.remedy.update(officer, { reconsiderationBody: '', litigationCourt: '' });
  });

  test('staff of another agency cannot read a notice; the request lists its notices in order', async () => {
    const n = await issue(input('receipt'));
    assert.equal((await t.services.notices.get(t.fx.actor('drafter'), n.id)).number, n.number);
    await assert.rejects(t.services.notices.get(t.fx.otherActor('officer'), n.id), /未找到/);
    const receipt = await t.services.requests.apply(online(t.fx.agency.id), '203.0.113.9');
    const first = await issue(input('correction', { requestId: receipt.requestId }));
    const second = await issue(input('reply.granted', { requestId: receipt.requestId }));
    const listed = (await t.services.notices.listForRequest(receipt.requestId)).filter((x) => x.id === first.id || x.id === second.id);
    assert.deepEqual(listed.map((x) => x.kind), ['correction', 'reply.granted']);
  });
});

describe('notice placeholders', () => {
  test('every placeholder a kind allows has a label and a preview value; every default template passes the save check', () => {
    for (const kind of NOTICE_KINDS) {
      for (const p of allowedPlaceholders(kind)) {
        assert.ok(PLACEHOLDER_LABELS[p], `${kind}: label for ${p}`);
        if (!(AGENCY_PLACEHOLDERS as readonly string[]).includes(p)) assert.ok(SAMPLE_VALUES[p], `${kind}: sample for ${p}`);
      }
      assert.deepEqual(templateProblems(kind, DEFAULT_TEMPLATES[kind].title, DEFAULT_TEMPLATES[kind].body), [], kind);
    }
  });
});
