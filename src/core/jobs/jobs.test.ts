// Jobs run exactly once, are retried after a failure, and unique keys make enqueueing idempotent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createJobRunner, enqueueJob } from './jobs.ts';
import { useTestServices } from '../../../test/helpers/service-fixture.ts';
import { FakeClock } from '../time/clock.ts';

describe('durable jobs', () => {
  const clock = new FakeClock('2025-09-26T02:00:00Z');
  const fixture = useTestServices({ clock });

  test('two runners over the same table run each job exactly once', async () => {
    const seen: number[] = [];
    const make = () => {
      const r = createJobRunner({ db: fixture.services.database.db, dialect: fixture.services.database.dialect, clock });
      r.register('test.record', async (payload) => {
        seen.push((payload as { n: number }).n);
      });
      return r;
    };
    for (let n = 0; n < 40; n++) await enqueueJob(fixture.services.database.db, clock, 'test.record', { n });
    const [a, b] = [make(), make()];
    const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
    assert.equal(ranA + ranB, 40);
    assert.deepEqual([...seen].sort((x, y) => x - y), Array.from({ length: 40 }, (_, i) => i));
  });

  test('a failing job is retried later, then succeeds', async () => {
    let calls = 0;
    const r = createJobRunner({ db: fixture.services.database.db, dialect: fixture.services.database.dialect, clock });
    r.register('test.flaky', async () => {
      calls++;
      if (calls === 1) throw new Error('first attempt fails');
    });
    await enqueueJob(fixture.services.database.db, clock, 'test.flaky', {});
    assert.equal(await r.runDue(), 1);
    assert.equal(await r.runDue(), 0, 'not due again until the back-off passes');
    clock.advanceMs(10 * 60_000);
    assert.equal(await r.runDue(), 1);
    assert.equal(calls, 2);
    const row = await fixture.services.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.flaky').executeTakeFirstOrThrow();
    assert.equal(row.status, 'done');
    assert.equal(Number(row.attempts), 2);
  });

  test('a unique key enqueues once', async () => {
    for (let i = 0; i < 3; i++) await enqueueJob(fixture.services.database.db, clock, 'test.once', {}, { uniqueKey: 'once:2025-09-26' });
    const rows = await fixture.services.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'test.once').execute();
    assert.equal(rows.length, 1);
  });
});
