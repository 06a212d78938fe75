// createRequestsService: the requests module's use cases, assembled from intake, handling and
// query services. Registers the calendar listener so that a changed holiday schedule moves the
// due dates of every open request (DESIGN: deadlines are computed, never typed; what moves and
// what stays: calendar-recompute.ts).
import { systemActor } from '../../core/audit/audit.ts';
import type { RequestsService } from './requests.contract.ts';
import type { RequestsDeps } from './requests.deps.ts';
import { createHandlingService } from './handling.service.ts';
import { createIntakeService } from './intake.service.ts';
import { createNotificationsService } from './notifications.service.ts';
import { createQueryService } from './query.service.ts';
import { createRepliesService } from './replies.service.ts';
import { createFeesService } from './fees.service.ts';
import { createChallengesService } from './challenges.service.ts';
import { createFilingsService } from './filings.service.ts';
import { recomputeOpenDeadlines } from './calendar-recompute.ts';
import { runReminderSweep } from './reminders.ts';
import { createRequestsNotifier, type MailTransport } from './requests.notifier.ts';

export interface RequestsServiceDeps extends RequestsDeps {
  /** null: no SMTP configured; the outbox is the mail log. */
  mailTransport?: MailTransport | null;
  log?: (msg: string) => void;
}

export function createRequestsService(deps: RequestsServiceDeps): RequestsService {
  const intake = createIntakeService(deps);
  const query = createQueryService(deps);
  const handling = createHandlingService(deps, (id) => query.loadDetail(id));
  const notifier = createRequestsNotifier({ ...deps, mailTransport: deps.mailTransport ?? null, log: deps.log ?? ((m) => console.log(m)) });
  const fees = createFeesService(deps);
  deps.calendar.onChange((trx, calendar, actor) => recomputeOpenDeadlines(deps, trx, calendar, actor));

  return {
    apply: intake.apply,
    register: intake.register,
    track: intake.track,
    get: query.get,
    list: query.list,
    departmentQueue: query.departmentQueue,
    availableVerbs: query.availableVerbs,
    revealIdNumber: query.revealIdNumber,
    attachment: query.attachment,
    supervisorSummary: query.supervisorSummary,
    act: handling.act,
    extend: handling.extend,
    split: handling.split,
    replies: createRepliesService(deps),
    notifications: createNotificationsService(deps),
    fees,
    feesCollected: fees.feesCollected,
    challenges: createChallengesService(deps),
    filings: createFilingsService(deps),
    runReminderSweep: () => runReminderSweep(deps, notifier),
    sendOutboxEmail: (id) => notifier.sendOutboxEmail(id),
    recomputeOpenDeadlines: async () =>
      deps.db.transaction().execute(async (trx) => recomputeOpenDeadlines(deps, trx, await deps.calendar.get(trx), systemActor('系统（重新计算期限）'))),
  };
}
