// Participation service on a real database: submit → route → draft → approve and publish (masked,
// only with consent), invalid marking, deadlines, idempotent reminders and the 3-month escalation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../src/core/time/clock.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import type { OnlineMessageInput } from '../../src/modules/participation/index.ts';
import { VALID_ID } from '../requests/request-helpers.ts';

let keyCounter = 0;

describe('participation service', () => {
  // 2025-09-26 (a Friday) 10:00 Beijing.
  const clock = new FakeClock('2025-09-26T02:00:00Z');
  const t = useServiceFixture({ clock });

  const input = (extra: Partial<OnlineMessageInput> = {}): OnlineMessageInput => ({
    agencyId: t.fx.agency.id, idempotencyKey: `key-${++keyCounter}-abcdefgh`, kind: 'consultation', askerName: '王小明', phone: '13812346333',
    email: '', subject: '宅基地审批咨询', content: '我是王小明，电话13812346333，想咨询沙河镇宅基地审批需要哪些材料？', consentToPublish: true, ...extra,
  });
  const idOf = async (trackingCode: string) => (await t.services.database.db.selectFrom('messages').select('id').where('trackingCode', '=', trackingCode).executeTakeFirstOrThrow()).id;
  const notifications = (subjectId: string) => t.services.database.db.selectFrom('notifications').selectAll().where('subjectId', '=', subjectId).execute();

  test('submit stores the phone encrypted, computes the deadlines and is idempotent', async () => {
    const i = input();
    const receipt = await t.services.participation.submit(i, '10.0.0.1');
    assert.equal(receipt.receivedOn, '2025-09-26');
    // 5 working days over the National Day holiday (10-01…10-08; 09-28 and 10-11 are worked Saturdays/Sundays).
    assert.equal(receipt.replyDueOn, (await t.services.calendar.get()).addWorkingDays('2025-09-26', 5));
    assert.equal((await t.services.participation.submit(i, '10.0.0.1')).trackingCode, receipt.trackingCode);
    const row = await t.services.database.db.selectFrom('messages').selectAll().where('trackingCode', '=', receipt.trackingCode).executeTakeFirstOrThrow();
    assert.ok(!row.phoneEnc.includes('13812346333'));
    assert.equal(row.phoneMasked, '138****6333');
    assert.equal(row.inspectionDueOn, '2025-12-25');
    const mailbox = await t.services.participation.submit(input({ kind: 'mailbox' }), '10.0.0.1');
    assert.equal(mailbox.replyDueOn, (await t.services.calendar.get()).addWorkingDays('2025-09-26', 15));
    const audit = await t.services.database.db.selectFrom('auditEvents').selectAll().where('action', '=', 'message.submit').execute();
    assert.ok(audit.length >= 2 && audit.every((a) => !a.summary.includes('13812346333')));
  });

  test('submit refuses invalid input with field errors', async () => {
    await assert.rejects(t.services.participation.submit(input({ phone: '123', content: '太短' }), 'ip'), (err: { fields: { field: string }[] }) => {
      assert.deepEqual(err.fields.map((f) => f.field).sort(), ['content', 'phone']);
      return true;
    });
  });

  test('route → draft → approve publishes the masked question and answer when the asker consented', async () => {
    const r = await t.services.participation.submit(input(), 'ip');
    const id = await idOf(r.trackingCode);
    await assert.rejects(t.services.participation.route(t.fx.actor('drafter'), id, t.fx.departments.planning.id), { status: 403 });
    await t.services.participation.route(t.fx.actor('officer'), id, t.fx.departments.planning.id);
    // Another department cannot see it, the handling one drafts.
    await assert.rejects(t.services.participation.draft(t.fx.otherActor('drafter'), id, { answer: '答复' }), { status: 404 });
    await t.services.participation.draft(t.fx.actor('drafter'), id, { answer: `王小明您好：宅基地审批需提交申请表和身份证（如 ${VALID_ID} 的复印件）。` });
    assert.deepEqual((await t.services.participation.list(t.fx.actor('drafter'))).map((m) => m.id).includes(id), true);
    assert.equal((await t.services.participation.track(r.trackingCode, '6333')).answer, null);
    await t.services.participation.approve(t.fx.actor('officer'), id);
    const tracked = await t.services.participation.track(r.trackingCode, '6333');
    assert.equal(tracked.status, 'answered');
    assert.match(tracked.answer ?? '', /王小明您好/);
    await assert.rejects(t.services.participation.track(r.trackingCode, '0000'), { code: 'MESSAGE_NOT_FOUND' });

    const pub = await t.services.participation.publicAnswer(id);
    assert.ok(pub);
    const all = `${pub.subject}${pub.content}${pub.answer}`;
    for (const secret of ['王小明', '13812346333', VALID_ID]) assert.ok(!all.includes(secret), `${secret} must be masked in ${all}`);
    assert.match(pub.content, /王\*\*/);
    assert.match(pub.content, /宅基地审批/);
    const list = await t.services.participation.publicAnswers(t.fx.agency.id, '宅基地', 1);
    assert.ok(list.rows.some((row) => row.id === id));
    assert.equal((await t.services.participation.publicAnswers(t.fx.agency.id, '不存在的词', 1)).total, 0);
    assert.equal((await t.services.participation.publicAnswers(t.fx.otherAgency.id, '', 1)).total, 0);
    await assert.rejects(t.services.participation.approve(t.fx.actor('officer'), id), { status: 409 });
  });

  test('without consent the answer goes to the asker but is not public', async () => {
    const r = await t.services.participation.submit(input({ consentToPublish: false, subject: '不公开的问题' }), 'ip');
    const id = await idOf(r.trackingCode);
    await t.services.participation.draft(t.fx.actor('officer'), id, { answer: '您好，已收到。' });
    await t.services.participation.approve(t.fx.actor('officer'), id);
    assert.equal((await t.services.participation.track(r.trackingCode, '6333')).answer, '您好，已收到。');
    assert.equal(await t.services.participation.publicAnswer(id), null);
    assert.equal((await t.services.participation.publicAnswers(t.fx.agency.id, '不公开', 1)).total, 0);
  });

  test('an invalid message keeps its reason, is audited and leaves the inspection count', async () => {
    const r = await t.services.participation.submit(input({ subject: '广告' }), 'ip');
    const id = await idOf(r.trackingCode);
    const before = await t.services.participation.inspectionSummary(t.fx.agency.id);
    await assert.rejects(t.services.participation.markInvalid(t.fx.actor('officer'), id, { reason: '' }), { status: 422 });
    await t.services.participation.markInvalid(t.fx.actor('officer'), id, { reason: '商业广告' });
    const m = await t.services.participation.get(t.fx.actor('officer'), id);
    assert.equal(m.status, 'invalid');
    assert.equal(m.invalidReason, '商业广告');
    assert.equal((await t.services.participation.inspectionSummary(t.fx.agency.id)).open, before.open - 1);
    const audit = await t.services.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', id).execute();
    assert.deepEqual(audit.map((a) => a.action), ['message.submit', 'message.markInvalid']);
  });

  test('reminders are idempotent and the 3-month line escalates at 1 and 2 months and when crossed', async () => {
    clock.set('2026-01-05T02:00:00Z');
    const r = await t.services.participation.submit(input({ subject: '升级测试' }), 'ip');
    const id = await idOf(r.trackingCode);
    const kinds = async () => (await notifications(id)).map((n) => n.kind).sort();

    await t.services.participation.dailySweep();
    assert.deepEqual(await kinds(), []);
    clock.set(`${r.replyDueOn}T02:00:00Z`);
    await t.services.participation.dailySweep();
    await t.services.participation.dailySweep();
    assert.deepEqual(await kinds(), ['message.dueSoon']);
    clock.set('2026-02-05T02:00:00Z');
    await t.services.participation.dailySweep();
    assert.deepEqual(await kinds(), ['message.dueSoon', 'message.inspection.oneMonth', 'message.overdue']);
    clock.set('2026-03-05T02:00:00Z');
    await t.services.participation.dailySweep();
    await t.services.participation.dailySweep();
    assert.deepEqual(await kinds(), ['message.dueSoon', 'message.inspection.oneMonth', 'message.inspection.twoMonths', 'message.overdue']);
    const escalation = (await notifications(id)).find((n) => n.kind === 'message.inspection.twoMonths')!;
    assert.equal(escalation.departmentId, null, 'agency-wide: the office and the leaders see it');
    assert.match(escalation.body, /3个月期限：2026-04-04/);
    const summary = await t.services.participation.inspectionSummary(t.fx.agency.id);
    assert.ok(summary.pastTwoMonths >= 1);
    clock.set('2026-04-05T02:00:00Z');
    await t.services.participation.dailySweep();
    assert.ok((await kinds()).includes('message.inspection.breached'));
    assert.ok((await t.services.participation.inspectionSummary(t.fx.agency.id)).breached >= 1);
    // Answered messages are no longer reminded.
    await t.services.participation.draft(t.fx.actor('officer'), id, { answer: '已处理。' });
    await t.services.participation.approve(t.fx.actor('officer'), id);
    const count = (await notifications(id)).length;
    clock.set('2026-05-05T02:00:00Z');
    await t.services.participation.dailySweep();
    assert.equal((await notifications(id)).length, count);
  });
});
