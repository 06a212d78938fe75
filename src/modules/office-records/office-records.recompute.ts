// What a working-day calendar change does to the office records, in the calendar edit's
// transaction (rule: core/time/told-dates.ts):
// - a pending release coordination's dueOn (条例 第十一条; 5 working days, told to the other agency
//   in the letter): later when a holiday falls inside, never earlier than the letter said; the
//   item stays blocked until then. Answered letters keep their date.
// - a reading-room row's dueOn (第二十五条; 20 working days from publication, the office's own
//   duty): recomputed both ways while not yet provided; provided rows keep theirs.
// Each change is audited under the administrator who edited the calendar. A date running into a
// year not yet entered stays as stored.
import { appendAuditEvent, type Actor } from '../../core/audit/audit.ts';
import type { DbOrTrx } from '../../core/db/database.ts';
import { CalendarYearMissingError, type WorkingDayCalendar } from '../../core/time/calendar.ts';
import type { Clock } from '../../core/time/clock.ts';
import { toldDateAfterCalendarChange } from '../../core/time/told-dates.ts';
import { officeRecordsRepository } from './office-records.repository.ts';
import { coordinationDeadline, readingRoomDeadline } from './office-records.rules.ts';
import { readingRoomsRepository } from './reading-rooms.repository.ts';

function unlessYearMissing(compute: () => string): string | null {
  try {
    return compute();
  } catch (err) {
    if (err instanceof CalendarYearMissingError) return null;
    throw err;
  }
}

/** Recomputes pending coordination letters and open reading-room rows; returns how many changed. */
export async function recomputeOfficeRecordDates(deps: { clock: Clock }, trx: DbOrTrx, calendar: WorkingDayCalendar, actor: Actor): Promise<number> {
  const at = deps.clock.now().toISOString();
  let changed = 0;
  const letters = officeRecordsRepository(trx);
  for (const c of await letters.pendingCoordinationDates()) {
    const dueOn = unlessYearMissing(() => toldDateAfterCalendarChange(c.dueOn, coordinationDeadline(calendar, c.sentOn).dueOn));
    if (dueOn === null || dueOn === c.dueOn) continue;
    await letters.setCoordinationDueOn(c.id, dueOn, at);
    await appendAuditEvent(trx, deps.clock, actor, {
      action: 'releaseCoordination.recomputeDueOn', subjectType: 'item', subjectId: c.itemId, agencyId: c.agencyId,
      before: { number: c.number, dueOn: c.dueOn }, after: { number: c.number, dueOn, reason: '工作日历调整' },
    });
    changed++;
  }
  const rooms = readingRoomsRepository(trx);
  for (const r of await rooms.openDates()) {
    const dueOn = unlessYearMissing(() => readingRoomDeadline(calendar, r.publishedOn).dueOn);
    if (dueOn === null || dueOn === r.dueOn) continue;
    await rooms.setDueOn(r.id, dueOn);
    await appendAuditEvent(trx, deps.clock, actor, {
      action: 'readingRoom.recomputeDueOn', subjectType: 'item', subjectId: r.itemId, agencyId: r.agencyId,
      before: { roomName: r.roomName, dueOn: r.dueOn }, after: { roomName: r.roomName, dueOn, reason: '工作日历调整' },
    });
    changed++;
  }
  return changed;
}
