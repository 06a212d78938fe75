// Several worker PROCESSES claim jobs from one PostgreSQL jobs table (FOR UPDATE SKIP LOCKED,
// src/core/jobs/jobs.ts): 500 jobs each run exactly once, and a job held by a worker that is
// killed (SIGKILL, mid-run) is claimed again by another worker once its lease ran out (issue 8
// part 6). PostgreSQL only: SQLite deployments have one writer and run jobs in one process.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { enqueueJob } from '../../src/core/jobs/jobs.ts';
import { systemClock } from '../../src/core/time/clock.ts';
import { createTestServices, usingPostgres, type TestServices } from '../helpers/test-services.ts';

const JOBS = 500;
const WORKERS = 3;
const LEASE_MS = 1500;
const root = path.resolve(import.meta.dirname, '../..');
const skip = usingPostgres ? false : 'PostgreSQL only: set TEST_DATABASE_URL to run several worker processes';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function startWorker(url: string): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/deploy/job-worker-entry.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, LEASE_MS: String(LEASE_MS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
  return { child, ready };
}

describe('several worker processes on PostgreSQL', { skip }, () => {
  let s: TestServices;
  const workers: ChildProcess[] = [];
  before(async () => {
    s = await createTestServices();
  });
  after(async () => {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
    await s.cleanup();
  });

  test(`${JOBS} jobs run exactly once; a killed worker's job is retried after its lease`, async () => {
    const { db } = s.database;
    const url = s.config.database.kind === 'postgres' ? s.config.database.url : '';
    await sql`create table scale_job_runs (job_id text not null, pid integer not null, attempt integer not null)`.execute(db);
    await sql`create table scale_job_hangs (job_id text not null, pid integer not null)`.execute(db);
    // The hanging job is due first, so the first worker to start claims it.
    await enqueueJob(db, systemClock, 'scale.record', { n: -1, hang: true }, { runAt: '2000-01-01T00:00:00.000Z' });

    const started = Array.from({ length: WORKERS }, () => startWorker(url));
    workers.push(...started.map((w) => w.child));
    await Promise.all(started.map((w) => w.ready));
    const hang = await waitFor('the hanging job to be claimed', async () => {
      const rows = (await sql<{ jobId: string; pid: number }>`select job_id, pid from scale_job_hangs`.execute(db)).rows;
      return rows[0];
    });

    for (let n = 0; n < JOBS; n++) await enqueueJob(db, systemClock, 'scale.record', { n });
    // Kill the worker holding the claim while the others are working through the batch.
    await waitFor('the first runs', async () => {
      const c = (await sql<{ c: number }>`select count(*) as c from scale_job_runs`.execute(db)).rows[0];
      return Number(c.c) >= 50 ? true : undefined;
    });
    const victim = workers.find((w) => w.pid === Number(hang.pid));
    assert.ok(victim, 'the hanging job was claimed by one of the test workers');
    victim.kill('SIGKILL');

    await waitFor('every job to finish', async () => {
      const rows = await db.selectFrom('jobs').select(['status']).where('kind', '=', 'scale.record').execute();
      return rows.length === JOBS + 1 && rows.every((r) => r.status === 'done') ? true : undefined;
    });

    const runs = (await sql<{ jobId: string; pid: number; attempt: number }>`select job_id, pid, attempt from scale_job_runs`.execute(db)).rows;
    assert.equal(runs.length, JOBS + 1, 'one run per job');
    assert.equal(new Set(runs.map((r) => r.jobId)).size, JOBS + 1, 'no job ran twice');
    const pids = new Set(runs.map((r) => Number(r.pid)));
    assert.ok(pids.size >= 2, `jobs were shared between worker processes (${pids.size})`);

    const retried = runs.find((r) => r.jobId === hang.jobId);
    assert.ok(retried, 'the killed worker\'s job ran');
    assert.equal(Number(retried.attempt), 2);
    assert.notEqual(Number(retried.pid), Number(hang.pid));
    const job = await db.selectFrom('jobs').selectAll().where('id', '=', hang.jobId).executeTakeFirstOrThrow();
    assert.equal(job.status, 'done');
    assert.equal(Number(job.attempts), 2);

    for (const w of workers) if (w !== victim) w.kill('SIGTERM');
    await Promise.all(workers.filter((w) => w !== victim).map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once('exit', resolve)))));
  });
});
