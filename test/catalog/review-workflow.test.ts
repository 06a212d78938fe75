// The publication workflow on a real database: every transition, every send-back, the principal
// leader's step for major items, role and agency boundaries, archived records and audit events.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useServiceFixture } from '../helpers/service-fixture.ts';
import { advanceTo, createColumn, draftInput, type Fixture } from '../factories.ts';
import type { ItemStatus } from '../../src/modules/catalog/index.ts';

let columnId: string;
const t = useServiceFixture({
  setup: async ({ services, fx }) => {
    columnId = (await createColumn(services, fx)).id;
  },
});

const newDraft = (extra = {}) => t.services.catalog.createDraft(t.fx.actor('drafter'), draftInput(columnId, extra));

async function rejects(p: Promise<unknown>, status: number, code?: string) {
  await assert.rejects(p, (err: { status?: number; code?: string }) => {
    assert.equal(err.status, status);
    if (code) assert.equal(err.code, code);
    return true;
  });
}

describe('review workflow', () => {
  test('an ordinary item goes draft → departmentReview → confidentialityReview → leaderApproval → officeCheck → published', async () => {
    const item = await newDraft();
    const seen: ItemStatus[] = [item.status];
    for (const [who, verb] of [['drafter', 'submit'], ['departmentHead', 'approve'], ['confidentialityReviewer', 'approve'], ['leader', 'approve'], ['officer', 'publish']] as const) {
      const next = await t.services.review.act(t.fx.actor(who), item.id, verb, { opinion: '同意', basis: '' });
      seen.push(next.status);
    }
    assert.deepEqual(seen, ['draft', 'departmentReview', 'confidentialityReview', 'leaderApproval', 'officeCheck', 'published']);
    const published = await t.services.catalog.getForStaff(t.fx.actor('officer'), item.id);
    assert.equal(published.publishedOn, '2025-09-26');
    assert.match(published.indexNumber!, new RegExp(`^${t.fx.agency.creditCode}/2025-\\d{5}$`));
    assert.ok(await t.services.catalog.getPublished(item.id));
  });

  test('a major item needs the principal leader; an ordinary leader cannot give that approval', async () => {
    const item = await newDraft({ isMajor: true });
    await advanceTo(t.services, t.fx, item.id, 'leaderApproval');
    const afterLeader = await t.services.review.act(t.fx.actor('leader'), item.id, 'approve', { opinion: '同意，报主要领导', basis: '' });
    assert.equal(afterLeader.status, 'principalApproval');
    await rejects(t.services.review.act(t.fx.actor('leader'), item.id, 'approve', { opinion: '', basis: '' }), 403, 'FORBIDDEN');
    assert.deepEqual(t.services.review.availableVerbs(t.fx.actor('leader'), afterLeader), []);
    assert.deepEqual(t.services.review.availableVerbs(t.fx.actor('principalLeader'), afterLeader), ['approve', 'sendBack']);
    const done = await t.services.review.act(t.fx.actor('principalLeader'), item.id, 'approve', { opinion: '同意发布', basis: '' });
    assert.equal(done.status, 'officeCheck');
  });

  const sendBackCases: [ItemStatus, Parameters<Fixture['actor']>[0], boolean][] = [
    ['departmentReview', 'departmentHead', false],
    ['confidentialityReview', 'confidentialityReviewer', false],
    ['leaderApproval', 'leader', false],
    ['principalApproval', 'principalLeader', true],
    ['officeCheck', 'officer', false],
  ];
  for (const [status, who, isMajor] of sendBackCases) {
    test(`send back from ${status} returns the item to draft, with a required opinion`, async () => {
      const item = await newDraft({ isMajor });
      await advanceTo(t.services, t.fx, item.id, status);
      await rejects(t.services.review.act(t.fx.actor(who), item.id, 'sendBack', { opinion: '  ', basis: '' }), 422, 'VALIDATION_FAILED');
      await assert.rejects(t.services.review.act(t.fx.actor(who), item.id, 'sendBack', { opinion: '', basis: '' }), (err: { fields: { field: string }[] }) =>
        err.fields.some((f) => f.field === 'opinion'));
      const back = await t.services.review.act(t.fx.actor(who), item.id, 'sendBack', { opinion: '请补充征地范围图', basis: '保密审查意见' });
      assert.equal(back.status, 'draft');
      const last = (await t.services.review.records(t.fx.actor('drafter'), item.id)).at(-1)!;
      assert.equal(last.conclusion, 'sentBack');
      assert.equal(last.step, status);
      assert.equal(last.opinion, '请补充征地范围图');
      // The drafter sees it again in the queue and can resubmit.
      const queue = await t.services.review.queue(t.fx.actor('drafter'));
      assert.ok(queue.some((e) => e.item.id === item.id && e.verbs.includes('submit')));
      const again = await t.services.review.act(t.fx.actor('drafter'), item.id, 'submit', { opinion: '已修改', basis: '' });
      assert.equal(again.status, 'departmentReview');
    });
  }

  test('roles: a drafter cannot approve, a department head of another department cannot review, nobody skips a step', async () => {
    const item = await newDraft();
    await rejects(t.services.review.act(t.fx.actor('drafter'), item.id, 'approve', { opinion: '', basis: '' }), 409, 'TRANSITION_NOT_ALLOWED');
    await rejects(t.services.review.act(t.fx.actor('officer'), item.id, 'submit', { opinion: '', basis: '' }), 403, 'FORBIDDEN');
    await t.services.review.act(t.fx.actor('drafter'), item.id, 'submit', { opinion: '', basis: '' });
    await rejects(t.services.review.act(t.fx.actor('drafter'), item.id, 'approve', { opinion: '', basis: '' }), 403, 'FORBIDDEN');
    await rejects(t.services.review.act(t.fx.actor('leader'), item.id, 'approve', { opinion: '', basis: '' }), 403);
    await rejects(t.services.review.act(t.fx.actor('officer'), item.id, 'publish', { opinion: '', basis: '' }), 409, 'TRANSITION_NOT_ALLOWED');
    const otherHead = { ...t.fx.actor('departmentHead'), user: { ...t.fx.users.departmentHead, departmentId: t.fx.departments.farmland.id } };
    await rejects(t.services.review.act(otherHead, item.id, 'approve', { opinion: '', basis: '' }), 403);
    assert.equal((await t.services.catalog.getForStaff(t.fx.actor('officer'), item.id)).status, 'departmentReview');
  });

  test('agency boundary: users of another agency get 404 for everything about the item', async () => {
    const item = await newDraft();
    await advanceTo(t.services, t.fx, item.id, 'confidentialityReview');
    await rejects(t.services.review.act(t.fx.otherActor('confidentialityReviewer'), item.id, 'approve', { opinion: '', basis: '' }), 404, 'NOT_FOUND');
    await rejects(t.services.catalog.getForStaff(t.fx.otherActor('officer'), item.id), 404, 'NOT_FOUND');
    await rejects(t.services.review.records(t.fx.otherActor('officer'), item.id), 404, 'NOT_FOUND');
    assert.ok(!(await t.services.review.queue(t.fx.otherActor('confidentialityReviewer'))).some((e) => e.item.id === item.id));
    const list = await t.services.catalog.listForStaff(t.fx.otherActor('officer'), { page: 1, pageSize: 100 });
    assert.equal(list.items.filter((i) => i.id === item.id).length, 0);
  });

  test('non-proactive items cannot be published', async () => {
    const item = await newDraft({ disclosureMode: 'onRequest', disclosureModeReason: '涉及过程性信息' });
    await advanceTo(t.services, t.fx, item.id, 'officeCheck');
    await rejects(t.services.review.act(t.fx.actor('officer'), item.id, 'publish', { opinion: '', basis: '' }), 403);
  });

  test('takedown by the office removes the item from the public catalog and search, with an archived reason', async () => {
    const item = await newDraft({ title: '撤稿测试：临时用地公告' });
    await advanceTo(t.services, t.fx, item.id, 'published');
    assert.ok((await t.services.search.search({ q: '临时用地', page: 1, pageSize: 10 })).hits.some((h) => h.itemId === item.id));
    await rejects(t.services.review.act(t.fx.actor('officer'), item.id, 'takedown', { opinion: '', basis: '' }), 422);
    await rejects(t.services.review.act(t.fx.actor('leader'), item.id, 'takedown', { opinion: '错误', basis: '' }), 403);
    const down = await t.services.review.act(t.fx.actor('officer'), item.id, 'takedown', { opinion: '含未去标识化的个人信息', basis: '条例第十五条' });
    assert.equal(down.status, 'takenDown');
    assert.equal(await t.services.catalog.getPublished(item.id), undefined);
    assert.ok(!(await t.services.search.search({ q: '临时用地', page: 1, pageSize: 10 })).hits.some((h) => h.itemId === item.id));
    assert.equal((await t.services.review.records(t.fx.actor('officer'), item.id)).at(-1)!.conclusion, 'takenDown');
  });

  test('every step leaves an archived review record and an audit event', async () => {
    const item = await newDraft({ title: '国有建设用地使用权出让公告', docNumber: '赣市自然资告〔2025〕9号', summary: '出让地块信息' });
    await advanceTo(t.services, t.fx, item.id, 'published');
    const records = await t.services.review.records(t.fx.actor('officer'), item.id);
    assert.deepEqual(records.map((r) => [r.step, r.conclusion]), [
      ['draft', 'submitted'], ['departmentReview', 'approved'], ['confidentialityReview', 'approved'], ['leaderApproval', 'approved'], ['officeCheck', 'published'],
    ]);
    for (const r of records) {
      assert.equal(r.itemTitle, '国有建设用地使用权出让公告');
      assert.equal(r.itemDocNumber, '赣市自然资告〔2025〕9号');
      assert.equal(r.itemSummary, '出让地块信息');
      assert.ok(r.reviewerName && r.at);
    }
    const events = await t.services.database.db.selectFrom('auditEvents').select('action').where('subjectId', '=', item.id).orderBy('seq').execute();
    assert.deepEqual(events.map((e) => e.action), ['item.create', 'item.submit', 'item.approve', 'item.approve', 'item.approve', 'item.publish']);
  });

  test('queues: each role sees what it must do next, with the deadline and its explanation, oldest due first', async () => {
    const late = await newDraft({ title: '较早成文', writtenOn: '2025-09-01' });
    const early = await newDraft({ title: '较晚成文', writtenOn: '2025-09-20' });
    await advanceTo(t.services, t.fx, late.id, 'confidentialityReview');
    await advanceTo(t.services, t.fx, early.id, 'confidentialityReview');
    const queue = await t.services.review.queue(t.fx.actor('confidentialityReviewer'));
    const mine = queue.filter((e) => e.item.id === late.id || e.item.id === early.id);
    assert.deepEqual(mine.map((e) => e.item.id), [late.id, early.id]);
    assert.deepEqual(mine[0].verbs, ['approve', 'sendBack']);
    assert.equal(mine[0].dueOn, '2025-09-28'); // 2025-09-28 (Sunday) is an adjusted working day
    assert.equal(mine[0].dueState, 'dueSoon');
    assert.match(mine[0].dueExplanation!, /成文日期 2025-09-01/);
    for (let i = 1; i < queue.length; i++) assert.ok((queue[i - 1].dueOn ?? '9') <= (queue[i].dueOn ?? '9'));
    assert.ok(!(await t.services.review.queue(t.fx.actor('leader'))).some((e) => e.item.id === late.id));
    assert.ok(!(await t.services.review.queue(t.fx.actor('drafter'))).some((e) => e.item.id === late.id));
  });
});
