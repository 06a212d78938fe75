// Recurring jobs on top of the job table: each run enqueues the next one under a unique key
// naming its day, so several workers or restarts never schedule a day twice and a missed day
// runs as soon as a worker is up.
import type { Db } from '../db/database.ts';
import { legalDate, type Clock } from '../time/clock.ts';
import { addCalendarDays } from '../time/dates.ts';
import { enqueueJob, type JobOptions, type JobRunner } from './jobs.ts';

export async function scheduleDaily(
  db: Db,
  clock: Clock,
  runner: JobRunner,
  kind: string,
  hourUtc: number,
  /** Gets the job's signal: aborted when the attempt ran past its maximum run time or lost its lease. */
  work: (signal: AbortSignal) => Promise<void>,
  opts: JobOptions = {},
): Promise<void> {
  const runAtFor = (date: string) => `${date}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;
  runner.register(kind, async (payload, _job, { signal }) => {
    await work(signal);
    const next = addCalendarDays((payload as { date: string }).date, 1);
    await enqueueJob(db, clock, kind, { date: next }, { runAt: runAtFor(next), uniqueKey: `${kind}:${next}` });
  }, opts);
  const todayOn = legalDate(clock.now());
  await enqueueJob(db, clock, kind, { date: todayOn }, { runAt: runAtFor(todayOn), uniqueKey: `${kind}:${todayOn}` });
}
