// Rules of public participation messages (在线咨询, 局长信箱, 监督投诉): kinds, the workflow as
// data, reply deadlines and the inspection line. Pure functions, no I/O.
import { addCalendarDays, isLegalDate } from '../../core/time/dates.ts';
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';

export const MESSAGE_KINDS = ['consultation', 'mailbox', 'complaint'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  consultation: '在线咨询',
  mailbox: '局长信箱',
  complaint: '监督投诉',
};

/**
 * Reply deadline per kind, in working days from receipt. No national rule fixes them; these are
 * the common practice of bureau sites (a consultation is answered within 5 working days, a
 * letter to the director within 15) and an agency may set its own through the service deps.
 */
export const DEFAULT_REPLY_WORKING_DAYS: Record<MessageKind, number> = { consultation: 5, mailbox: 15, complaint: 15 };

/** Reminders go to the handling department this many working days before the reply is due. */
export const REMINDER_WORKING_DAYS_BEFORE = 2;

export const MESSAGE_STATUSES = ['received', 'routed', 'drafted', 'answered', 'invalid'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  received: '待分办',
  routed: '承办中',
  drafted: '待审核',
  answered: '已答复',
  invalid: '无效留言',
};

/** Statuses in which a valid message still waits for its answer (the inspection rule counts them). */
export const OPEN_STATUSES: readonly MessageStatus[] = ['received', 'routed', 'drafted'];

export type MessageVerb = 'route' | 'draft' | 'returnDraft' | 'approve' | 'markInvalid';

/** The workflow: each verb, from which statuses, to which status. */
export const MESSAGE_TRANSITIONS: Record<MessageVerb, { from: readonly MessageStatus[]; to: MessageStatus }> = {
  route: { from: ['received', 'routed', 'drafted'], to: 'routed' },
  draft: { from: ['received', 'routed', 'drafted'], to: 'drafted' },
  returnDraft: { from: ['drafted'], to: 'routed' },
  approve: { from: ['drafted'], to: 'answered' },
  markInvalid: { from: ['received', 'routed', 'drafted'], to: 'invalid' },
};

export function canTransition(verb: MessageVerb, from: string): boolean {
  return (MESSAGE_TRANSITIONS[verb].from as readonly string[]).includes(from);
}

/**
 * The reply date of a message, fixed at receipt. A later calendar change does not move it: it is a
 * local handling target (no statute), shown to the asker on the receipt page, and there is no later
 * channel to tell the asker of a new date (see README, working-day calendar).
 */
export function replyDueOn(calendar: WorkingDayCalendar, kind: MessageKind, receivedOn: string, overrides: Partial<Record<MessageKind, number>> = {}): string {
  return calendar.addWorkingDays(receivedOn, overrides[kind] ?? DEFAULT_REPLY_WORKING_DAYS[kind]);
}

/** The same day `months` later; the month's last day when it has no such day (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  if (!isLegalDate(date)) throw new RangeError(`not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * 国办秘函〔2019〕19号 (government website inspection): a valid message left unanswered for more
 * than three months fails the inspection ("超过3个月未回复"). The last day to answer is the day
 * before the same date three months on.
 */
export function inspectionDueOn(receivedOn: string): string {
  return addCalendarDays(addMonths(receivedOn, 3), -1);
}

export type InspectionStage = 'none' | 'oneMonth' | 'twoMonths' | 'breached';

/** How far an open message has come towards the three-month line: escalations at 1 and 2 months. */
export function inspectionStage(receivedOn: string, todayOn: string): InspectionStage {
  if (todayOn > inspectionDueOn(receivedOn)) return 'breached';
  if (todayOn >= addMonths(receivedOn, 2)) return 'twoMonths';
  if (todayOn >= addMonths(receivedOn, 1)) return 'oneMonth';
  return 'none';
}
