// The module's background jobs: the daily reminder sweep (08:00 Beijing) and the outbox sender.
import type { Db } from '../../core/db/database.ts';
import type { JobRunner } from '../../core/jobs/jobs.ts';
import { scheduleDaily } from '../../core/jobs/recurring.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { RequestsService } from './requests.contract.ts';
import { SEND_OUTBOX_JOB } from './requests.notifier.ts';

export const REMINDER_SWEEP_JOB = 'requests.reminders';
/** 国办函〔2020〕109号: requests unpaid after the payment window are closed (01:00 Beijing, after the last day). */
export const FEE_SWEEP_JOB = 'requests.unpaidFees';

export async function registerRequestJobs(deps: { db: Db; clock: Clock; jobs: JobRunner; requests: RequestsService }): Promise<void> {
  deps.jobs.register(SEND_OUTBOX_JOB, async (payload) => deps.requests.sendOutboxEmail((payload as { id: string }).id));
  await scheduleDaily(deps.db, deps.clock, deps.jobs, REMINDER_SWEEP_JOB, 0, async () => {
    await deps.requests.runReminderSweep();
  });
  await scheduleDaily(deps.db, deps.clock, deps.jobs, FEE_SWEEP_JOB, 17, async () => {
    await deps.requests.fees.closeExpiredUnpaid();
  });
}
