// Reminders (part 6); the calendar recomputation (calendar-recompute.ts) walks the same batches.
// A reminder is keyed by request, due date kind, due date and milestone, inserted with
// on-conflict-do-nothing: repeated sweeps, restarts and several workers never send one twice,
// and a sweep after missed days still sends the most recent milestone that is due.
// The fee payment window (国办函〔2020〕109号) gets one reminder only, 3 working days before it ends:
// the applicant is the one who must act, and the day after it ends the fee job closes the request.
import type { DbOrTrx } from '../../core/db/database.ts';
import type { RequestPauseTable, RequestTable } from '../../core/db/schema.ts';
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { today } from '../../core/time/clock.ts';
import { addCalendarDays } from '../../core/time/dates.ts';
import { feesRepository } from './fees.repository.ts';
import { REPLY_CLOCK_STATUSES, type RequestStatus } from './request.workflow.ts';
import { repoOf, storedDeadlines, type RequestsDeps } from './requests.deps.ts';
import type { RequestsNotifier } from './requests.notifier.ts';

const BATCH = 500;

export type DueKind = 'correctionNotice' | 'reply' | 'consultationWindow' | 'paymentWindow';
export const DUE_KIND_LABELS: Record<DueKind, string> = {
  correctionNotice: '补正通知期限', reply: '答复期限', consultationWindow: '征求意见答复期限', paymentWindow: '缴费期限',
};

export interface DueItem {
  kind: DueKind;
  dueOn: string;
}

/**
 * The due dates a request is being watched for, given its status. `unpaidFeeDueOn` is the last day
 * to pay of a fee notice not yet paid (the date the fee job closes the request after).
 */
export function dueItemsOf(row: RequestTable, pauses: RequestPauseTable[], unpaidFeeDueOn: string | null = null): DueItem[] {
  const status = row.status as RequestStatus;
  const items: DueItem[] = [];
  if (status === 'received' && Number(row.correctionCount) === 0 && row.correctionNoticeDueOn)
    items.push({ kind: 'correctionNotice', dueOn: row.correctionNoticeDueOn });
  if ((status === 'received' || REPLY_CLOCK_STATUSES.includes(status)) && row.replyDueOn) items.push({ kind: 'reply', dueOn: row.replyDueOn });
  if (status === 'consulting') {
    const open = pauses.find((p) => p.endedOn === null);
    if (open) items.push({ kind: 'consultationWindow', dueOn: open.windowDueOn });
  }
  if (status === 'awaitingPayment' && unpaidFeeDueOn) items.push({ kind: 'paymentWindow', dueOn: unpaidFeeDueOn });
  return items;
}

/** The latest working day with exactly `n` working days after it up to and including `dueOn`. */
export function workingDaysBefore(calendar: WorkingDayCalendar, dueOn: string, n: number): string {
  let count = calendar.isWorkingDay(dueOn) ? 1 : 0;
  let d = addCalendarDays(dueOn, -1);
  while (!(count === n && calendar.isWorkingDay(d))) {
    if (calendar.isWorkingDay(d)) count++;
    d = addCalendarDays(d, -1);
  }
  return d;
}

export interface Milestone {
  /** '5', '3', '1' working days before, or 'overdue' (the first working day after the due date). */
  offset: '5' | '3' | '1' | 'overdue';
  on: string;
}

export function milestonesOf(calendar: WorkingDayCalendar, dueOn: string): Milestone[] {
  return [
    { offset: '5', on: workingDaysBefore(calendar, dueOn, 5) },
    { offset: '3', on: workingDaysBefore(calendar, dueOn, 3) },
    { offset: '1', on: workingDaysBefore(calendar, dueOn, 1) },
    { offset: 'overdue', on: calendar.addWorkingDays(dueOn, 1) },
  ];
}

/**
 * The most recent milestone reached by `todayOn` (earlier ones missed are not sent late). The
 * payment window has only the 3-day one, and only while it is still open: once it has ended the
 * fee job closes the request and tells the office (fees.service closeExpiredUnpaid).
 */
export function currentMilestone(calendar: WorkingDayCalendar, item: DueItem, todayOn: string): Milestone | null {
  if (item.kind === 'paymentWindow') {
    if (todayOn > item.dueOn) return null;
    const m: Milestone = { offset: '3', on: workingDaysBefore(calendar, item.dueOn, 3) };
    return m.on <= todayOn ? m : null;
  }
  return milestonesOf(calendar, item.dueOn).filter((m) => m.on <= todayOn).at(-1) ?? null;
}

/** Walks the open requests a batch at a time, with their pauses (reminder sweep, calendar recompute). */
export async function forEachOpenBatch(deps: RequestsDeps, db: DbOrTrx, fn: (rows: RequestTable[], pauses: RequestPauseTable[]) => Promise<void>) {
  const repo = repoOf(deps, db);
  let after = '';
  for (;;) {
    const batch = await repo.openBatch(after, BATCH);
    if (batch.length === 0) return;
    await fn(batch, await repo.pausesFor(batch.map((r) => r.id)));
    after = batch[batch.length - 1].id;
  }
}

/** The daily sweep: refreshes provisional reply dates of paused requests, then sends due reminders. */
export async function runReminderSweep(deps: RequestsDeps, notifier: RequestsNotifier): Promise<number> {
  const calendar = await deps.calendar.get();
  const todayOn = today(deps.clock);
  const repo = repoOf(deps);
  let created = 0;
  await forEachOpenBatch(deps, deps.db, async (rows, pauses) => {
    for (const row of rows) {
      const own = pauses.filter((p) => p.requestId === row.id);
      if (row.status === 'consulting') {
        // The reply date moves each day a consultation stays open: keep the register's copy true.
        const d = storedDeadlines(calendar, row, own, todayOn);
        if (d.replyDueOn !== row.replyDueOn) await repo.setDeadlines(row.id, d);
      }
      const fee = row.status === 'awaitingPayment' ? await feesRepository(deps.db).feeOf(row.id) : undefined;
      const unpaidFeeDueOn = fee && fee.paidOn === null ? fee.paymentDueOn : null;
      for (const item of dueItemsOf(row, own, unpaidFeeDueOn)) {
        const milestone = currentMilestone(calendar, item, todayOn);
        if (milestone) created += await notifier.remind(row, item, milestone);
      }
    }
  });
  return created;
}
