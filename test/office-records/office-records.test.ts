// Office records (issue 6 part 7) on a real database: release coordination blocking publication,
// outcome recording, the clarification fast path, reading-room provision rows and reminders.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeClock } from '../../src/core/time/clock.ts';
import { AppError } from '../../src/core/errors.ts';
import { advanceTo, createColumn, createFixture, draftInput, publishedItem, type Fixture } from '../factories.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

let s: TestServices;
let fx: Fixture;
let columnId: string;
const clock = () => s.clock as FakeClock;
const rejects = (p: Promise<unknown>, status: number, code: string) =>
  assert.rejects(p, (e: unknown) => e instanceof AppError && e.status === status && e.code === code);

before(async () => {
  s = await createTestServices();
  fx = await createFixture(s);
  columnId = (await createColumn(s, fx)).id;
});
after(() => s.cleanup());

describe('release coordination (发布协调)', () => {
  test('the answer is due in 5 working days and an open letter blocks publication', async () => {
    clock().set('2025-09-26T02:00:00Z');
    const draft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(columnId, { title: '关于某地块规划调整的公告' }));
    await advanceTo(s, fx, draft.id, 'officeCheck');
    const letter = await s.officeRecords.coordination.send(fx.actor('officer'), draft.id, {
      recipientAgency: '赣州市住房和城乡建设局', recipientContact: '刘科长 0797-1234567', question: '公告所涉安置房数据是否与贵局一致？',
    });
    // 2025-09-26 (Fri) + 5 working days: 09-28 (adjusted workday), 09-29, 09-30, [10-01..08 holiday], 10-09, 10-10.
    assert.equal(letter.dueOn, '2025-10-10');
    assert.equal(letter.number, '发布协调〔2025〕1号');
    assert.equal(letter.outcome, 'pending');
    assert.equal(letter.blocksPublication, true);
    await rejects(s.review.act(fx.actor('officer'), draft.id, 'publish', { opinion: '', basis: '' }), 409, 'RELEASE_COORDINATION_OPEN');
    // Still blocked on the due date itself; publishable the day after, and silence is recorded.
    clock().set('2025-10-10T02:00:00Z');
    await rejects(s.review.act(fx.actor('officer'), draft.id, 'publish', { opinion: '', basis: '' }), 409, 'RELEASE_COORDINATION_OPEN');
    clock().set('2025-10-11T02:00:00Z');
    const published = await s.review.act(fx.actor('officer'), draft.id, 'publish', { opinion: '', basis: '' });
    assert.equal(published.status, 'published');
    const [after] = await s.officeRecords.coordination.list(fx.actor('officer'), draft.id);
    assert.equal(after.outcome, 'noAnswer');
    assert.equal(after.recordedBy, '系统');
  });

  test('outcomes are recorded once; objections need their text; no-answer only after the deadline', async () => {
    clock().set('2025-11-03T02:00:00Z');
    const draft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(columnId, { title: '关于征地补偿标准调整的通知' }));
    const input = { recipientAgency: '赣州市财政局', recipientContact: '王主任', question: '补偿资金来源表述是否准确？' };
    await rejects(s.officeRecords.coordination.send(fx.otherActor('officer'), draft.id, input), 404, 'NOT_FOUND');
    await rejects(s.officeRecords.coordination.send(fx.actor('leader'), draft.id, input), 403, 'FORBIDDEN');
    const letter = await s.officeRecords.coordination.send(fx.actor('drafter'), draft.id, input);
    assert.equal(letter.number, '发布协调〔2025〕2号');
    assert.equal(letter.dueOn, '2025-11-10');
    await rejects(s.officeRecords.coordination.recordOutcome(fx.actor('officer'), letter.id, { outcome: 'noAnswer', answerText: '' }), 409, 'COORDINATION_NOT_DUE');
    await rejects(s.officeRecords.coordination.recordOutcome(fx.actor('officer'), letter.id, { outcome: 'objections', answerText: '' }), 422, 'VALIDATION_FAILED');
    clock().set('2025-11-05T02:00:00Z');
    const recorded = await s.officeRecords.coordination.recordOutcome(fx.actor('officer'), letter.id, {
      outcome: 'objections', answerText: '资金来源应为市级统筹。', answeredOn: '2025-11-04',
    });
    assert.deepEqual([recorded.outcome, recorded.answerText, recorded.answeredOn, recorded.blocksPublication], ['objections', '资金来源应为市级统筹。', '2025-11-04', false]);
    await rejects(s.officeRecords.coordination.recordOutcome(fx.actor('officer'), letter.id, { outcome: 'agreed', answerText: '' }), 409, 'COORDINATION_ALREADY_RECORDED');
    // Once answered, the item may be published.
    assert.equal((await advanceTo(s, fx, draft.id, 'published')).status, 'published');
    const audit = await s.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', draft.id).execute();
    assert.ok(audit.some((a) => a.action === 'releaseCoordination.send'));
    assert.ok(audit.some((a) => a.action === 'releaseCoordination.outcome'));
  });

  test('reminders before the due date are sent once', async () => {
    clock().set('2025-11-10T02:00:00Z');
    const draft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(columnId, { title: '关于矿业权出让的公示' }));
    const letter = await s.officeRecords.coordination.send(fx.actor('officer'), draft.id, { recipientAgency: '赣州市生态环境局', recipientContact: '陈', question: '环评结论是否可以公开？' });
    assert.equal(letter.dueOn, '2025-11-17');
    const count = () => s.database.db.selectFrom('notifications').select('uniqueKey').where('subjectId', '=', draft.id).execute();
    await s.officeRecords.dailySweep();
    assert.equal((await count()).length, 0);
    clock().set('2025-11-14T02:00:00Z');
    await s.officeRecords.dailySweep();
    await s.officeRecords.dailySweep();
    assert.deepEqual((await count()).map((n) => n.uniqueKey), [`releaseCoordination:${letter.id}:2025-11-17:dueSoon`]);
  });
});

