// The catalog's two clocks, in working days (REGULATION.md "Time").
import { validationFailed } from '../../core/errors.ts';
import { CalendarYearMissingError, type WorkingDayCalendar } from '../../core/time/calendar.ts';
import { computeDeadline, type Deadline } from '../../core/time/deadline.ts';

/** 条例 第二十六条: publish within 20 working days of the information being formed or changed. */
export const PUBLISH_WORKING_DAYS = 20;
/** Local rule (REGULATION.md): a repeal notice (废止说明) within 10 working days of the repeal. */
export const REPEAL_NOTICE_WORKING_DAYS = 10;

/** The clock starts at 成文日期, or at the leader's approval when the item has none. */
export function publishClockStart(item: { writtenOn: string | null; approvedOn: string | null }): { startOn: string; label: string } | null {
  if (item.writtenOn) return { startOn: item.writtenOn, label: '成文日期' };
  if (item.approvedOn) return { startOn: item.approvedOn, label: '审定日期' };
  return null;
}

export function publishDueOn(calendar: WorkingDayCalendar, item: { writtenOn: string | null; approvedOn: string | null }): string | null {
  const start = publishClockStart(item);
  return start ? calendar.addWorkingDays(start.startOn, PUBLISH_WORKING_DAYS) : null;
}

export function publishDeadline(calendar: WorkingDayCalendar, item: { writtenOn: string | null; approvedOn: string | null }): Deadline | null {
  const start = publishClockStart(item);
  return start ? computeDeadline(calendar, start.startOn, PUBLISH_WORKING_DAYS, start.label) : null;
}

export function repealNoticeDeadline(calendar: WorkingDayCalendar, repealedOn: string): Deadline {
  return computeDeadline(calendar, repealedOn, REPEAL_NOTICE_WORKING_DAYS, '废止日期');
}

/** Runs a calendar computation; a year the calendar lacks becomes an error on the given field. */
export function onField<T>(field: string, compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof CalendarYearMissingError) throw validationFailed([{ field, message: err.message }]);
    throw err;
  }
}
