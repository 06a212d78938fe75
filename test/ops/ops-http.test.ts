// /readyz, /metrics and their protection (issue 8 part 7).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../src/app.ts';
import { enqueueJob } from '../../src/core/jobs/jobs.ts';
import { useHttpFixture } from '../helpers/http-fixture.ts';

describe('operations endpoints', () => {
  const t = useHttpFixture({ env: { METRICS_TOKEN: 'scrape-secret-token' } });

  test('/readyz is 200 with the database up and every migration run', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().checks, { database: true, migrations: true, shuttingDown: false });
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  test('/readyz is 503 when a migration has not run (schema behind the code)', async () => {
    const { db } = t.services.database;
    const last = await db.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never, 'desc').executeTakeFirstOrThrow() as { name: string };
    const row = await db.selectFrom('kysely_migration' as never).selectAll().where('name' as never, '=', last.name as never).executeTakeFirstOrThrow();
    await db.deleteFrom('kysely_migration' as never).where('name' as never, '=', last.name as never).execute();
    try {
      const fresh = await buildApp(t.services);
      const res = await fresh.inject({ method: 'GET', url: '/readyz' });
      await fresh.close();
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().checks.migrations, false);
      assert.deepEqual(res.json().pendingMigrations, [last.name]);
    } finally {
      await db.insertInto('kysely_migration' as never).values(row as never).execute();
    }
  });

  test('/readyz turns 503 once shutdown begins, while /healthz stays 200', async () => {
    const fresh = await buildApp(t.services);
    assert.equal((await fresh.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
    fresh.lifecycle.beginShutdown();
    const res = await fresh.inject({ method: 'GET', url: '/readyz' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().checks.shuttingDown, true);
    assert.equal((await fresh.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    await fresh.close();
  });

  test('/metrics from this machine: request durations by route pattern, job runs and the queue', async () => {
    t.services.jobs.register('ops.metricsProbe', async () => {});
    t.services.jobs.register('ops.failingProbe', async () => {
      throw new Error('probe failure');
    });
    await enqueueJob(t.services.database.db, t.services.clock, 'ops.metricsProbe', {});
    await enqueueJob(t.services.database.db, t.services.clock, 'ops.failingProbe', {});
    assert.equal(await t.services.jobs.runDue(10), 2);
    await t.app.inject({ method: 'GET', url: '/items/01ZZZZZZZZZZZZZZZZZZZZZZZZ?q=secret' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    assert.match(res.body, /gongkai_http_request_duration_seconds_count\{method="GET",route="\/readyz",status="200"\} \d+/);
    assert.match(res.body, /gongkai_job_runs_total\{kind="ops.metricsProbe",outcome="done"\} 1/);
    assert.match(res.body, /gongkai_job_runs_total\{kind="ops.failingProbe",outcome="failed"\} 1/);
    assert.match(res.body, /gongkai_jobs\{status="pending"\} [1-9]/, 'the failed attempt is pending a retry');
    assert.match(res.body, /gongkai_process_cpu_seconds_total/);
    assert.doesNotMatch(res.body, /secret|01ZZZZZZZZZZZZZZZZZZZZZZZZ/, 'labels carry route patterns, never URLs');
  });

  test('/metrics is refused through a proxy or from elsewhere without the token', async () => {
    const viaProxy = await t.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.7' } });
    assert.equal(viaProxy.statusCode, 403);
    const remote = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7' });
    assert.equal(remote.statusCode, 403);
    const wrong = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7', headers: { authorization: 'Bearer scrape-secret-tokeX' } });
    assert.equal(wrong.statusCode, 403);
    const withToken = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7', headers: { authorization: 'Bearer scrape-secret-token' } });
    assert.equal(withToken.statusCode, 200);
    assert.match(withToken.body, /gongkai_jobs/);
  });
});
