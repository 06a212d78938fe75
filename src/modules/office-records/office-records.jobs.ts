// The office records' daily sweep (08:00 Beijing, with the other reminder sweeps).
import type { Db } from '../../core/db/database.ts';
import type { JobRunner } from '../../core/jobs/jobs.ts';
import { scheduleDaily } from '../../core/jobs/recurring.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { OfficeRecordsService } from './office-records.service.ts';

export const OFFICE_RECORDS_SWEEP_JOB = 'officeRecords.sweep';

export async function registerOfficeRecordsJobs(deps: { db: Db; clock: Clock; jobs: JobRunner; officeRecords: OfficeRecordsService }): Promise<void> {
  await scheduleDaily(deps.db, deps.clock, deps.jobs, OFFICE_RECORDS_SWEEP_JOB, 0, async () => {
    await deps.officeRecords.dailySweep();
  });
}