describe('clarifications (澄清)', () => {
  test('a clarification takes only the fast path, each step due within 1 working day', async () => {
    clock().set('2025-12-01T02:00:00Z');
    const target = await publishedItem(s, fx, columnId, { title: '关于某村土地征收范围的公告' });
    const draft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(columnId, { title: '关于网传某村全部征收的澄清说明' }));
    await rejects(s.officeRecords.clarifications.mark(fx.actor('drafter'), draft.id, { correctsItemId: null, circulatingInfo: '', circulatingUrl: '' }), 422, 'VALIDATION_FAILED');
    const detail = await s.officeRecords.clarifications.mark(fx.actor('drafter'), draft.id, {
      correctsItemId: target.id, circulatingInfo: '网传某村将被全部征收', circulatingUrl: 'https://example.org/post/1',
    });
    assert.equal(detail.correctsTitle, '关于某村土地征收范围的公告');
    const submitted = await s.review.act(fx.actor('drafter'), draft.id, 'submit', { opinion: '', basis: '' });
    assert.equal(submitted.status, 'confidentialityReview');
    assert.equal(submitted.isClarification, true);
    const queue = await s.review.queue(fx.actor('confidentialityReviewer'));
    const entry = queue.find((e) => e.item.id === draft.id);
    assert.equal(entry?.dueOn, '2025-12-02');
    await s.review.act(fx.actor('confidentialityReviewer'), draft.id, 'approve', { opinion: '', basis: '' });
    // The leader publishes; the ordinary approve → office check is not open to a clarification.
    await rejects(s.review.act(fx.actor('leader'), draft.id, 'approve', { opinion: '', basis: '' }), 403, 'FORBIDDEN');
    assert.deepEqual(s.review.availableVerbs(fx.actor('leader'), { ...submitted, status: 'leaderApproval' }), ['sendBack', 'publish']);
    const published = await s.review.act(fx.actor('leader'), draft.id, 'publish', { opinion: '同意', basis: '' });
    assert.equal(published.status, 'published');
    const steps = (await s.review.records(fx.actor('officer'), draft.id)).map((r) => r.step);
    assert.deepEqual(steps, ['draft', 'confidentialityReview', 'leaderApproval']);
    assert.equal((await s.officeRecords.clarifications.forPublic(draft.id))?.correctsItemId, target.id);
  });

  test('ordinary items cannot use the fast path; only drafts can be marked', async () => {
    const draft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(columnId, { title: '普通通知' }));
    assert.equal((await s.review.act(fx.actor('drafter'), draft.id, 'submit', { opinion: '', basis: '' })).status, 'departmentReview');
    await rejects(s.officeRecords.clarifications.mark(fx.actor('officer'), draft.id, { correctsItemId: null, circulatingInfo: '网传', circulatingUrl: '' }), 409, 'ITEM_NOT_DRAFT');
    await advanceTo(s, fx, draft.id, 'leaderApproval');
    await rejects(s.review.act(fx.actor('leader'), draft.id, 'publish', { opinion: '', basis: '' }), 403, 'FORBIDDEN');
  });
});

