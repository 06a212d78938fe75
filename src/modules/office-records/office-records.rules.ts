// The office-record rules as named constants and pure functions (REGULATION.md: one constant per
// rule, with its source). Release coordination: 条例 第十一条 (information that concerns another
// agency is confirmed with it so that what agencies publish is accurate and consistent); reading
// rooms: 条例 第二十五条 (published information is provided to archives, libraries and other
// reading places in time).
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { computeDeadline, type Deadline } from '../../core/time/deadline.ts';

/** The consulted agency answers within 5 working days of the letter (local rule, seeds). */
export const COORDINATION_ANSWER_WORKING_DAYS = 5;

/** Each configured reading room receives a published item within 20 working days (local rule, seeds; 第二十五条 "及时"). */
export const READING_ROOM_WORKING_DAYS = 20;

/** Reminders go out this many working days before a due date (and again once it has passed). */
export const REMINDER_WORKING_DAYS_BEFORE = 1;
export const READING_ROOM_REMINDER_WORKING_DAYS_BEFORE = 3;

/**
 * The safety-net job fills missing reading-room rows for items published within this many
 * calendar days: it catches publications that bypassed the hook and rooms added recently,
 * without turning years of imported history into overdue rows.
 */
export const READING_ROOM_BACKFILL_DAYS = 31;

export const COORDINATION_OUTCOMES = ['pending', 'agreed', 'objections', 'noAnswer'] as const;
export type CoordinationOutcome = (typeof COORDINATION_OUTCOMES)[number];
export const COORDINATION_OUTCOME_LABELS: Record<CoordinationOutcome, string> = {
  pending: '等待答复',
  agreed: '同意发布',
  objections: '提出意见',
  noAnswer: '逾期未答复',
};

export function coordinationDeadline(calendar: WorkingDayCalendar, sentOn: string): Deadline {
  return computeDeadline(calendar, sentOn, COORDINATION_ANSWER_WORKING_DAYS, '协调函发出');
}

export function readingRoomDeadline(calendar: WorkingDayCalendar, publishedOn: string): Deadline {
  return computeDeadline(calendar, publishedOn, READING_ROOM_WORKING_DAYS, '发布');
}

/**
 * An open coordination blocks publication until it is answered or its deadline has passed: the
 * other agency had its 5 working days, and silence is then recorded as 逾期未答复.
 */
export function blocksPublication(row: { outcome: string; dueOn: string }, todayOn: string): boolean {
  return row.outcome === 'pending' && todayOn <= row.dueOn;
}

/** Letter number: 发布协调〔2025〕3号. */
export function coordinationNumber(year: number, serial: number): string {
  return `发布协调〔${year}〕${serial}号`;
}

export interface ReadingRoom {
  name: string;
  address: string;
  hours: string;
}

/** agencies.reading_rooms is JSON; anything malformed reads as no rooms. */
export function parseReadingRooms(json: string): ReadingRoom[] {
  try {
    const value: unknown = JSON.parse(json || '[]');
    if (!Array.isArray(value)) return [];
    return value
      .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
      .map((r) => ({ name: String(r.name ?? '').trim(), address: String(r.address ?? ''), hours: String(r.hours ?? '') }))
      .filter((r) => r.name);
  } catch {
    return [];
  }
}
