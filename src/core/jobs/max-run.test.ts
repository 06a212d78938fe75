// Maximum run time: a handler that hangs is aborted through its signal, the attempt is recorded as
// failed and released for a retry with the usual back-off, the runner goes on with other jobs, and
// a kind that legitimately runs longer keeps its own limit. Limits are tens of real milliseconds;
// the back-off is measured on a FakeClock the test moves.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createJobRunner, enqueueJob, type JobRunner } from './jobs.ts';
import { scheduleDaily } from './recurring.ts';
import { metrics } from '../ops/metrics.ts';
import { useTestServices } from '../../../test/helpers/service-fixture.ts';
import { FakeClock } from '../time/clock.ts';

const SHORT_MS = 40;

/** A promise that never settles on its own: the hung handler. */
const forever = () => new Promise<void>(() => undefined);

describe('job maximum run time', () => {
  const clock = new FakeClock('2025-09-26T02:00:00Z');
  const fixture = useTestServices({ clock });

  const jobRow = (kind: string) => fixture.services.database.db.selectFrom('jobs').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();
  const runner = (warnings: string[], maxRunMs = SHORT_MS): JobRunner =>
    createJobRunner({ db: fixture.services.database.db, dialect: fixture.services.database.dialect, clock, maxRunMs, warn: (msg) => warnings.push(msg) });

  test('a hung handler is aborted, recorded as failed, released for a retry, and the runner goes on', async () => {
    const warnings: string[] = [];
    const r = runner(warnings);
    let signal: AbortSignal | undefined;
    let attempt = 0;
    r.register('test.hangs', async (_payload, _job, context) => {
      attempt++;
      signal = context.signal;
      // The first attempt hangs and ignores its signal; the retry completes.
      if (attempt === 1) await forever();
    });
    const after: string[] = [];
    r.register('test.afterHung', async () => {
      after.push('ran');
    });
    await enqueueJob(fixture.services.database.db, clock, 'test.hangs', {});
    clock.advanceMs(1);
    await enqueueJob(fixture.services.database.db, clock, 'test.afterHung', {});
    const timeoutsBefore = await timeoutCount('test.hangs');

    assert.equal(await r.runDue(), 2, 'the hung job was given up and the next one ran');
    assert.deepEqual(after, ['ran']);
    assert.equal(signal?.aborted, true, 'the handler was told through its signal');
    assert.match(String((signal?.reason as Error).message), /maximum run time/);
    const row = await jobRow('test.hangs');
    assert.equal(row.status, 'pending');
    assert.equal(row.lockedBy, null, 'the lease is released');
    assert.equal(row.lockedUntil, null);
    assert.equal(Number(row.attempts), 1);
    assert.equal(row.lastError, 'job test.hangs exceeded its maximum run time of 0.04 s: aborted and given up, retried with back-off');
    assert.equal(row.runAt, new Date(clock.now().getTime() + 60_000).toISOString(), 'usual back-off after a first attempt: 2 × 30 s');
    assert.equal(await timeoutCount('test.hangs'), timeoutsBefore + 1, 'gongkai_job_timeouts_total counts it');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /test\.hangs .*maximum run time of 0\.04 s \(attempt 1\)/);
    assert.equal(r.status().running, undefined, '/readyz no longer shows the hung job as running');

    assert.equal(await r.runDue(), 0, 'not retried before its back-off');
    clock.advanceMs(60_000);
    assert.equal(await r.runDue(), 1);
    const retried = await jobRow('test.hangs');
    assert.equal(retried.status, 'done');
    assert.equal(Number(retried.attempts), 2);
  });

  test('a handler that honours its signal stops, and its late end changes nothing', async () => {
    const warnings: string[] = [];
    const r = runner(warnings);
    let stopped: (() => void) | undefined;
    const ended = new Promise<void>((resolve) => (stopped = resolve));
    let steps = 0;
    r.register('test.loops', async (_payload, _job, { signal }) => {
      try {
        // A long loop that checks its signal between steps (like the tamper check or the backup).
        for (;;) {
          signal.throwIfAborted();
          steps++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      } finally {
        stopped?.();
      }
    });
    await enqueueJob(fixture.services.database.db, clock, 'test.loops', {});
    assert.equal(await r.runDue(1), 1);
    await ended;
    const stepsAtEnd = steps;
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(steps, stepsAtEnd, 'the loop stopped');
    const row = await jobRow('test.loops');
    assert.equal(row.status, 'pending');
    assert.match(row.lastError, /maximum run time/);
    assert.equal(row.finishedAt, null);
    assert.ok(warnings.some((w) => /has now ended/.test(w)), 'the abandoned handler\'s end is logged');
  });

  test('a kind registered with a longer limit runs past the default', async () => {
    const warnings: string[] = [];
    const r = runner(warnings);
    let outlived = false;
    r.register('test.longButFine', async (_payload, _job, { signal }) => {
      const start = performance.now();
      // Runs for longer than three default limits, then ends normally.
      while (performance.now() - start < 3 * SHORT_MS) await new Promise((resolve) => setTimeout(resolve, 5));
      outlived = !signal.aborted;
    }, { maxRunMs: 60_000 });
    await enqueueJob(fixture.services.database.db, clock, 'test.longButFine', {});
    assert.equal(await r.runDue(1), 1);
    assert.equal(outlived, true, 'its signal was not aborted at the default limit');
    assert.equal((await jobRow('test.longButFine')).status, 'done');
    assert.deepEqual(warnings, []);
  });

  test('a daily job gets the signal and its limit; a timed-out day is retried, not skipped', async () => {
    const warnings: string[] = [];
    const r = runner(warnings, 60_000);
    let signal: AbortSignal | undefined;
    await scheduleDaily(fixture.services.database.db, clock, r, 'test.daily', 2, async (sig) => {
      signal = sig;
      await forever();
    }, { maxRunMs: SHORT_MS });
    assert.equal(await r.runDue(1), 1);
    assert.equal(signal?.aborted, true);
    const rows = await fixture.services.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.daily').execute();
    assert.equal(rows.length, 1, 'the next day was not scheduled by the timed-out run');
    assert.equal(rows[0].status, 'pending');
    assert.equal(rows[0].uniqueKey, 'test.daily:2025-09-26');
    assert.match(rows[0].lastError, /maximum run time of 0\.04 s/);
  });
});

async function timeoutCount(kind: string): Promise<number> {
  const { values } = await metrics().jobTimeouts.get();
  return values.find((v) => v.labels.kind === kind)?.value ?? 0;
}
