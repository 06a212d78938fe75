// Prometheus metrics (prom-client) for one process: HTTP request durations by route pattern, job
// runs and failures, and, read from the database at scrape time, the job queue by status (the
// queue is shared by every worker process, so any app instance can report it).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/database.ts';
import { requestsWaitingForTurn } from '../http/fair-turns.ts';

export interface ProcessMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  jobRuns: Counter<'kind' | 'outcome'>;
  jobDuration: Histogram<'kind'>;
  jobLeasesLost: Counter<'kind'>;
  jobTimeouts: Counter<'kind'>;
  httpWaiting: Gauge;
}

let processMetrics: ProcessMetrics | undefined;

/**
 * One registry per process (created on first use): the job runner and the HTTP app of the same
 * process report into it, and several apps built in one test process share it instead of
 * registering the same metric names twice.
 */
export function metrics(): ProcessMetrics {
  if (processMetrics) return processMetrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gongkai_' });
  processMetrics = {
    registry,
    httpDuration: new Histogram({
      name: 'gongkai_http_request_duration_seconds',
      help: 'HTTP request duration by route pattern (never the raw URL: it may carry tracking codes).',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobRuns: new Counter({
      name: 'gongkai_job_runs_total',
      help: 'Background jobs run by this process, by kind and outcome (done or failed attempt).',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'gongkai_job_duration_seconds',
      help: 'Background job run time by kind.',
      labelNames: ['kind'],
      buckets: [0.01, 0.1, 0.5, 1, 5, 30, 120, 600],
      registers: [registry],
    }),
    httpWaiting: new Gauge({
      name: 'gongkai_http_requests_waiting',
      help: 'HTTP requests read and waiting for their turn (HTTP_REQUESTS_PER_TURN): a lasting queue means the process is saturated.',
      registers: [registry],
      collect() {
        this.set(requestsWaitingForTurn());
      },
    }),
    jobLeasesLost: new Counter({
      name: 'gongkai_job_leases_lost_total',
      help: 'Running jobs whose lease passed to another worker (renewal came too late: a stalled process or database).',
      labelNames: ['kind'],
      registers: [registry],
    }),
    jobTimeouts: new Counter({
      name: 'gongkai_job_timeouts_total',
      help: 'Job attempts given up after their maximum run time (the handler hung or ran too long); each is retried with back-off.',
      labelNames: ['kind'],
      registers: [registry],
    }),
  };
  return processMetrics;
}

/** Records one finished job attempt (called by the job runner). */
export function recordJobRun(kind: string, ok: boolean, seconds: number): void {
  const m = metrics();
  m.jobRuns.inc({ kind, outcome: ok ? 'done' : 'failed' });
  m.jobDuration.observe({ kind }, seconds);
}

/** Records a job attempt given up after its maximum run time (core/jobs/jobs.ts). */
export function recordJobTimeout(kind: string): void {
  metrics().jobTimeouts.inc({ kind });
}

/** Records a running job whose lease renewal found the claim gone (core/jobs/lease.ts). */
export function recordLeaseLost(kind: string): void {
  metrics().jobLeasesLost.inc({ kind });
}

const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;

/** The exposition text: process metrics plus the job queue read from the database now. */
export async function renderMetrics(db: Db): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  const rows = await db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute();
  const queue = new Registry();
  const gauge = new Gauge({ name: 'gongkai_jobs', help: 'Jobs in the shared queue by status.', labelNames: ['status'], registers: [queue] });
  for (const status of JOB_STATUSES) gauge.set({ status }, Number(rows.find((r) => r.status === status)?.n ?? 0));
  const merged = Registry.merge([registry, queue]);
  return { contentType: registry.contentType, body: await merged.metrics() };
}
