// The participation daily sweep (08:00 Beijing, with the other reminder sweeps).
import type { Db } from '../../core/db/database.ts';
import type { JobRunner } from '../../core/jobs/jobs.ts';
import { scheduleDaily } from '../../core/jobs/recurring.ts';
import type { Clock } from '../../core/time/clock.ts';
import type { ParticipationService } from './participation.service.ts';

export const PARTICIPATION_SWEEP_JOB = 'participation.sweep';

export async function registerParticipationJobs(deps: { db: Db; clock: Clock; jobs: JobRunner; participation: ParticipationService }): Promise<void> {
  await scheduleDaily(deps.db, deps.clock, deps.jobs, PARTICIPATION_SWEEP_JOB, 0, async () => {
    await deps.participation.dailySweep();
  });
}
