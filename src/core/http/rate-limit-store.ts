// Rate-limit counters in the database, shared by every app instance. @fastify/rate-limit's default
// store counts in process memory, so two instances behind nginx (docs/deployment.md) would each
// allow the full limit; DESIGN.md: nothing may assume one process. This is the plugin's `store`
// (the interface of its LocalStore / RedisStore in @fastify/rate-limit 10: `incr(key, cb,
// timeWindow, max)` and `child(routeOptions)`), over the table rate_limit_counters.
//
// - One fixed window per key, as the LocalStore counts: the first hit opens a window of
//   `timeWindow` ms; later hits add one until it lapses, then the count restarts at 1. One
//   write per hit (an upsert that increments and returns the count; on SQLite without an fsync,
//   see sqliteCounter), cheap enough for the load test's ~180 applications a second.
// - Keys are HMAC-SHA-256 (under a key derived from SECRET_KEY) of the limit's name and the client
//   key (an address): the table holds no personal data and expired rows are deleted, by the
//   worker's daily job and, at most every 10 minutes, by the instance that counts.
// - Fail open: when the database cannot count, the request goes through and a warning is logged
//   (at most once a minute). Login included: signing in needs the database anyway, and the
//   database-held lockout (5 failures per account, 30 per address) still applies once it is back.
// - Time is the injected clock, so tests move windows with a FakeClock.
import { createHmac } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor, RateLimitOptions } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import type { Clock } from '../time/clock.ts';

const PURGE_EVERY_MS = 10 * 60_000;
const WARN_EVERY_MS = 60_000;

export interface RateLimitStoreDeps {
  db: Db;
  clock: Clock;
  /** The platform secret key (core/crypto/secret-key.ts); a purpose-bound key is derived from it. */
  secretKey: Buffer;
  log: { warn(obj: object, msg: string): void };
}

/** What the plugin passes to `child`: the merged limit options, with the route when there is one. */
interface ChildOptions {
  routeInfo?: { method?: string | string[]; url?: string };
  nameSpace?: string;
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
}

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * Options for a limit that is not a route's own `config.rateLimit` (e.g. `scope.rateLimit(...)`
 * in a plugin scope): the plugin gives the store no route then, so the limit names itself.
 */
export function namedRateLimit(nameSpace: string, options: RateLimitOptions): RateLimitOptions {
  const named: RateLimitOptions & { nameSpace: string } = { ...options, nameSpace };
  return named;
}

/** Adds one hit to the key's current window (opening a new one when it lapsed); one statement. */
export async function incrementCounter(db: DbOrTrx, key: string, nowMs: number, windowMs: number): Promise<{ count: number; expiresAtMs: number }> {
  const windowStart = new Date(nowMs).toISOString();
  const expiresAt = new Date(nowMs + windowMs).toISOString();
  const row = await db
    .insertInto('rateLimitCounters')
    .values({ key, windowStart, count: 1, expiresAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        // Every right-hand side reads the row as it was (SQLite and PostgreSQL alike).
        const lapsed = eb(eb.ref('rateLimitCounters.expiresAt'), '<=', windowStart);
        return {
          count: eb.case().when(lapsed).then(eb.lit(1)).else(eb(eb.ref('rateLimitCounters.count'), '+', 1)).end(),
          windowStart: eb.case().when(lapsed).then(eb.val(windowStart)).else(eb.ref('rateLimitCounters.windowStart')).end(),
          expiresAt: eb.case().when(lapsed).then(eb.val(expiresAt)).else(eb.ref('rateLimitCounters.expiresAt')).end(),
        };
      }),
    )
    .returning(['count', 'expiresAt'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), expiresAtMs: Date.parse(row.expiresAt) };
}

/**
 * SQLite: the counter's commit skips the fsync that synchronous=FULL (core/db/database.ts) gives
 * every other commit. A counter lost in a power cut costs nothing, WAL keeps the file consistent,
 * and the hit costs ~0.3 ms instead of ~3 ms (measured on this machine). The connection is held,
 * so no other statement runs at the lower level; PostgreSQL needs none of this.
 */
function sqliteCounter(db: Db) {
  let level: number | undefined;
  return (key: string, nowMs: number, windowMs: number) =>
    db.connection().execute(async (conn) => {
      level ??= Number((await sql<{ synchronous: number }>`pragma synchronous`.execute(conn)).rows[0]?.synchronous ?? 2);
      await sql`pragma synchronous = normal`.execute(conn);
      try {
        return await incrementCounter(conn, key, nowMs, windowMs);
      } finally {
        await sql.raw(`pragma synchronous = ${level}`).execute(conn);
      }
    });
}

/** Deletes the counters whose window has lapsed; returns how many. */
export async function purgeExpiredRateLimitCounters(db: DbOrTrx, now: string): Promise<number> {
  const r = await db.deleteFrom('rateLimitCounters').where('expiresAt', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

function nameOf(options: ChildOptions): string {
  if (options.continueExceeding || options.exponentialBackoff)
    throw new Error('the database rate-limit store counts fixed windows only: continueExceeding and exponentialBackoff are not supported');
  const { method, url } = options.routeInfo ?? {};
  if (url) return `${Array.isArray(method) ? method.join(',') : (method ?? '')} ${url}`;
  if (options.nameSpace) return options.nameSpace;
  throw new Error('a rate limit outside a route config needs a name: use namedRateLimit(name, options)');
}

/** The store class to pass as @fastify/rate-limit's `store` option. */
export function databaseRateLimitStore(deps: RateLimitStoreDeps): FastifyRateLimitStoreCtor {
  const { db, clock, log } = deps;
  const hmacKey = createHmac('sha256', deps.secretKey).update('gongkai rate limits').digest();
  const count = dialectOf(db) === 'sqlite' ? sqliteCounter(db) : (key: string, nowMs: number, windowMs: number) => incrementCounter(db, key, nowMs, windowMs);
  let lastPurgeMs = 0;
  let lastWarnMs = -Infinity;

  const warn = (err: unknown, msg: string) => {
    const t = clock.now().getTime();
    if (t - lastWarnMs < WARN_EVERY_MS) return;
    lastWarnMs = t;
    log.warn({ err }, msg);
  };

  const purgeNowAndThen = (nowMs: number) => {
    if (nowMs - lastPurgeMs < PURGE_EVERY_MS) return;
    lastPurgeMs = nowMs;
    purgeExpiredRateLimitCounters(db, new Date(nowMs).toISOString()).catch((err: unknown) => warn(err, 'rate-limit counters: purge failed'));
  };

  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly name: string;
    /** The plugin constructs the root store with its options; children carry the limit's name. */
    constructor(_pluginOptions?: unknown, name = '') {
      this.name = name;
    }

    incr(key: string, callback: IncrCallback, timeWindow = 60_000): void {
      const nowMs = clock.now().getTime();
      const hashed = createHmac('sha256', hmacKey).update(`${this.name}\n${key}`).digest('base64url');
      count(hashed, nowMs, timeWindow).then(
        ({ count, expiresAtMs }) => callback(null, { current: count, ttl: Math.min(timeWindow, Math.max(0, expiresAtMs - nowMs)) }),
        (err: unknown) => {
          // Fail open (see the head of this file): no count, the full window left.
          warn(err, 'rate-limit counters unavailable: request not limited');
          callback(null, { current: 0, ttl: timeWindow });
        },
      );
      purgeNowAndThen(nowMs);
    }

    // Typed as the plugin declares it (route options); what it passes is the merged limit options.
    child(options: object): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(undefined, nameOf(options as ChildOptions));
    }
  }
  return DatabaseRateLimitStore;
}
