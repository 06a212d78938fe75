// The standalone worker's own small HTTP listener (WORKER_HTTP_PORT; unset: none), so that systemd,
// a container orchestrator or Prometheus can watch a process that serves no pages:
//   /healthz  the process and its database answer (liveness);
//   /readyz   the database answers, every migration has run, the job loop is polling and the process
//             is not shutting down;
//   /metrics  this process's job runs, durations and lost leases plus the shared queue, under the
//             same rule as the app's /metrics (this machine without a proxy header, or METRICS_TOKEN).
// Plain node:http: three fixed GET routes need neither Fastify's routing nor its plugins.
import http from 'node:http';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { JobRunner, RunnerStatus } from '../jobs/jobs.ts';
import { renderMetrics } from './metrics.ts';
import { metricsAllowedFor } from './ops.routes.ts';
import { createReadinessCheck, type Lifecycle } from './readiness.ts';

export interface WorkerHttpDeps {
  db: Db;
  runner: JobRunner;
  lifecycle: Lifecycle;
  metricsToken: string;
  port: number;
  host: string;
}

export interface WorkerHttp {
  /** The port actually bound (WORKER_HTTP_PORT=0 picks a free one). */
  port: number;
  /** Stops accepting and ends open keep-alive connections. */
  close(): Promise<void>;
}

/** A loop that has not looked for jobs for this long while not running one has stalled. */
export function stallLimitMs(intervalMs: number): number {
  return Math.max(3 * intervalMs, 30_000);
}

/**
 * Is the job loop alive? Started and not stopped, and either running a job (however long: its lease
 * is renewed meanwhile, core/jobs/lease.ts) or having looked for jobs recently. `now` is
 * performance.now(), like the status's instants.
 */
export function runnerPolling(status: RunnerStatus, now: number): boolean {
  if (!status.polling) return false;
  if (status.running) return true;
  return status.lastPollAt !== undefined && now - status.lastPollAt <= stallLimitMs(status.intervalMs);
}

export async function startWorkerHttp(deps: WorkerHttpDeps): Promise<WorkerHttp> {
  const readiness = createReadinessCheck(deps.db, deps.lifecycle);

  const send = (res: http.ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  const json = (res: http.ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    if (path === '/healthz') {
      try {
        await sql`select 1`.execute(deps.db);
        return json(res, 200, { status: 'ok', role: 'worker' });
      } catch {
        return json(res, 503, { status: 'unavailable', role: 'worker' });
      }
    }
    if (path === '/readyz') {
      const r = await readiness();
      const status = deps.runner.status();
      const runner = runnerPolling(status, performance.now());
      const ready = r.ready && runner;
      // The kind and run time of the job in hand tell an operator why a worker is busy; no payload.
      const runningJob = status.running ? { kind: status.running.kind, seconds: Math.round((performance.now() - status.running.since) / 1000) } : null;
      return json(res, ready ? 200 : 503, {
        status: ready ? 'ready' : 'unavailable', ready, checks: { ...r.checks, runner }, pendingMigrations: r.pendingMigrations, runningJob,
      });
    }
    if (path === '/metrics') {
      if (!metricsAllowedFor(req.headers, req.socket.remoteAddress, deps.metricsToken)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden\n');
      const { contentType, body } = await renderMetrics(deps.db);
      return send(res, 200, contentType, body);
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  const listen = (host: string) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(deps.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(deps.host);
  } catch (err) {
    // A kernel without IPv6 cannot bind `::` (as in src/server.ts): IPv4 rather than nothing.
    if ((err as NodeJS.ErrnoException).code !== 'EAFNOSUPPORT' || deps.host !== '::') throw err;
    await listen('0.0.0.0');
  }
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : deps.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // A scraper's keep-alive connection would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
