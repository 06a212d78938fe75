// One Kysely instance per process over SQLite (better-sqlite3, the default) or PostgreSQL (pg).
// The SQL is portable; what differs between the two lives in ./dialect.ts.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the database or a transaction: repositories accept both. */
export type DbOrTrx = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT come back from pg as strings; every count we read is far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * PostgreSQL connections per process unless DATABASE_POOL_SIZE says otherwise. A connection stays
 * checked out until the event loop gets round to its answer, so one busy process keeps many busy:
 * at 200 concurrent portal requests (npm run load) ~25 were in use; with 10 the pool was never
 * idle, ~80 queries waited for a connection and a request with several queries in a row waited
 * for each (an online application took 1.3–2 s). 20 still queued; 30 nearly never.
 */
export const DEFAULT_POOL_SIZE = 30;

/** Prepared statements kept per connection; the portal issues a few dozen distinct statements. */
export const STATEMENT_CACHE_SIZE = 500;

type SqliteStatement = ReturnType<SqliteDatabase.Database['prepare']>;

/**
 * Kysely's SQLite driver calls `prepare(sql)` for every query; preparing costs as much as running
 * a simple indexed read (10–18% of an item page's profile). better-sqlite3 statements are
 * reusable, and the driver runs one query at a time on its single connection (a mutex), so a
 * statement is never in use twice at once. Kept in a bounded LRU keyed by the SQL text; the
 * driver only ever calls `prepare` and `close` on the database object.
 */
export function withStatementCache(sqlite: SqliteDatabase.Database, size = STATEMENT_CACHE_SIZE) {
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(query: string): SqliteStatement {
      // Another process may write the same file (a separate worker, a CLI command): a deferred
      // transaction that read first and writes later fails at once with SQLITE_BUSY (the busy
      // timeout does not cover upgrading a read snapshot). BEGIN IMMEDIATE takes the write lock
      // up front and waits for it; within one process the driver runs one query at a time anyway.
      const sqlText = query === 'begin' ? 'begin immediate' : query;
      let stmt = statements.get(sqlText);
      if (stmt) {
        // Map keeps insertion order: re-inserting marks it most recently used.
        statements.delete(sqlText);
      } else {
        stmt = sqlite.prepare(sqlText);
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
      }
      statements.set(sqlText, stmt);
      return stmt;
    },
    close(): void {
      statements.clear();
      sqlite.close();
    },
  };
}

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  const plugins = [new CamelCasePlugin()];
  if (config.kind === 'postgres') {
    // Every query of a request waits for a free connection in turn; see DEFAULT_POOL_SIZE.
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? DEFAULT_POOL_SIZE });
    // An idle connection dropped by the server (restart, failover, admin termination) must not
    // crash the process: the pool discards it and the next query opens a fresh one.
    pool.on('error', (err) => console.error('PostgreSQL idle connection error:', err.message));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(config.file)), { recursive: true });
  const sqlite = new SqliteDatabase(config.file);
  // WAL lets readers run while a writer commits; synchronous=FULL so an acknowledged commit
  // survives a power cut, not just a process crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache instead of SQLite's 2 MiB default: the year's assessment and dashboard
  // read hundreds of thousands of index rows (npm run bench:dashboard).
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
