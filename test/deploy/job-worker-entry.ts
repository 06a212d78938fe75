// A worker process for test/deploy/job-workers.test.ts: the production job runner (createJobRunner)
// over the PostgreSQL database DATABASE_URL names, with a short lease (LEASE_MS) and one job kind,
// `scale.record`, whose handler records each execution in scale_job_runs. A payload with `hang`
// makes the first attempt mark scale_job_hangs and never finish, so that the test can kill this
// process while it holds a claimed job.
import { sql } from 'kysely';
import { openDatabase } from '../../src/core/db/database.ts';
import { createJobRunner } from '../../src/core/jobs/jobs.ts';
import { systemClock } from '../../src/core/time/clock.ts';

const url = process.env.DATABASE_URL ?? '';
const database = openDatabase({ kind: 'postgres', url });
const { db } = database;
const runner = createJobRunner({ db, dialect: 'postgres', clock: systemClock, leaseMs: Number(process.env.LEASE_MS ?? 2000) });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

runner.register('scale.record', async (payload, job) => {
  const { hang } = payload as { n: number; hang?: boolean };
  if (hang && Number(job.attempts) === 1) {
    await sql`insert into scale_job_hangs (job_id, pid) values (${job.id}, ${process.pid})`.execute(db);
    await new Promise(() => {});
  }
  // A little work, so that the workers' claims interleave.
  await pause(3);
  await sql`insert into scale_job_runs (job_id, pid, attempt) values (${job.id}, ${process.pid}, ${Number(job.attempts)})`.execute(db);
});

let stopped = false;
process.once('SIGTERM', () => {
  stopped = true;
});

async function loop(): Promise<void> {
  process.stdout.write('ready\n');
  while (!stopped) {
    const ran = await runner.runDue(50);
    if (ran === 0) await pause(50);
  }
  await database.close();
}

loop().catch((err) => {
  console.error(err);
  process.exit(1);
});
