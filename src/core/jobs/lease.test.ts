// Lease renewal: a job that runs longer than its lease is not claimed by a second worker while its
// own worker renews the lease, and a worker whose lease was taken never writes over the new claim.
// The lease is measured on a FakeClock that the test advances; renewals run on short real timers,
// and the test waits for each renewal to reach the database before moving the clock on.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createJobRunner, enqueueJob, type JobRunner } from './jobs.ts';
import { metrics } from '../ops/metrics.ts';
import { useTestServices } from '../../../test/helpers/service-fixture.ts';
import { FakeClock } from '../time/clock.ts';

const LEASE_MS = 60_000;
const OTHER_WORKER = 'other-host:4242:ZZZZZZ';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Polls `probe` on real time until it holds; fails the test after 15 s instead of hanging. */
async function until(what: string, probe: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = performance.now() + 15_000;
  while (!(await probe())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('job lease renewal', () => {
  const clock = new FakeClock('2025-09-26T02:00:00Z');
  const fixture = useTestServices({ clock });

  const jobRow = (kind: string) => fixture.services.database.db.selectFrom('jobs').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();
  const runner = (opts: { renewEveryMs: number; warnings?: string[] }): JobRunner =>
    createJobRunner({
      db: fixture.services.database.db, dialect: fixture.services.database.dialect, clock, leaseMs: LEASE_MS, renewEveryMs: opts.renewEveryMs,
      warn: (msg) => opts.warnings?.push(msg),
    });

  test('a job running past its lease is not claimed by a second runner while the first renews it', async () => {
    const kind = 'test.longRun';
    const gate = deferred();
    const runs: string[] = [];
    const first = runner({ renewEveryMs: 10 });
    const second = runner({ renewEveryMs: 10 });
    first.register(kind, async () => {
      runs.push('first');
      await gate.promise;
    });
    second.register(kind, async () => {
      runs.push('second');
    });
    await enqueueJob(fixture.services.database.db, clock, kind, {});
    const firstRan = first.runDue(1);
    await until('the first runner to start the job', () => runs.length === 1);
    assert.equal(first.status().running?.kind, kind);

    const claimedUntil = (await jobRow(kind)).lockedUntil ?? '';
    for (let step = 1; step <= 3; step++) {
      // Three quarters of a lease pass (on the Clock) while the handler runs; the runner renews the
      // lease from the new time on, and the second runner then finds nothing to claim.
      clock.advanceMs((LEASE_MS * 3) / 4);
      const renewedTo = new Date(clock.now().getTime() + LEASE_MS).toISOString();
      await until(`renewal ${step}`, async () => ((await jobRow(kind)).lockedUntil ?? '') >= renewedTo);
      assert.equal(await second.runDue(1), 0, `step ${step}: the second runner claimed a job whose lease was being renewed`);
    }
    assert.ok(clock.now().toISOString() > claimedUntil, 'the lease the job was first claimed for has run out');
    gate.resolve();
    assert.equal(await firstRan, 1);
    const row = await jobRow(kind);
    assert.equal(row.status, 'done');
    assert.equal(Number(row.attempts), 1);
    assert.equal(row.lockedBy, null);
    assert.deepEqual(runs, ['first']);
    assert.equal(first.status().running, undefined);
    clock.advanceMs(10 * LEASE_MS);
    assert.equal(await second.runDue(1), 0, 'a finished job is never claimed again');
  });

  test('a runner whose lease was taken stops renewing, is told so, and does not overwrite the new claim', async () => {
    const kind = 'test.stolen';
    const gate = deferred();
    const warnings: string[] = [];
    let signal: AbortSignal | undefined;
    const r = runner({ renewEveryMs: 10, warnings });
    r.register(kind, async (_payload, _job, context) => {
      signal = context.signal;
      await gate.promise;
    });
    await enqueueJob(fixture.services.database.db, clock, kind, {});
    const lostBefore = await lostCount(kind);
    const ran = r.runDue(1);
    await until('the job to start', () => signal !== undefined);
    // Another worker claimed the job after this one's lease ran out (simulated by rewriting the claim).
    const stolenUntil = new Date(clock.now().getTime() + 5 * LEASE_MS).toISOString();
    await fixture.services.database.db.updateTable('jobs').set({ lockedBy: OTHER_WORKER, lockedUntil: stolenUntil }).where('kind', '=', kind).execute();
    await until('the lost lease to be noticed', () => warnings.length > 0);
    assert.match(warnings[0], /lease lost/);
    assert.equal(signal?.aborted, true, 'the handler is told through its AbortSignal');
    assert.equal(await lostCount(kind), lostBefore + 1, 'gongkai_job_leases_lost_total counts it');
    gate.resolve();
    assert.equal(await ran, 1);
    const row = await jobRow(kind);
    assert.equal(row.status, 'running', 'the finished handler did not mark the other worker\'s job done');
    assert.equal(row.lockedBy, OTHER_WORKER);
    assert.equal(row.lockedUntil, stolenUntil, 'and did not renew the other worker\'s lease');
    assert.equal(row.finishedAt, null);
    assert.equal(warnings.length, 1, 'one warning per lost lease');
  });

  test('a failing handler whose lease was taken before any renewal leaves the new claim alone', async () => {
    const kind = 'test.stolenThenFails';
    const warnings: string[] = [];
    // Renewal far apart: the theft is only discovered by the finishing update.
    const r = runner({ renewEveryMs: 3_600_000, warnings });
    r.register(kind, async (_payload, job) => {
      await fixture.services.database.db.updateTable('jobs').set({ lockedBy: OTHER_WORKER }).where('id', '=', job.id).execute();
      throw new Error('handler failure after the lease was taken');
    });
    await enqueueJob(fixture.services.database.db, clock, kind, {});
    const before = await jobRow(kind);
    assert.equal(await r.runDue(1), 1);
    const row = await jobRow(kind);
    assert.equal(row.status, 'running');
    assert.equal(row.lockedBy, OTHER_WORKER);
    assert.equal(row.lastError, '', 'the failure was not written over the other worker\'s claim');
    assert.equal(row.runAt, before.runAt, 'no retry was scheduled over it');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /lease passed to another worker/);
  });
});

async function lostCount(kind: string): Promise<number> {
  const { values } = await metrics().jobLeasesLost.get();
  return values.find((v) => v.labels.kind === kind)?.value ?? 0;
}