describe('reading-room provision (查阅场所)', () => {
  const rooms = [
    { name: '市档案馆查阅点', address: '赣州市章贡区 1 号', hours: '工作日' },
    { name: '市图书馆查阅点', address: '赣州市章贡区 2 号', hours: '每日' },
  ];

  test('rows for each room at publication, due 20 working days later; overdue listed first; bulk tick', async () => {
    await s.officeRecords.readingRooms.setRooms(fx.actor('sysAdmin'), { rooms });
    clock().set('2025-09-26T02:00:00Z');
    const early = await publishedItem(s, fx, columnId, { title: '较早发布的信息' });
    clock().set('2025-10-09T02:00:00Z');
    const late = await publishedItem(s, fx, columnId, { title: '较晚发布的信息' });
    const intranet = await publishedItem(s, fx, columnId, { title: '内网信息', scope: 'intranet' });
    const rows = await s.officeRecords.readingRooms.ofItem(fx.actor('officer'), early.id);
    assert.deepEqual(rows.map((r) => [r.roomName, r.publishedOn, r.dueOn]), [
      ['市图书馆查阅点', '2025-09-26', '2025-10-30'], ['市档案馆查阅点', '2025-09-26', '2025-10-30'],
    ].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    assert.equal((await s.officeRecords.readingRooms.ofItem(fx.actor('officer'), intranet.id)).length, 0);

    clock().set('2025-10-31T02:00:00Z');
    const list = await s.officeRecords.readingRooms.list(fx.actor('officer'), { state: 'open', roomName: '市档案馆查阅点' });
    const mine = list.filter((r) => r.itemId === early.id || r.itemId === late.id);
    // 2025-10-09 + 20 working days (10-11 is an adjusted workday) = 2025-11-05: 3 working days left.
    assert.deepEqual(mine.map((r) => [r.title, r.dueOn, r.dueState]), [['较早发布的信息', '2025-10-30', 'overdue'], ['较晚发布的信息', '2025-11-05', 'dueSoon']]);
    assert.equal(list[0].dueState, 'overdue');

    await rejects(s.officeRecords.readingRooms.markProvided(fx.actor('drafter'), { ids: [mine[0].id], providedOn: '2025-10-31' }), 403, 'FORBIDDEN');
    await rejects(s.officeRecords.readingRooms.markProvided(fx.actor('officer'), { ids: [mine[0].id], providedOn: '2025-11-01' }), 422, 'VALIDATION_FAILED');
    const changed = await s.officeRecords.readingRooms.markProvided(fx.actor('officer'), { ids: mine.map((r) => r.id), providedOn: '2025-10-31' });
    assert.equal(changed, 2);
    const provided = await s.officeRecords.readingRooms.list(fx.actor('officer'), { state: 'provided', roomName: '市档案馆查阅点' });
    assert.ok(provided.some((r) => r.itemId === early.id && r.providedOn === '2025-10-31' && r.providedBy === '孙公开(' + fx.users.officer.username + ')'));
    assert.equal(await s.officeRecords.readingRooms.markProvided(fx.actor('officer'), { ids: [mine[0].id], providedOn: '2025-10-31' }), 0);
  });

  test('the safety-net job fills missing rows for recent publications, idempotently', async () => {
    clock().set('2025-11-20T02:00:00Z');
    const item = await publishedItem(s, fx, columnId, { title: '新增查阅场所前发布的信息' });
    await s.officeRecords.readingRooms.setRooms(fx.actor('officer'), { rooms: [...rooms, { name: '市政务服务中心', address: '', hours: '' }] });
    assert.equal((await s.officeRecords.readingRooms.ofItem(fx.actor('officer'), item.id)).length, 2);
    const filled = await s.officeRecords.readingRooms.fillMissing();
    assert.ok(filled >= 1);
    const rows = await s.officeRecords.readingRooms.ofItem(fx.actor('officer'), item.id);
    assert.deepEqual(rows.map((r) => r.roomName).sort(), ['市图书馆查阅点', '市政务服务中心', '市档案馆查阅点'].sort());
    assert.equal(await s.officeRecords.readingRooms.fillMissing(), 0);
    // Items published long before the backfill window are not turned into overdue rows.
    const old = await s.database.db.selectFrom('readingRoomProvisions').select('id').where('roomName', '=', '市政务服务中心').where('publishedOn', '<', '2025-10-20').execute();
    assert.equal(old.length, 0);
  });

  test('rooms: validation and permission', async () => {
    await rejects(s.officeRecords.readingRooms.setRooms(fx.actor('drafter'), { rooms }), 403, 'FORBIDDEN');
    await rejects(s.officeRecords.readingRooms.setRooms(fx.actor('sysAdmin'), { rooms: [rooms[0], rooms[0]] }), 422, 'VALIDATION_FAILED');
  });
});
