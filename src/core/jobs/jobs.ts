// Durable jobs: a row per job, claimed by one worker at a time (PostgreSQL: FOR UPDATE SKIP
// LOCKED; SQLite: the single writer), retried with back-off, never lost by a restart.
import os from 'node:os';
import { sql, type Updateable } from 'kysely';
import type { Db, DbOrTrx, DialectName } from '../db/database.ts';
import { newId } from '../ids.ts';
import type { Clock } from '../time/clock.ts';
import type { JobTable } from '../db/schema.ts';
import { recordJobRun, recordJobTimeout, recordLeaseLost } from '../ops/metrics.ts';
import { startLeaseHeartbeat } from './lease.ts';

export interface JobContext {
  /**
   * Aborted when this worker lost the job's lease (another worker may be running it now) or the
   * attempt ran past its maximum run time (the runner has then given it up): a handler that loops
   * checks it between steps and stops.
   */
  signal: AbortSignal;
}

export interface JobOptions {
  /** Real milliseconds one attempt of this kind may run (default: the runner's maxRunMs). */
  maxRunMs?: number;
}

export type JobHandler = (payload: unknown, job: JobTable, context: JobContext) => Promise<void>;

const LOCK_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
/**
 * How long one attempt may run unless its kind says otherwise: every sweep and the outbox take
 * seconds, so ten minutes means a hung handler (a socket that never answers, a lock never granted).
 */
export const DEFAULT_MAX_RUN_MS = 10 * 60_000;

/** The failure recorded for an attempt that ran past its maximum run time (last_error is for operators). */
export class JobTimeoutError extends Error {
  constructor(readonly kind: string, readonly maxRunMs: number) {
    super(`job ${kind} exceeded its maximum run time of ${maxRunMs / 1000} s: aborted and given up, retried with back-off`);
    this.name = 'JobTimeoutError';
  }
}

export async function enqueueJob(
  trx: DbOrTrx,
  clock: Clock,
  kind: string,
  payload: unknown,
  opts: { runAt?: string; uniqueKey?: string } = {},
): Promise<void> {
  const now = clock.now().toISOString();
  const q = trx.insertInto('jobs').values({
    id: newId(),
    kind,
    payload: JSON.stringify(payload ?? null),
    uniqueKey: opts.uniqueKey ?? null,
    runAt: opts.runAt ?? now,
    status: 'pending',
    attempts: 0,
    lockedBy: null,
    lockedUntil: null,
    lastError: '',
    createdAt: now,
    finishedAt: null,
  });
  // A unique key makes enqueueing idempotent (e.g. one reminder per deadline and day).
  await (opts.uniqueKey ? q.onConflict((oc) => oc.column('uniqueKey').doNothing()) : q).execute();
}

export interface JobRunner {
  register(kind: string, handler: JobHandler, opts?: JobOptions): void;
  /** Claim and run due jobs until none is left (or `max` ran); returns how many ran. */
  runDue(max?: number): Promise<number>;
  /** Polls for due jobs; the returned stop() stops claiming and resolves once the running job ended. */
  start(intervalMs?: number): () => Promise<void>;
  /** What the polling loop is doing, for the worker's /readyz (real monotonic milliseconds). */
  status(): RunnerStatus;
}

export interface RunnerStatus {
  /** start() was called and its stop() was not. */
  polling: boolean;
  intervalMs: number;
  /** performance.now() when the loop last started or finished looking for jobs. */
  lastPollAt: number | undefined;
  /** The job being run now, if any. */
  running: { kind: string; id: string; since: number } | undefined;
}

export interface JobRunnerDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  log?: (msg: string, err?: unknown) => void;
  /** How long a claim lasts: a job whose worker died is claimed again once its lease ran out. */
  leaseMs?: number;
  /** Real milliseconds between lease renewals of a running job (default leaseMs / 3). */
  renewEveryMs?: number;
  /** Lost leases and similar: worth an operator's look, not an error of the job itself. */
  warn?: (msg: string) => void;
  /** Real milliseconds one attempt may run when its kind sets no limit (default DEFAULT_MAX_RUN_MS). */
  maxRunMs?: number;
}

