// Every statutory period of a request, computed by one function each from the working-day
// calendar, explained in words and never typed by hand.
import type { PauseSpan, WorkingDayCalendar } from '../../core/time/calendar.ts';
import { addCalendarDays } from '../../core/time/dates.ts';
import { computeDeadline, type Deadline } from '../../core/time/deadline.ts';

/** 第三十条: the one-time correction notice goes out within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** 第三十三条: reply within 20 working days of receipt. */
export const REPLY_WORKING_DAYS = 20;
/** 第三十三条: one extension of at most 20 working days, approved by the office head. */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** 第三十二、三十四条: a third party or co-agency answers within 15 working days. */
export const CONSULTATION_WORKING_DAYS = 15;
/** The reasonable period (第三十条) the applicant gets to correct, unless the officer sets another. */
export const DEFAULT_CORRECTION_PERIOD_WORKING_DAYS = 15;

export interface RecordedPause {
  /** The day the consultation letter went out (counted). */
  startedOn: string;
  /** The day the answer arrived (not counted); null while the pause is open. */
  endedOn: string | null;
}

/**
 * The days a pause removes from the reply period: those after the letter went out, up to and
 * including the day the answer arrived (the clock resumes the next day, as it starts the day
 * after receipt). An open pause counts as running until `todayOn`, giving a provisional date.
 */
export function pauseSpans(pauses: RecordedPause[], todayOn: string): PauseSpan[] {
  return pauses
    .map((p) => ({ from: addCalendarDays(p.startedOn, 1), to: p.endedOn ?? todayOn }))
    .filter((s) => s.from <= s.to);
}

export function correctionNoticeDeadline(calendar: WorkingDayCalendar, receivedOn: string): Deadline {
  return computeDeadline(calendar, receivedOn, CORRECTION_NOTICE_WORKING_DAYS, '收到申请');
}

export interface ReplyClock {
  /** The receipt date that starts the clock: the corrected request's date after a correction. */
  receivedOn: string;
  extensionDays: number;
  pauses: RecordedPause[];
}

export interface ReplyDeadline extends Deadline {
  /** True while a consultation is open: the date moves on each day it stays open. */
  provisional: boolean;
}

export function replyDeadline(calendar: WorkingDayCalendar, clock: ReplyClock, todayOn: string): ReplyDeadline {
  if (clock.extensionDays < 0 || clock.extensionDays > MAX_EXTENSION_WORKING_DAYS)
    throw new RangeError(`extension must be 0–${MAX_EXTENSION_WORKING_DAYS} working days`);
  const spans = pauseSpans(clock.pauses, todayOn);
  const days = REPLY_WORKING_DAYS + clock.extensionDays;
  const d = computeDeadline(calendar, clock.receivedOn, days, '收到申请', spans);
  const explanation = clock.extensionDays
    ? d.explanation.replace(`${days} 个工作日`, `${REPLY_WORKING_DAYS} 个工作日 + 延期 ${clock.extensionDays} 个工作日`)
    : d.explanation;
  return { ...d, explanation, provisional: clock.pauses.some((p) => p.endedOn === null) };
}

export function consultationDeadline(calendar: WorkingDayCalendar, startedOn: string): Deadline {
  return computeDeadline(calendar, startedOn, CONSULTATION_WORKING_DAYS, '发出征求意见');
}

export function correctionPeriodDeadline(calendar: WorkingDayCalendar, noticeOn: string, workingDays = DEFAULT_CORRECTION_PERIOD_WORKING_DAYS): Deadline {
  return computeDeadline(calendar, noticeOn, workingDays, '发出补正通知');
}
