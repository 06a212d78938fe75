// Graceful shutdown on SIGTERM/SIGINT (a deploy, a scale-down, systemd stop):
//   1. /readyz answers 503 at once, so the load balancer stops sending new requests;
//   2. after the grace period the server stops accepting and finishes the requests in flight,
//      and the worker finishes its running job and claims no further one;
//   3. the database is closed and the process exits 0.
// A second signal, or the hard limit passing, exits at once (1): a job cut short is retried
// after its lock expires (core/jobs), a cut request was never acknowledged.
import type { Lifecycle } from './readiness.ts';

export interface ShutdownPlan {
  lifecycle?: Lifecycle;
  /** How long /readyz reports 503 while still serving (SHUTDOWN_GRACE_MS). */
  graceMs: number;
  /** Run in parallel after the grace period: server close, worker stop. */
  drain: Array<() => Promise<void>>;
  /** Then: close the database. */
  close: () => Promise<void>;
  /** After the grace period, how long draining may take before the process exits anyway. */
  hardLimitMs?: number;
  log?: (msg: string) => void;
}

export function installGracefulShutdown(plan: ShutdownPlan): void {
  const log = plan.log ?? ((msg: string) => console.log(msg));
  let started = false;
  const onSignal = (signal: string) => {
    if (started) {
      log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    started = true;
    plan.lifecycle?.beginShutdown();
    log(`${signal}: shutting down (readiness off, serving ${plan.graceMs} ms more, then draining)`);
    setTimeout(() => {
      const hard = setTimeout(() => {
        log('shutdown took too long: exiting');
        process.exit(1);
      }, plan.hardLimitMs ?? 60_000);
      hard.unref();
      void Promise.all(plan.drain.map((step) => step()))
        .then(() => plan.close())
        .then(
          () => {
            log('shutdown complete');
            process.exit(0);
          },
          (err: unknown) => {
            console.error('shutdown failed', err);
            process.exit(1);
          },
        );
    }, plan.graceMs);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}
