// A daily job runs once per day, even with several schedulers, and schedules the next day.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestServices, type TestServices } from '../../../test/helpers/test-services.ts';
import { FakeClock } from '../time/clock.ts';
import { createJobRunner } from './jobs.ts';
import { scheduleDaily } from './recurring.ts';

let s: TestServices;
const clock = new FakeClock('2025-09-26T20:00:00Z');
before(async () => {
  s = await createTestServices({ clock });
});
after(async () => s.cleanup());

test('scheduleDaily runs once per day and chains to the next day', async () => {
  let runs = 0;
  const runners = [0, 1].map(() => createJobRunner({ db: s.database.db, dialect: s.database.dialect, clock }));
  for (const r of runners) await scheduleDaily(s.database.db, clock, r, 'test.daily', 19, async () => void runs++);
  // 2025-09-26T20:00Z is already 2025-09-27 in Beijing: today's run is due at 19:00Z on the 27th.
  assert.equal(await runners[0].runDue(), 0);
  clock.set('2025-09-27T19:30:00Z');
  await Promise.all(runners.map((r) => r.runDue()));
  assert.equal(runs, 1);
  clock.set('2025-09-28T19:30:00Z');
  await Promise.all(runners.map((r) => r.runDue()));
  assert.equal(runs, 2);
  const pending = await s.database.db.selectFrom('jobs').select('uniqueKey').where('kind', '=', 'test.daily').where('status', '=', 'pending').execute();
  assert.deepEqual(pending.map((p) => p.uniqueKey), ['test.daily:2025-09-29']);
});
