// Durable jobs: a row per job, claimed by one worker at a time (PostgreSQL: FOR UPDATE SKIP
// LOCKED; SQLite: the single writer), retried with back-off, never lost by a restart.
import os from 'node:os';
import { sql } from 'kysely';
import type { Db, DbOrTrx, DialectName } from '../db/database.ts';
import { newId } from '../ids.ts';
import type { Clock } from '../time/clock.ts';
import type { JobTable } from '../db/schema.ts';
import { recordJobRun } from '../ops/metrics.ts';

export type JobHandler = (payload: unknown, job: JobTable) => Promise<void>;

const LOCK_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

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
  register(kind: string, handler: JobHandler): void;
  /** Claim and run due jobs until none is left (or `max` ran); returns how many ran. */
  runDue(max?: number): Promise<number>;
  /** Polls for due jobs; the returned stop() stops claiming and resolves once the running job ended. */
  start(intervalMs?: number): () => Promise<void>;
}

export interface JobRunnerDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  log?: (msg: string, err?: unknown) => void;
  /** How long a claim lasts: a job whose worker died is claimed again once its lease ran out. */
  leaseMs?: number;
}

export function createJobRunner(deps: JobRunnerDeps): JobRunner {
  const handlers = new Map<string, JobHandler>();
  const workerId = `${os.hostname()}:${process.pid}:${newId().slice(-6)}`;
  const leaseMs = deps.leaseMs ?? LOCK_MS;

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
    const handler = handlers.get(job.kind);
    const started = performance.now();
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload), job);
      recordJobRun(job.kind, true, (performance.now() - started) / 1000);
      await deps.db
        .updateTable('jobs')
        .set({ status: 'done', lockedBy: null, lockedUntil: null, finishedAt: deps.clock.now().toISOString() })
        .where('id', '=', job.id)
        // Only while the claim is still ours: after a lease ran out another worker owns the job.
        .where('lockedBy', '=', workerId)
        .execute();
    } catch (err) {
      recordJobRun(job.kind, false, (performance.now() - started) / 1000);
      const attempts = Number(job.attempts);
      const failed = attempts >= MAX_ATTEMPTS;
      const retryAt = new Date(deps.clock.now().getTime() + 2 ** attempts * 30_000).toISOString();
      deps.log?.(`job ${job.kind} ${job.id} failed (attempt ${attempts})`, err);
      await deps.db
        .updateTable('jobs')
        .set({
          status: failed ? 'failed' : 'pending',
          runAt: failed ? job.runAt : retryAt,
          lockedBy: null,
          lockedUntil: null,
          lastError: String(err instanceof Error ? err.stack ?? err.message : err).slice(0, 4000),
        })
        .where('id', '=', job.id)
        .where('lockedBy', '=', workerId)
        .execute();
    }
  }

  return {
    register(kind, handler) {
      handlers.set(kind, handler);
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
    start(intervalMs = 2000) {
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let running: Promise<void> = Promise.resolve();
      const tick = async () => {
        if (stopped) return;
        try {
          // One job at a time, checking `stopped` in between: a graceful shutdown (SIGTERM)
          // lets the running job finish and claims no further one.
          for (let n = 0; n < 100 && !stopped; n++) if ((await this.runDue(1)) === 0) break;
        } catch (err) {
          deps.log?.('job loop error', err);
        }
        if (!stopped) timer = setTimeout(() => (running = tick()), intervalMs);
      };
      timer = setTimeout(() => (running = tick()), 10);
      return async () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        await running;
      };
    },
  };
}

function camelRow(raw: Record<string, unknown>): JobTable {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  return out as unknown as JobTable;
}
