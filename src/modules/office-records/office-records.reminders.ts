// Reminders of the office records, sent by the daily sweep. Each notification has a unique key
// (record, due date, milestone) inserted with on-conflict-do-nothing, so repeated sweeps, restarts
// and several workers never send one twice.
import { nowIso, today } from '../../core/time/clock.ts';
import { newId } from '../../core/ids.ts';
import type { CoordinationService, OfficeRecordsDeps } from './coordination.service.ts';
import { officeRecordsRepository } from './office-records.repository.ts';
import { READING_ROOM_REMINDER_WORKING_DAYS_BEFORE, REMINDER_WORKING_DAYS_BEFORE } from './office-records.rules.ts';
import { readingRoomsRepository } from './reading-rooms.repository.ts';

type Milestone = 'dueSoon' | 'overdue';

export async function sendOfficeRecordReminders(deps: OfficeRecordsDeps, coordination: CoordinationService): Promise<number> {
  const { db, clock } = deps;
  const calendar = await deps.calendar.get();
  const todayOn = today(clock);
  const repo = officeRecordsRepository(db);
  const milestone = (dueOn: string, before: number): Milestone | null =>
    todayOn > dueOn ? 'overdue' : calendar.workingDaysBetween(todayOn, dueOn) <= before ? 'dueSoon' : null;
  let sent = 0;

  for (const c of await repo.pendingCoordinations()) {
    const m = milestone(c.dueOn, REMINDER_WORKING_DAYS_BEFORE);
    if (!m) continue;
    const inserted = await repo.insertReminder({
      id: newId(), uniqueKey: `releaseCoordination:${c.id}:${c.dueOn}:${m}`, agencyId: c.agencyId, departmentId: c.departmentId, userId: null,
      subjectType: 'item', subjectId: c.itemId, kind: `releaseCoordination.${m}`,
      title: m === 'overdue' ? `发布协调已逾期未答复：${c.title}` : `发布协调即将到期：${c.title}`,
      body: m === 'overdue'
        ? `${c.number}（致${c.recipientAgency}）答复期限 ${c.dueOn} 已届满，已登记为逾期未答复，可以继续发布。`
        : `${c.number}（致${c.recipientAgency}）答复期限 ${c.dueOn}，请及时跟进对方答复。`,
      createdAt: nowIso(clock), readAt: null,
    });
    if (inserted) sent++;
  }
  // Silence past the deadline is recorded as such (after the reminder above has been keyed).
  const rooms = readingRoomsRepository(db);
  await db.transaction().execute(async (trx) => {
    const pending = await officeRecordsRepository(trx).pendingCoordinations();
    const rows = await Promise.all(pending.filter((p) => p.dueOn < todayOn).map((p) => officeRecordsRepository(trx).coordination(p.id)));
    await coordination.expireOverdue(trx, rows.filter((r) => r !== undefined));
  });

  for (const r of await rooms.open()) {
    const m = milestone(r.dueOn, READING_ROOM_REMINDER_WORKING_DAYS_BEFORE);
    if (!m) continue;
    const inserted = await repo.insertReminder({
      id: newId(), uniqueKey: `readingRoom:${r.id}:${r.dueOn}:${m}`, agencyId: r.agencyId, departmentId: null, userId: null,
      subjectType: 'readingRoomProvision', subjectId: r.id, kind: `readingRoom.${m}`,
      title: m === 'overdue' ? `查阅场所提供已逾期：${r.title}` : `查阅场所提供即将到期：${r.title}`,
      body: `请于 ${r.dueOn} 前将《${r.title}》提供给“${r.roomName}”，并在查阅场所清单中登记。`,
      createdAt: nowIso(clock), readAt: null,
    });
    if (inserted) sent++;
  }
  return sent;
}
