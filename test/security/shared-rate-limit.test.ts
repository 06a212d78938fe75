// Rate limits are counted in the database (core/http/rate-limit-store.ts), so two app instances
// over one database (docs/deployment.md: several instances behind nginx) share every limit: N/2
// sign-in attempts on each, and the next one is refused by either. The table holds HMACs, not
// addresses; windows follow the clock; named scope limits count apart; lapsed rows are purged (also
// by a daily worker job); a database failure lets requests through with a logged warning (fail
// open). Both databases (TEST_DATABASE_URL).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.ts';
import { databaseRateLimitStore, namedRateLimit, purgeExpiredRateLimitCounters } from '../../src/core/http/rate-limit-store.ts';
import type { FakeClock } from '../../src/core/time/clock.ts';
import { createServices, type Services } from '../../src/services.ts';
import { registerJobHandlers } from '../../src/worker.ts';
import { anonymousSession, encodeForm, type TestSession } from '../helpers/http.ts';
import { createTestServices, type TestServices } from '../helpers/test-services.ts';

const LIMIT = 4;

describe('rate limits shared by two instances over one database', () => {
  let services: TestServices;
  let second: Services;
  let appA: FastifyInstance;
  let appB: FastifyInstance;
  let anonA: TestSession;
  let anonB: TestSession;
  const logLines: string[] = [];

  before(async () => {
    services = await createTestServices({ env: { LOGIN_RATE_PER_MINUTE: String(LIMIT), APPLY_RATE_PER_MINUTE: '2' } });
    // The second instance: its own services and app, the same database and clock.
    second = await createServices(services.config, { clock: services.clock, migrate: false });
    appA = await buildApp(services, { logStream: { write: (line) => void logLines.push(line) } });
    appB = await buildApp(second);
    anonA = await anonymousSession(appA);
    anonB = await anonymousSession(appB);
  });
  after(async () => {
    await appA.close();
    await appB.close();
    await second.close();
    await services.cleanup();
  });

  // A new name each time: five failures on one name would lock it (also a 429, ACCOUNT_LOCKED).
  let attempt = 0;
  const login = (app: FastifyInstance, anon: TestSession, remoteAddress: string) =>
    app.inject({
      method: 'POST', url: '/console/login', remoteAddress,
      headers: { cookie: anon.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: encodeForm({ _csrf: anon.csrf, username: `nobody.${++attempt}`, password: 'wrong-password-1' }),
    });
  const counters = () => services.database.db.selectFrom('rateLimitCounters').selectAll().execute();

  test(`${LIMIT / 2} attempts on each instance use up the limit; the next is 429 on either`, async () => {
    for (let i = 0; i < LIMIT / 2; i++) {
      assert.notEqual((await login(appA, anonA, '203.0.113.20')).statusCode, 429, `A ${i}`);
      assert.notEqual((await login(appB, anonB, '203.0.113.20')).statusCode, 429, `B ${i}`);
    }
    const onA = await login(appA, anonA, '203.0.113.20');
    const onB = await login(appB, anonB, '203.0.113.20');
    assert.equal(onA.statusCode, 429);
    assert.equal(onB.statusCode, 429);
    assert.match(onB.body, /登录尝试过于频繁/);
    assert.notEqual((await login(appB, anonB, '203.0.113.21')).statusCode, 429, 'another address is not affected');
  });

  test('SQLite: counting leaves the connection at synchronous=FULL for every other commit', async () => {
    if (services.database.dialect !== 'sqlite') return;
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(services.database.db);
    assert.equal(Number(rows[0]!.synchronous), 2);
  });

  test('the table holds keyed hashes, not addresses', async () => {
    const rows = await counters();
    assert.ok(rows.length >= 2);
    for (const row of rows) {
      assert.match(row.key, /^[A-Za-z0-9_-]{43}$/);
      assert.doesNotMatch(JSON.stringify(row), /203\.0\.113|127\.0\.0\.1|console/);
    }
    assert.ok(rows.some((r) => Number(r.count) === LIMIT + 2), 'one row counted both instances');
  });

  test('the window lapses with the clock and the count restarts at 1', async () => {
    (services.clock as FakeClock).advanceMs(61_000);
    assert.notEqual((await login(appB, anonB, '203.0.113.20')).statusCode, 429);
    const counts = (await counters()).map((r) => Number(r.count));
    assert.ok(counts.includes(1));
  });

  test('named scope limits count apart: the application limit does not spend the tracking one', async () => {
    const apply = (app: FastifyInstance) => app.inject({ method: 'POST', url: '/api/v1/requests', remoteAddress: '203.0.113.30', payload: {} });
    assert.notEqual((await apply(appA)).statusCode, 429);
    assert.notEqual((await apply(appB)).statusCode, 429);
    assert.equal((await apply(appA)).statusCode, 429);
    const track = await appB.inject({ method: 'GET', url: '/api/v1/requests/track?code=X&phone=0000', remoteAddress: '203.0.113.30' });
    assert.notEqual(track.statusCode, 429);
  });

  test('a limit with no route and no name is refused at start-up', async () => {
    const app = Fastify();
    await app.register(rateLimit, { global: false, store: databaseRateLimitStore({ db: services.database.db, clock: services.clock, secretKey: Buffer.alloc(32, 1), log: app.log }) });
    assert.throws(() => app.rateLimit({ max: 1, timeWindow: 1000 }), /namedRateLimit/);
    assert.doesNotThrow(() => app.rateLimit(namedRateLimit('test.named', { max: 1, timeWindow: 1000 })));
    await app.close();
  });

  test('expired counters are purged; live ones stay', async () => {
    const now = services.clock.now().toISOString();
    const before = await counters();
    const live = before.filter((r) => r.expiresAt > now).length;
    assert.ok(live >= 1 && live < before.length, 'some counters lapsed, some are live');
    assert.equal(await purgeExpiredRateLimitCounters(services.database.db, now), before.length - live);
    assert.equal((await counters()).length, live);
  });

  test('the worker schedules the daily purge', async () => {
    await registerJobHandlers(second);
    const job = await services.database.db.selectFrom('jobs').select(['runAt', 'status']).where('kind', '=', 'rateLimits.purge').executeTakeFirst();
    assert.ok(job, 'rateLimits.purge is enqueued');
    assert.match(job.runAt, /T19:00:00\.000Z$/);
  });

  test('fail open: without the table, requests pass and a warning is logged', async () => {
    const db = services.database.db;
    await sql`alter table rate_limit_counters rename to rate_limit_counters_away`.execute(db);
    try {
      for (let i = 0; i < LIMIT + 2; i++) assert.notEqual((await login(appA, anonA, '203.0.113.40')).statusCode, 429, `attempt ${i}`);
    } finally {
      await sql`alter table rate_limit_counters_away rename to rate_limit_counters`.execute(db);
    }
    const warnings = logLines.filter((l) => l.includes('rate-limit counters unavailable'));
    assert.equal(warnings.length, 1, 'at most one warning a minute');
    assert.equal((JSON.parse(warnings[0]!) as { level: number }).level, 40);
    assert.doesNotMatch(warnings[0]!, /203\.0\.113\.40/, 'the warning names no address');
  });
});
