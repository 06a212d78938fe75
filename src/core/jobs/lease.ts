// Lease renewal for a running job. A claim lasts `leaseMs` (JOB_LEASE_SECONDS); a handler that runs
// longer (a big reindex, the daily backup, the annual roll-up) would otherwise be claimed again by a
// second worker while the first is still at it. While the handler runs, its worker extends the lease
// every leaseMs/3, but only while the row is still claimed by that worker: once the update matches no
// row the claim belongs to someone else (or the job was finished by them) and is never taken back.
import type { Db } from '../db/database.ts';
import type { Clock } from '../time/clock.ts';

export interface LeaseHeartbeatDeps {
  db: Db;
  clock: Clock;
  jobId: string;
  workerId: string;
  leaseMs: number;
  /** Real milliseconds between renewals (default leaseMs / 3). */
  everyMs?: number;
  /** Called once, when a renewal finds the claim gone. */
  onLost: () => void;
  /** A renewal that failed (database unreachable): the lease is kept trying, not given up. */
  onError: (err: unknown) => void;
}

export interface LeaseHeartbeat {
  /** True once a renewal found the row no longer claimed by this worker. */
  readonly lost: boolean;
  /** Aborted when the lease is lost, so that a handler that checks it can stop early. */
  readonly signal: AbortSignal;
  /** Stops renewing and waits for a renewal in flight (it must not land after the job is finished). */
  stop(): Promise<void>;
}

/** Extends the claim to leaseMs from now; false when the row is no longer claimed by this worker. */
export async function renewLease(deps: Pick<LeaseHeartbeatDeps, 'db' | 'clock' | 'jobId' | 'workerId' | 'leaseMs'>): Promise<boolean> {
  const until = new Date(deps.clock.now().getTime() + deps.leaseMs).toISOString();
  const result = await deps.db
    .updateTable('jobs')
    .set({ lockedUntil: until })
    .where('id', '=', deps.jobId)
    .where('lockedBy', '=', deps.workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function startLeaseHeartbeat(deps: LeaseHeartbeatDeps): LeaseHeartbeat {
  const controller = new AbortController();
  let lost = false;
  let inFlight: Promise<void> | undefined;
  const beat = () => {
    if (inFlight || lost) return; // a slow database: never stack renewals
    inFlight = renewLease(deps)
      .then((kept) => {
        if (kept || lost) return;
        lost = true;
        clearInterval(timer);
        controller.abort(new Error(`lease on job ${deps.jobId} lost`));
        deps.onLost();
      }, deps.onError)
      .finally(() => {
        inFlight = undefined;
      });
  };
  // A real timer, not the injected Clock: the Clock says which instant the lease runs until (the
  // same clock `claim` compares against), but the handler's run time passes in real time whatever
  // the Clock says (a FakeClock in tests does not advance by itself and would never fire).
  const timer = setInterval(beat, Math.max(1, Math.floor(deps.everyMs ?? deps.leaseMs / 3)));
  // The running handler keeps the process alive; the heartbeat alone must not.
  timer.unref();
  return {
    get lost() {
      return lost;
    },
    signal: controller.signal,
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
