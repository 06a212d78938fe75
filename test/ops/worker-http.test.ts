// The standalone worker's HTTP listener (WORKER_HTTP_PORT, src/core/ops/worker-http.ts): /healthz,
// /readyz (database, migrations, job loop polling, not shutting down) and /metrics under the app's
// METRICS_TOKEN rule; and src/worker.ts run as a process serves them and closes them on SIGTERM.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { createJobRunner, enqueueJob, type JobRunner, type RunnerStatus } from '../../src/core/jobs/jobs.ts';
import { createLifecycle, type Lifecycle } from '../../src/core/ops/readiness.ts';
import { runnerPolling, stallLimitMs, startWorkerHttp, type WorkerHttp } from '../../src/core/ops/worker-http.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

const TOKEN = 'worker-scrape-token';
const root = path.resolve(import.meta.dirname, '../..');

/** One GET over a fresh connection: the status and body, or the connection error's code. */
function get(port: number, url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: url, method, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end();
  });
}

function ok(r: { status: number; body: string } | { error: string }): { status: number; body: string } {
  if ('error' in r) throw new Error(`request failed: ${r.error}`);
  return r;
}

describe('worker HTTP listener', () => {
  let services: TestServices;
  let runner: JobRunner;
  let lifecycle: Lifecycle;
  let listener: WorkerHttp;

  before(async () => {
    services = await createTestServices({ env: { METRICS_TOKEN: TOKEN } });
    runner = createJobRunner({ db: services.database.db, dialect: services.database.dialect, clock: services.clock });
    lifecycle = createLifecycle();
    listener = await startWorkerHttp({ db: services.database.db, runner, lifecycle, metricsToken: TOKEN, port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await listener.close();
    await services.cleanup();
  });

  test('/healthz answers while the database does', async () => {
    const r = ok(await get(listener.port, '/healthz'));
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { status: 'ok', role: 'worker' });
  });

  test('/readyz: 503 until the job loop polls, 200 while it does, 503 once shutdown begins', async () => {
    const idle = ok(await get(listener.port, '/readyz'));
    assert.equal(idle.status, 503);
    assert.equal(JSON.parse(idle.body).checks.runner, false);

    const stop = runner.start(10);
    try {
      const r = ok(await get(listener.port, '/readyz'));
      assert.equal(r.status, 200, r.body);
      assert.deepEqual(JSON.parse(r.body).checks, { database: true, migrations: true, shuttingDown: false, runner: true });
    } finally {
      await stop();
    }
    const stopped = ok(await get(listener.port, '/readyz'));
    assert.equal(stopped.status, 503, 'a stopped loop is not ready');

    const fresh = createLifecycle();
    const other = await startWorkerHttp({ db: services.database.db, runner, lifecycle: fresh, metricsToken: TOKEN, port: 0, host: '127.0.0.1' });
    const stopAgain = runner.start(10);
    try {
      assert.equal(ok(await get(other.port, '/readyz')).status, 200);
      fresh.beginShutdown();
      const r = ok(await get(other.port, '/readyz'));
      assert.equal(r.status, 503);
      assert.equal(JSON.parse(r.body).checks.shuttingDown, true);
    } finally {
      await stopAgain();
      await other.close();
    }
  });

  test('/metrics: job runs and the queue from this machine; through a proxy only with METRICS_TOKEN', async () => {
    runner.register('ops.workerProbe', async () => {});
    await enqueueJob(services.database.db, services.clock, 'ops.workerProbe', {});
    assert.equal(await runner.runDue(5), 1);

    const local = ok(await get(listener.port, '/metrics'));
    assert.equal(local.status, 200);
    assert.match(local.body, /gongkai_job_runs_total\{kind="ops.workerProbe",outcome="done"\} 1/);
    assert.match(local.body, /gongkai_jobs\{status="done"\} [1-9]/);
    assert.match(local.body, /# TYPE gongkai_job_leases_lost_total counter/);

    const proxied = { 'x-forwarded-for': '203.0.113.7' };
    assert.equal(ok(await get(listener.port, '/metrics', proxied)).status, 403);
    assert.equal(ok(await get(listener.port, '/metrics', { ...proxied, authorization: 'Bearer wrong-token-of-same-len' })).status, 403);
    assert.equal(ok(await get(listener.port, '/metrics', { forwarded: 'for=203.0.113.7' })).status, 403);
    const withToken = ok(await get(listener.port, '/metrics', { ...proxied, authorization: `Bearer ${TOKEN}` }));
    assert.equal(withToken.status, 200);
    assert.match(withToken.body, /gongkai_job_runs_total/);
  });

  test('other paths and methods are refused', async () => {
    assert.equal(ok(await get(listener.port, '/console')).status, 404);
    assert.equal(ok(await get(listener.port, '/metrics', {}, 'POST')).status, 405);
  });

  test('a loop that stopped looking for jobs is not ready; one running a long job is', () => {
    const base: RunnerStatus = { polling: true, intervalMs: 2000, lastPollAt: 1000, running: undefined };
    assert.equal(runnerPolling(base, 1000 + stallLimitMs(2000)), true);
    assert.equal(runnerPolling(base, 1001 + stallLimitMs(2000)), false);
    assert.equal(runnerPolling({ ...base, running: { kind: 'backup.daily', id: 'x', since: 1000 } }, 1000 + 10 * stallLimitMs(2000)), true);
    assert.equal(runnerPolling({ ...base, polling: false }, 1000), false);
  });

  test('src/worker.ts with WORKER_HTTP_PORT serves /readyz and closes the listener on SIGTERM', async () => {
    const cfg = services.config;
    const env = {
      ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', WORKER_HTTP_PORT: '0', DATA_DIR: cfg.dataDir, METRICS_TOKEN: TOKEN,
      DATABASE_URL: cfg.database.kind === 'postgres' ? cfg.database.url : `sqlite:${cfg.database.file}`,
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const portLine = /worker HTTP on port (\d+)/;
      for (let i = 0; i < 600 && !portLine.test(out) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
      const port = Number(portLine.exec(out)?.[1]);
      assert.ok(port > 0, `worker did not start its listener: ${out}`);
      const ready = ok(await get(port, '/readyz'));
      assert.equal(ready.status, 200, ready.body);
      child.kill('SIGTERM');
      assert.equal(await exited, 0, out);
      assert.match(out, /shutdown complete/);
      assert.ok('error' in (await get(port, '/healthz')), 'the listener is closed');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