export function createJobRunner(deps: JobRunnerDeps): JobRunner {
  const handlers = new Map<string, { handler: JobHandler; maxRunMs: number }>();
  const workerId = `${os.hostname()}:${process.pid}:${newId().slice(-6)}`;
  const leaseMs = deps.leaseMs ?? LOCK_MS;
  const defaultMaxRunMs = deps.maxRunMs ?? DEFAULT_MAX_RUN_MS;
  const warn = deps.warn ?? ((msg: string) => deps.log?.(msg));
  let polling = false;
  let intervalMs = 0;
  let lastPollAt: number | undefined;
  let running: RunnerStatus['running'];

  async function claim(): Promise<JobTable | undefined> {
    const now = deps.clock.now().toISOString();
    const until = new Date(deps.clock.now().getTime() + leaseMs).toISOString();
    const lock = deps.dialect === 'postgres' ? sql` for update skip locked` : sql``;
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return undefined;
    const result = await sql<JobTable>`
      update jobs set status = 'running', locked_by = ${workerId}, locked_until = ${until}, attempts = attempts + 1
      where id = (
        select id from jobs
        where ((status = 'pending' and run_at <= ${now}) or (status = 'running' and locked_until < ${now}))
        and kind in (${sql.join(kinds)})
        order by run_at, id limit 1${lock}
      )
      returning *`.execute(deps.db);
    return result.rows[0];
  }

  async function runOne(job: JobTable): Promise<void> {
    const entry = handlers.get(job.kind);
    const started = performance.now();
    running = { kind: job.kind, id: job.id, since: started };
    const lease = startLeaseHeartbeat({
      db: deps.db, clock: deps.clock, jobId: job.id, workerId, leaseMs, everyMs: deps.renewEveryMs,
      onLost: () => {
        recordLeaseLost(job.kind);
        warn(`job ${job.kind} ${job.id}: lease lost while running (another worker holds it now); its result will not be recorded`);
      },
      onError: (err) => deps.log?.(`job ${job.kind} ${job.id}: lease renewal failed`, err),
    });
    // Only while the claim is still ours: after a lost lease another worker owns the job, and
    // marking it done or failed would overwrite that worker's claim or result.
    const finish = async (set: Updateable<JobTable>) => {
      // No renewal may land after the finishing update (it stops matching once locked_by is cleared).
      await lease.stop();
      const result = await deps.db.updateTable('jobs').set(set).where('id', '=', job.id).where('lockedBy', '=', workerId).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0 && !lease.lost) {
        warn(`job ${job.kind} ${job.id}: finished after its lease passed to another worker; its result was not recorded`);
      }
    };
    // The maximum run time, on a real timer like the lease renewal (the handler's time passes in
    // real time whatever the Clock says). On expiry the handler's signal is aborted and the runner
    // stops waiting for it: the attempt is recorded as failed and the lease released, so the job is
    // retried with the usual back-off and this worker goes on with other jobs. A handler that
    // ignores its signal may still be running then; every handler is repeatable (docs/deployment.md).
    const maxRunMs = entry?.maxRunMs ?? defaultMaxRunMs;
    const timeout = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        const err = new JobTimeoutError(job.kind, maxRunMs);
        timeout.abort(err);
        reject(err);
      }, maxRunMs);
    });
    try {
      if (!entry) throw new Error(`no handler for job kind ${job.kind}`);
      const signal = AbortSignal.any([lease.signal, timeout.signal]);
      const work = Promise.resolve().then(() => entry.handler(JSON.parse(job.payload), job, { signal }));
      // An abandoned handler that ends later must not become an unhandled rejection.
      work.catch(() => undefined).finally(() => {
        if (timedOut) warn(`job ${job.kind} ${job.id}: the handler given up after ${maxRunMs / 1000} s has now ended`);
      });
      try {
        await Promise.race([work, expired]);
      } finally {
        clearTimeout(timer);
      }
      recordJobRun(job.kind, true, (performance.now() - started) / 1000);
      await finish({ status: 'done', lockedBy: null, lockedUntil: null, finishedAt: deps.clock.now().toISOString() });
    } catch (err) {
      recordJobRun(job.kind, false, (performance.now() - started) / 1000);
      if (timedOut) {
        recordJobTimeout(job.kind);
        warn(`job ${job.kind} ${job.id}: ran past its maximum run time of ${maxRunMs / 1000} s (attempt ${Number(job.attempts)}); aborted, given up and released for a retry`);
      }
      const attempts = Number(job.attempts);
      const failed = attempts >= MAX_ATTEMPTS;
      const retryAt = new Date(deps.clock.now().getTime() + 2 ** attempts * 30_000).toISOString();
      if (!timedOut) deps.log?.(`job ${job.kind} ${job.id} failed (attempt ${attempts})`, err);
      await finish({
        status: failed ? 'failed' : 'pending',
        runAt: failed ? job.runAt : retryAt,
        lockedBy: null,
        lockedUntil: null,
        // A timeout's stack would only show the timer: its message says what happened.
        lastError: (timedOut ? new JobTimeoutError(job.kind, maxRunMs).message : String(err instanceof Error ? err.stack ?? err.message : err)).slice(0, 4000),
      });
    } finally {
      clearTimeout(timer);
      await lease.stop();
      running = undefined;
      lastPollAt = performance.now();
    }
  }

  return {
    register(kind, handler, opts = {}) {
      handlers.set(kind, { handler, maxRunMs: opts.maxRunMs ?? defaultMaxRunMs });
    },
    async runDue(max = 1000) {
      let ran = 0;
      while (ran < max) {
        // Raw SQL names columns in snake_case; make sure the row has the schema's names.
        const raw = (await claim()) as unknown as Record<string, unknown> | undefined;
        if (!raw) break;
        await runOne(camelRow(raw));
        ran++;
      }
      return ran;
    },
    start(every = 2000) {
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let ticking: Promise<void> = Promise.resolve();
      polling = true;
      intervalMs = every;
      lastPollAt = performance.now();
      const tick = async () => {
        if (stopped) return;
        lastPollAt = performance.now();
        try {
          // One job at a time, checking `stopped` in between: a graceful shutdown (SIGTERM)
          // lets the running job finish and claims no further one.
          for (let n = 0; n < 100 && !stopped; n++) if ((await this.runDue(1)) === 0) break;
        } catch (err) {
          deps.log?.('job loop error', err);
        }
        lastPollAt = performance.now();
        if (!stopped) timer = setTimeout(() => (ticking = tick()), every);
      };
      timer = setTimeout(() => (ticking = tick()), 10);
      return async () => {
        stopped = true;
        polling = false;
        if (timer) clearTimeout(timer);
        await ticking;
      };
    },
    status() {
      return { polling, intervalMs, lastPollAt, running };
    },
  };
}

function camelRow(raw: Record<string, unknown>): JobTable {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  return out as unknown as JobTable;
}
