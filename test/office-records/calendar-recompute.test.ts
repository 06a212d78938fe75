// A working-day calendar change moves the office records' stored due dates (office-records.recompute.ts):
// a pending coordination letter's answer date (第十一条, told to the other agency) later, never
// earlier; an open reading-room row's date (第二十五条) both ways; answered letters and provided rows not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemActor } from '../../src/core/audit/audit.ts';
import { verifyAuditChain } from '../../src/core/audit/verify.ts';
import type { CalendarDay } from '../../src/core/time/calendar.ts';
import { FakeClock } from '../../src/core/time/clock.ts';
import { advanceTo, createColumn, draftInput, publishedItem } from '../factories.ts';
import { useServiceFixture } from '../helpers/service-fixture.ts';

const clock = new FakeClock('2025-11-03T02:00:00Z');
const t = useServiceFixture({ clock });
const admin = systemActor('系统管理员（测试）');
const letterInput = { recipientAgency: '赣州市住房和城乡建设局', recipientContact: '刘科长', question: '数据是否一致？' };

const coordination = (id: string) => t.services.database.db.selectFrom('releaseCoordinations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const roomRows = (itemId: string) => t.services.database.db.selectFrom('readingRoomProvisions').selectAll().where('itemId', '=', itemId).orderBy('roomName').execute();

describe('calendar change and office records', () => {
  test('pending letters follow a holiday but never come earlier; open reading-room rows follow both ways', async () => {
    const s = t.services;
    const fx = t.fx;
    const seeded: CalendarDay[] = await s.calendar.daysOfYear(2025);
    const columnId = (await createColumn(s, fx)).id;
    await s.officeRecords.readingRooms.setRooms(fx.actor('sysAdmin'), { rooms: [{ name: '市档案馆查阅点', address: '赣州市章贡区 1 号', hours: '工作日' }] });

    const pendingDraft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(columnId, { title: '待协调的公告' }));
    await advanceTo(s, fx, pendingDraft.id, 'officeCheck');
    const pending = await s.officeRecords.coordination.send(fx.actor('officer'), pendingDraft.id, letterInput);
    const answeredDraft = await s.catalog.createDraft(fx.actor('drafter'), draftInput(columnId, { title: '已协调的公告' }));
    await advanceTo(s, fx, answeredDraft.id, 'officeCheck');
    const answered = await s.officeRecords.coordination.send(fx.actor('officer'), answeredDraft.id, letterInput);
    await s.officeRecords.coordination.recordOutcome(fx.actor('officer'), answered.id, { outcome: 'agreed', answerText: '一致' });
    const open = await publishedItem(s, fx, columnId, { title: '待提供查阅场所的信息' });
    const provided = await publishedItem(s, fx, columnId, { title: '已提供查阅场所的信息' });
    await s.officeRecords.readingRooms.markProvided(fx.actor('officer'), { ids: (await roomRows(provided.id)).map((r) => r.id), providedOn: '2025-11-03' });
    // 5 working days from 11-04 end on 11-10; 20 on 12-01.
    assert.equal(pending.dueOn, '2025-11-10');
    assert.equal((await roomRows(open.id))[0].dueOn, '2025-12-01');

    await s.calendar.setYear(admin, 2025, [...seeded, { date: '2025-11-05', kind: 'holiday', name: '测试假日' }], '人工录入');
    assert.equal((await coordination(pending.id)).dueOn, '2025-11-11');
    assert.equal((await coordination(answered.id)).dueOn, '2025-11-10');
    assert.equal((await roomRows(open.id))[0].dueOn, '2025-12-02');
    assert.equal((await roomRows(provided.id))[0].dueOn, '2025-12-01');
    // Still blocked on the new last day.
    clock.set('2025-11-11T02:00:00Z');
    await assert.rejects(s.review.act(fx.actor('officer'), pendingDraft.id, 'publish', { opinion: '', basis: '' }), { code: 'RELEASE_COORDINATION_OPEN' });

    await s.calendar.setYear(admin, 2025, seeded, '人工录入');
    assert.equal((await coordination(pending.id)).dueOn, '2025-11-11');
    assert.equal((await roomRows(open.id))[0].dueOn, '2025-12-01');

    const audit = await s.database.db.selectFrom('auditEvents').select(['action', 'actorName', 'summary']).where('subjectId', '=', pendingDraft.id).where('action', '=', 'releaseCoordination.recomputeDueOn').execute();
    assert.deepEqual(audit.map((a) => [a.actorName, JSON.parse(a.summary).before.dueOn, JSON.parse(a.summary).after.dueOn]), [[admin.name, '2025-11-10', '2025-11-11']]);
    assert.equal((await s.database.db.selectFrom('auditEvents').select('id').where('subjectId', '=', open.id).where('action', '=', 'readingRoom.recomputeDueOn').execute()).length, 2);
    assert.equal((await verifyAuditChain(s.database.db)).ok, true);
  });
});
