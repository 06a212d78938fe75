// Reminders of open messages, sent by the daily sweep. The reply deadline reminds the handling
// department (or the office while unrouted); the inspection line of 国办秘函〔2019〕19号 (no valid
// message unanswered for more than 3 months) escalates to the whole agency — office and leaders
// read agency-wide notifications — at 1 month, at 2 months and when it is crossed, so it can
// never be breached silently. Each reminder has a unique key (message, milestone) inserted with
// on-conflict-do-nothing: repeated sweeps, restarts and several workers never send one twice.
import type { NotificationTable } from '../../core/db/schema.ts';
import { newId } from '../../core/ids.ts';
import { nowIso, today } from '../../core/time/clock.ts';
import type { ParticipationDeps } from './participation.service.ts';
import { participationRepository } from './participation.repository.ts';
import { inspectionStage, MESSAGE_KIND_LABELS, REMINDER_WORKING_DAYS_BEFORE, type MessageKind } from './participation.rules.ts';

type Reminder = Pick<NotificationTable, 'uniqueKey' | 'departmentId' | 'kind' | 'title' | 'body'>;

const ESCALATIONS = {
  oneMonth: { label: '已满1个月', who: '请公开办督办' },
  twoMonths: { label: '已满2个月', who: '请分管领导督办' },
  breached: { label: '已超过3个月', who: '已违反“留言超过3个月未回复”的检查要求，请主要领导立即督办' },
} as const;

export async function sendMessageReminders(deps: ParticipationDeps): Promise<number> {
  const calendar = await deps.calendar.get();
  const todayOn = today(deps.clock);
  const repo = participationRepository(deps.db);
  let sent = 0;
  for (const m of await repo.openMessages()) {
    const label = `${MESSAGE_KIND_LABELS[m.kind as MessageKind] ?? '留言'}“${m.subject}”`;
    const reminders: Reminder[] = [];
    const milestone = todayOn > m.replyDueOn ? 'overdue' : calendar.workingDaysBetween(todayOn, m.replyDueOn) <= REMINDER_WORKING_DAYS_BEFORE ? 'dueSoon' : null;
    if (milestone) {
      reminders.push({
        uniqueKey: `message:${m.id}:${m.replyDueOn}:${milestone}`, departmentId: m.departmentId, kind: `message.${milestone}`,
        title: milestone === 'overdue' ? `留言已超过答复期限：${m.subject}` : `留言即将到期：${m.subject}`,
        body: `${label}（${m.trackingCode}）答复期限 ${m.replyDueOn}${milestone === 'overdue' ? ' 已届满，请尽快答复' : '，请及时答复'}。3个月期限：${m.inspectionDueOn}。`,
      });
    }
    const stage = inspectionStage(m.receivedOn, todayOn);
    if (stage !== 'none') {
      const e = ESCALATIONS[stage];
      reminders.push({
        uniqueKey: `message:${m.id}:inspection:${stage}`, departmentId: null, kind: `message.inspection.${stage}`,
        title: `留言${e.label}未答复：${m.subject}`,
        body: `${label}（${m.trackingCode}）于 ${m.receivedOn} 收到，至今未答复。3个月期限：${m.inspectionDueOn}。${e.who}。`,
      });
    }
    for (const r of reminders) {
      const inserted = await repo.insertReminder({ ...r, id: newId(), agencyId: m.agencyId, userId: null, subjectType: 'message', subjectId: m.id, createdAt: nowIso(deps.clock), readAt: null });
      if (inserted) sent++;
    }
  }
  return sent;
}
