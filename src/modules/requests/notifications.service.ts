// The console inbox: reminders and other notices for the signed-in user's department (and, for
// the disclosure office, notices addressed to the agency as a whole).
import { appendAuditEvent } from '../../core/audit/audit.ts';
import { authorize } from '../../core/authz/authz.ts';
import { notFound } from '../../core/errors.ts';
import { auditActor, type StaffActor } from '../accounts/index.ts';
import type { NotificationView } from './requests.contract.ts';
import { repoOf, type RequestsDeps } from './requests.deps.ts';
import { canReadNotifications } from './requests.policy.ts';

const ADMIN_REFUSAL = '系统管理员、安全管理员和安全审计员不接收业务提醒（三员分立）';

export function createNotificationsService(deps: RequestsDeps) {
  return {
    async inbox(actor: StaffActor, limit = 100): Promise<NotificationView[]> {
      authorize(canReadNotifications(actor.user), ADMIN_REFUSAL);
      const rows = await repoOf(deps).inbox(actor.user.agencyId, actor.user.departmentId, Math.min(Math.max(limit, 1), 500));
      return rows.map((n) => ({
        id: n.id, kind: n.kind, title: n.title, body: n.body, subjectType: n.subjectType, subjectId: n.subjectId,
        createdAt: n.createdAt, read: n.readAt !== null,
      }));
    },

    async markRead(actor: StaffActor, id: string): Promise<void> {
      authorize(canReadNotifications(actor.user), ADMIN_REFUSAL);
      const repo = repoOf(deps);
      const n = await repo.notificationById(id);
      const mine = n && n.agencyId === actor.user.agencyId && (n.departmentId === null || n.departmentId === actor.user.departmentId);
      if (!mine) throw notFound('通知不存在');
      await deps.db.transaction().execute(async (trx) => {
        await repoOf(deps, trx).markNotificationRead(id, deps.clock.now().toISOString());
        await appendAuditEvent(trx, deps.clock, auditActor(actor), { action: 'notification.read', subjectType: 'notification', subjectId: id, agencyId: n.agencyId });
      });
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
