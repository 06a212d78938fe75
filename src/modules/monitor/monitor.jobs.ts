// The monitor's background job: the daily freshness sweep (08:00 Beijing, like the requests
// module's reminder sweep), so the day's reminders arrive together.
import type { Db } from '../../core/db/database.ts';
import type { JobRunner } from '../../core/jobs/jobs.ts';
import { scheduleDaily } from '../../core/jobs/recurring.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { MonitorService } from './freshness.service.ts';

export const FRESHNESS_SWEEP_JOB = 'monitor.freshness';

export async function registerMonitorJobs(deps: { db: Db; clock: Clock; jobs: JobRunner; monitor: MonitorService }): Promise<void> {
  await scheduleDaily(deps.db, deps.clock, deps.jobs, FRESHNESS_SWEEP_JOB, 0, async () => {
    await deps.monitor.sendReminders();
  });
}
