// The monitor's background jobs: the daily freshness sweep (08:00 Beijing, like the requests
// module's reminder sweep), so the day's reminders arrive together; the daily tamper check
// (04:00 Beijing, after the backup) and the on-demand one the console enqueues.
import type { Db } from '../../core/db/database.ts';
import type { JobRunner } from '../../core/jobs/jobs.ts';
import { scheduleDaily } from '../../core/jobs/recurring.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { MonitorService } from './freshness.service.ts';
import { TAMPER_CHECK_JOB, TAMPER_CHECK_NOW_JOB, type TamperService } from './tamper.service.ts';

export const FRESHNESS_SWEEP_JOB = 'monitor.freshness';
/** Maximum run time of a tamper check (core/jobs/jobs.ts; the default is 10 minutes). */
export const TAMPER_CHECK_MAX_RUN_MS = 60 * 60_000;

export async function registerMonitorJobs(deps: { db: Db; clock: Clock; jobs: JobRunner; monitor: MonitorService; tamper?: TamperService }): Promise<void> {
  await scheduleDaily(deps.db, deps.clock, deps.jobs, FRESHNESS_SWEEP_JOB, 0, async () => {
    await deps.monitor.sendReminders();
  });
  const tamper = deps.tamper;
  if (!tamper) return;
  // The check reads every public file from the store (S3 on a large site): an hour, not the default 10 minutes.
  await scheduleDaily(deps.db, deps.clock, deps.jobs, TAMPER_CHECK_JOB, 20, async (signal) => {
    await tamper.check({ signal });
  }, { maxRunMs: TAMPER_CHECK_MAX_RUN_MS });
  deps.jobs.register(TAMPER_CHECK_NOW_JOB, async (_payload, _job, { signal }) => {
    await tamper.check({ signal });
  }, { maxRunMs: TAMPER_CHECK_MAX_RUN_MS });
}
