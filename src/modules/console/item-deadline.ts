// The deadline shown on an item's record page, with its explanation: 20 working days from the
// written date to publish (条例 第二十六条) or 10 working days from repeal for the repeal notice.
// The catalog computes the due date; this only explains it, and says nothing when it cannot
// reproduce the catalog's date.
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { computeDeadline, deadlineState, type DeadlineState } from '../../core/time/deadline.ts';
import type { ItemDetail } from '../catalog/catalog.contract.ts';

export interface ItemDeadlineView {
  label: string;
  dueOn: string;
  state: DeadlineState;
  explanation: string | null;
}

function explain(calendar: WorkingDayCalendar, start: string | null, days: number, startLabel: string, dueOn: string): string | null {
  if (!start) return null;
  try {
    const d = computeDeadline(calendar, start, days, startLabel);
    return d.dueOn === dueOn ? d.explanation : null;
  } catch {
    return null;
  }
}

export function itemDeadline(calendar: WorkingDayCalendar, item: ItemDetail, todayOn: string): ItemDeadlineView | null {
  const pick = item.repealNoticeDueOn
    ? { label: '废止说明公开期限', dueOn: item.repealNoticeDueOn, start: item.repealedOn, days: 10, startLabel: '废止日期' }
    : item.publishDueOn
      ? { label: '公开期限', dueOn: item.publishDueOn, start: item.writtenOn, days: 20, startLabel: '成文日期' }
      : null;
  if (!pick) return null;
  let state: DeadlineState;
  try {
    state = deadlineState(calendar, pick.dueOn, todayOn);
  } catch {
    state = todayOn > pick.dueOn ? 'overdue' : 'onTime';
  }
  return { label: pick.label, dueOn: pick.dueOn, state, explanation: explain(calendar, pick.start, pick.days, pick.startLabel, pick.dueOn) };
}
