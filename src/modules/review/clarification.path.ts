// The fast review path of clarifications (澄清): an item that corrects false or incomplete
// information in circulation. 条例 第六条 requires the agency to publish accurate information
// "in time" (及时) to clarify; a clarification that waits the ordinary 20 working days
// (第二十六条) loses its purpose, so it skips department review and the office check
// (draft → confidentialityReview → leaderApproval → published). The confidentiality review
// (先审查后公开, 第十七条) and the leader's approval stay, because a wrong clarification does
// more harm than the rumour. Each remaining step is due within 1 working day of reaching it.
import type { SessionUser } from '../accounts/index.ts';
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { legalDate } from '../../core/time/clock.ts';
import { computeDeadline, type Deadline } from '../../core/time/deadline.ts';

export const CLARIFICATION_STEP_WORKING_DAYS = 1;

type Subject = { isClarification?: boolean };
export interface Condition<S> {
  test: (user: SessionUser, item: S) => boolean;
  label: string;
}

export const clarification = { test: (_u: SessionUser, i: Subject) => i.isClarification === true, label: '澄清信息' };
export const notClarification = { test: (_u: SessionUser, i: Subject) => i.isClarification !== true, label: '非澄清信息' };

/** Both conditions hold; the labels read together. */
export function allOf<S>(...conditions: Condition<S>[]): Condition<S> {
  return { test: (u, i) => conditions.every((c) => c.test(u, i)), label: conditions.map((c) => c.label).join('，') };
}

/** Due date of the clarification's current step: 1 working day from when it reached the step. */
export function clarificationStepDeadline(calendar: WorkingDayCalendar, item: { updatedAt: string }): Deadline {
  const startOn = legalDate(new Date(item.updatedAt));
  return computeDeadline(calendar, startOn, CLARIFICATION_STEP_WORKING_DAYS, '澄清信息进入本环节');
}
