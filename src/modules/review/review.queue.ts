// "My work": items whose next step the viewer may take, each with the deadline that applies
// (publication: 第二十六条; repeal notice: local rule) explained, oldest due first.
import type { WorkingDayCalendar } from '../../core/time/calendar.ts';
import { today } from '../../core/time/clock.ts';
import { deadlineState, type Deadline } from '../../core/time/deadline.ts';
import { hasRole } from '../accounts/index.ts';
import type { StaffActor } from '../accounts/index.ts';
import { publishDeadline, repealNoticeDeadline, type WorkflowItem } from '../catalog/index.ts';
import type { QueueEntry } from './review.contract.ts';
import type { ReviewDeps } from './review.service.ts';
import { actionableStatuses, availableVerbs } from './review.workflow.ts';
import { clarificationStepDeadline } from './clarification.path.ts';

function entry(calendar: WorkingDayCalendar, todayOn: string, item: WorkflowItem, verbs: QueueEntry['verbs'], deadline: () => Deadline | null): QueueEntry {
  let d: Deadline | null = null;
  let problem: string | null = null;
  try {
    d = deadline();
  } catch (err) {
    problem = err instanceof Error ? err.message : String(err);
  }
  return {
    item,
    verbs,
    dueOn: d?.dueOn ?? null,
    dueState: d ? deadlineState(calendar, d.dueOn, todayOn) : null,
    dueExplanation: d?.explanation ?? problem,
  };
}

export async function buildQueue(deps: ReviewDeps, actor: StaffActor): Promise<QueueEntry[]> {
  const { user } = actor;
  const calendar = await deps.calendar.get();
  const todayOn = today(deps.clock);
  const statuses = actionableStatuses(user, { includePublished: false });
  // Department-bound steps (submit, department review) only ever concern the user's department.
  const departmentOnly = !hasRole(user, 'confidentialityReviewer', 'leader', 'officer') ? (user.departmentId ?? '-') : undefined;
  const items = statuses.length ? await deps.catalog.workflow.itemsInStatuses(user.agencyId, statuses, departmentOnly) : [];
  const entries: QueueEntry[] = [];
  for (const item of items) {
    const verbs = availableVerbs(user, item);
    // A clarification's steps are each due within 1 working day (clarification.path.ts).
    const deadline = () => (item.isClarification ? clarificationStepDeadline(calendar, item) : publishDeadline(calendar, item));
    if (verbs.length) entries.push(entry(calendar, todayOn, item, verbs, deadline));
  }
  // The office drafts the repeal notice (废止说明) of repealed items within 10 working days.
  if (hasRole(user, 'officer')) {
    for (const item of await deps.catalog.workflow.repealNoticesOpen(user.agencyId))
      entries.push(entry(calendar, todayOn, item, [], () => (item.repealedOn ? repealNoticeDeadline(calendar, item.repealedOn) : null)));
  }
  return entries.sort((a, b) => {
    if (a.dueOn !== b.dueOn) return a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1;
    return a.item.updatedAt < b.item.updatedAt ? -1 : a.item.updatedAt > b.item.updatedAt ? 1 : 0;
  });
}
